"""Appointment requests per second, end to end, on the two-server cluster of bench/cluster.py.

    .venv/bin/python bench/submissions.py                   # 300 requests, 16 at a time
    .venv/bin/python bench/submissions.py --requests 1000 --concurrency 32

Starts the cluster (two gunicorn app servers, two `db_worker`s, one PostgreSQL database created
for the run and dropped after, the local Redis, an SMTP sink in this process: see bench/cluster.py,
which also says which limits are raised for the run). Every patient's form is open first (its
tokens fetched from `/api/form-token/`); the clock starts at the first POST. Prints:

- posted: requests per second from the first POST to the last answer (stored and routed: the
  answer is sent after the request's transaction commits);
- end to end: requests per second from the first POST until the SMTP sink has received the last
  notification email the workers sent;
- the counts (sent, acknowledged, stored, routed, notifications, emails received, duplicates).

The goal is 100 requests per second end to end with none lost. A benchmark, not a test: the
figure depends on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys

from cluster import Cluster, burst, lost, report


def machine() -> str:
    load = os.getloadavg()[0]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in open("/proc/cpuinfo")  # noqa: SIM115
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, load {load:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--redis-db", type=int, default=11, help="a Redis database of its own")
    parser.add_argument(
        "--server-processes", type=int, default=2, help="gunicorn sync workers per app server"
    )
    args = parser.parse_args()
    before = machine()
    with Cluster(redis_db=args.redis_db, server_processes=args.server_processes) as cluster:
        result = burst(cluster, args.requests, args.concurrency)
    print(f"Machine: {before}; after: load {os.getloadavg()[0]:.1f}")
    print(f"{args.requests} requests, {args.concurrency} at a time, across 2 app servers")
    print(f"posted (stored and routed): {result.sent / result.posted_seconds:.1f} req/s")
    print(f"end to end (email received): {result.sent / result.delivered_seconds:.1f} req/s")
    print("\n".join(report(result)))
    print("none lost, none doubled" if not lost(result) else "LOST OR DOUBLED")
    sys.exit(1 if lost(result) else 0)


if __name__ == "__main__":
    main()
