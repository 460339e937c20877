"""Two app servers and two task workers on this machine, against one PostgreSQL and one Redis.

    .venv/bin/python bench/cluster.py                      # 200 requests, 16 at a time
    .venv/bin/python bench/cluster.py --requests 500 --concurrency 32

What docs/deploy.md describes, on one machine and loopback only: a PostgreSQL database created
for the run on 127.0.0.1:5432 (user postgres, dropped afterwards), the local Redis
(redis://127.0.0.1:6379, database `--redis-db`, emptied before and after), migrated and loaded
with the demo; an SMTP sink (aiosmtpd) in this process; two gunicorn app servers (2 sync workers
each, `--server-processes`) on two free ports and two `db_worker`s. Each patient is a browser of its own: it asks
`/api/form-token/` for its CSRF and form tokens (as the form on a cached page does), then posts the
request form to one of the two servers in turn. Then the workers are given time to send every
notification, and the run shows every request stored once, routed once and notified once:

    sent / acknowledged / stored / routed / notifications / emails received / duplicates

For the run only, the appointment rate limits are raised (`APPOINTMENTS_RATELIMIT_ADDRESS`,
`APPOINTMENTS_RATELIMIT_PHONE`: every request comes from 127.0.0.1) and the minimum fill time is
0 (`APPOINTMENTS_MIN_FILL_SECONDS`: a script posts at once): otherwise the burst would be held as
spam, stored but never notified. `bench/submissions.py` times the same path.
"""

from __future__ import annotations

import argparse
import email
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
HOST = "127.0.0.1"
POSTGRES = f"postgres://postgres@{HOST}:5432"
FORM = "/en/request-an-appointment/"
THANKS = FORM + "thank-you/"
EMAILS = "bench-{n}@example.com"  # the burst's requests, told apart from the demo's


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Sink:
    """An SMTP server keeping the Message-ID of every email it accepts, and when."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.message_ids: list[str] = []
        self.last_at = 0.0

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content)
        with self.lock:
            self.message_ids.append(str(message["Message-ID"]).strip())
            self.last_at = time.monotonic()
        return "250 OK"

    def count(self) -> int:
        with self.lock:
            return len(self.message_ids)


@dataclass
class Cluster:
    redis_db: int
    servers: int = 2
    workers: int = 2
    server_processes: int = 2  # gunicorn's sync workers on each app server
    name: str = field(default_factory=lambda: f"spine_cluster_{os.getpid()}")
    ports: list[int] = field(default_factory=list)
    processes: list[subprocess.Popen] = field(default_factory=list)
    sink: Sink = field(default_factory=Sink)

    @property
    def database_url(self) -> str:
        return f"{POSTGRES}/{self.name}"

    def env(self, smtp_port: int) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        env.update(
            DEBUG="false",
            SECRET_KEY="bench-cluster-not-a-secret-" + "x" * 30,  # the same on every process
            DATABASE_URL=self.database_url,
            REDIS_URL=f"redis://{HOST}:6379/{self.redis_db}",
            ALLOWED_HOSTS=HOST,
            BASE_URL=f"http://{HOST}",
            STATIC_MANIFEST="false",
            TASKS_BACKEND="database",
            EMAIL_URL=f"smtp://{HOST}:{smtp_port}",
            LOG_LEVEL="WARNING",
            APPOINTMENTS_RATELIMIT_ADDRESS="10000000/h",
            APPOINTMENTS_RATELIMIT_PHONE="10000000/h",
            APPOINTMENTS_MIN_FILL_SECONDS="0",
        )
        return env

    def admin(self, sql: str) -> None:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    def query(self, sql: str, *parameters: object) -> list[tuple]:
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            return connection.execute(sql, parameters or None).fetchall()

    def flush_redis(self) -> None:
        subprocess.run(
            ["redis-cli", "-h", HOST, "-n", str(self.redis_db), "FLUSHDB"],
            check=True,
            capture_output=True,
        )

    def __enter__(self) -> Cluster:
        self.smtp = Controller(self.sink, hostname=HOST, port=free_port())
        self.smtp.start()
        env = self.env(self.smtp.port)
        self.flush_redis()
        self.admin(f'CREATE DATABASE "{self.name}"')
        try:
            step("migrate and load the demo (a few minutes on a busy machine)")
            manage(env, "migrate", "--noinput")
            manage({**env, "TASKS_BACKEND": "immediate"}, "load_demo", "--force")
            for _ in range(self.servers):
                port = free_port()
                self.ports.append(port)
                self.processes.append(
                    spawn(
                        env,
                        GUNICORN,
                        "network.wsgi:application",
                        "--bind",
                        f"{HOST}:{port}",
                        "--workers",
                        str(self.server_processes),
                        "--preload",
                    )
                )
            for _ in range(self.workers):
                self.processes.append(
                    spawn(
                        env,
                        PYTHON,
                        "manage.py",
                        "db_worker",
                        "--queue-name",
                        "*",
                        "--no-reload",
                        "--interval",
                        "0.5",
                    )
                )
            for port in self.ports:
                wait_for(f"http://{HOST}:{port}/robots.txt")
        except BaseException:
            self.__exit__()
            raise
        step(f"app servers on :{self.ports[0]} and :{self.ports[1]}, {self.workers} workers")
        return self

    def __exit__(self, *exc_info: object) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.smtp.stop()
        self.admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.flush_redis()


def step(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


def manage(env: dict[str, str], *arguments: str) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")


def spawn(env: dict[str, str], *command: str) -> subprocess.Popen:
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


# Patients near the demo's centers (none at a center's own ZIP code), and the reasons they give:
# requests are routed across the network, by service where a reason is one.
PATIENT_ZIPS = [
    "78702", "78745", "77005", "77055", "75204", "76107", "78209", "33606", "33133", "32803",
    "32205", "30307", "30305", "30064", "85006", "85257", "85705", "80205", "80210", "80907",
]  # fmt: skip
REASONS = ["sciatica", "physical-therapy", "epidural-injections", "chiropractic-care", "other"]


@dataclass
class Patient:
    """One browser: its own cookies, its tokens, then its request. Plain `http.client`: the
    client shares the machine's two cores with what it measures, so it should cost little."""

    n: int
    port: int
    cookie: str = ""
    fields: dict[str, str] = field(default_factory=dict)

    def _exchange(self, method: str, path: str, body: str | None = None):
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            return answer.status, answer.getheader("Location") or "", answer.headers, answer.read()
        finally:
            connection.close()

    def open_form(self) -> None:
        """What the page's script does: this visitor's CSRF and form tokens."""
        status, _, headers, body = self._exchange("GET", "/api/form-token/")
        if status != 200:
            raise RuntimeError(f"/api/form-token/ answered {status}")
        cookies = SimpleCookie()
        for header in headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        self.cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
        self.fields = json.loads(body)["fields"]

    def send(self) -> bool:
        """Post the request; True when it was acknowledged (the redirect to the thank-you page)."""
        data = {
            **self.fields,
            "first_name": f"Bench{self.n}",
            "last_name": "Patient",
            "phone": f"+1737555{self.n % 10_000:04d}",  # not the demo requests' 512 numbers
            "email": EMAILS.format(n=self.n),
            "centre": "nearest",
            "zip_code": PATIENT_ZIPS[self.n % len(PATIENT_ZIPS)],
            "reason": REASONS[self.n % len(REASONS)],
            "contact_time": "morning",
            "message": "Pain down my leg when I sit.",
            "consent": "on",
            "website": "",
        }
        status, location, _, _ = self._exchange("POST", FORM, urlencode(data))
        return status == 302 and location.endswith(THANKS)  # a 200 is the form again


def _process_seconds(pids: set[int]) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def _family(roots: set[int]) -> set[int]:
    """These processes and all their descendants (gunicorn's workers are its master's children)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    family = set(roots)
    grew = True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in family} - family
        family |= children
        grew = bool(children)
    return family


def _named(name: str) -> set[int]:
    return {
        int(comm.parent.name)
        for comm in Path("/proc").glob("[0-9]*/comm")
        if comm.exists() and comm.read_text().strip().startswith(name)
    }


def cpu_seconds(cluster: Cluster) -> dict[str, float]:
    """CPU time used so far by each part: the app servers (masters and workers), the task
    workers, every PostgreSQL and Redis process on the machine, and this process (the patients'
    client and the SMTP sink)."""
    servers = {process.pid for process in cluster.processes if "gunicorn" in process.args[0]}
    workers = {process.pid for process in cluster.processes} - servers
    return {
        "app servers": _process_seconds(_family(servers)),
        "task workers": _process_seconds(_family(workers)),
        "PostgreSQL": _process_seconds(_named("postgres")),
        "Redis": _process_seconds(_named("redis-server")),
        "client and SMTP sink": sum(os.times()[:2]),
    }


@dataclass
class Burst:
    sent: int
    acknowledged: int
    posted_seconds: float  # first post to last answer
    delivered_seconds: float  # first post to the last notification email received
    counts: dict[str, int]
    cpu_ms_per_request: dict[str, float]  # from the first post to the last email


def burst(cluster: Cluster, requests: int, concurrency: int, *, timeout: float = 600) -> Burst:
    """Send `requests` requests across the app servers, wait for every notification, count."""
    patients = [Patient(n, cluster.ports[n % len(cluster.ports)]) for n in range(1, requests + 1)]
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(Patient.open_form, patients))  # the forms are open before anyone sends
        cpu_before = cpu_seconds(cluster)
        started = time.monotonic()
        acknowledged = sum(pool.map(Patient.send, patients))
    posted = time.monotonic() - started

    deadline = time.monotonic() + timeout
    while True:
        counts = count(cluster, requests)
        if counts["notifications pending"] == 0 and cluster.sink.count() >= counts["notifications"]:
            break
        if time.monotonic() > deadline:
            step("timed out waiting for the workers")
            break
        time.sleep(0.1)
    delivered = cluster.sink.last_at - started
    cpu = {
        part: round((seconds - cpu_before[part]) * 1000 / requests, 1)
        for part, seconds in cpu_seconds(cluster).items()
    }
    return Burst(requests, acknowledged, posted, delivered, count(cluster, requests), cpu)


def count(cluster: Cluster, requests: int) -> dict[str, int]:
    emails = [EMAILS.format(n=n) for n in range(1, requests + 1)]
    (stored, distinct, routed, spam, linked) = cluster.query(
        """SELECT count(*), count(DISTINCT email), count(*) FILTER (WHERE routed <> ''),
                  count(*) FILTER (WHERE status = 'spam'),
                  count(*) FILTER (WHERE duplicate_of_id IS NOT NULL)
           FROM appointments_appointmentrequest WHERE email = ANY(%s)""",
        emails,
    )[0]
    notifications = dict(
        cluster.query(
            """SELECT n.state, count(*) FROM appointments_notification n
               JOIN appointments_appointmentrequest r ON r.id = n.request_id
               WHERE r.email = ANY(%s) GROUP BY n.state""",
            emails,
        )
    )
    expected_ids = {
        row[0]
        for row in cluster.query(
            """SELECT n.message_id FROM appointments_notification n
               JOIN appointments_appointmentrequest r ON r.id = n.request_id
               WHERE r.email = ANY(%s)""",
            emails,
        )
    }
    with cluster.sink.lock:
        received = [mid for mid in cluster.sink.message_ids if mid in expected_ids]
    without_email = cluster.query(
        """SELECT count(*) FROM appointments_appointmentrequest r WHERE r.email = ANY(%s)
           AND NOT EXISTS (SELECT 1 FROM appointments_notification n WHERE n.request_id = r.id)""",
        emails,
    )[0][0]
    return {
        "stored": stored,
        "stored twice": stored - distinct,
        "routed": routed,
        "held as spam": spam,
        "linked as duplicates": linked,
        "requests without a notification": without_email,
        "notifications": sum(notifications.values()),
        "notifications sent": notifications.get("sent", 0),
        "notifications pending": notifications.get("pending", 0),
        "notifications failed": notifications.get("failed", 0),
        "emails received": len(received),
        "emails received twice": len(received) - len(set(received)),
    }


def report(result: Burst) -> list[str]:
    lines = [f"sent: {result.sent}", f"acknowledged: {result.acknowledged}"]
    lines += [f"{name}: {value}" for name, value in result.counts.items()]
    lines.append(
        "CPU per request (ms): "
        + ", ".join(f"{part} {ms}" for part, ms in result.cpu_ms_per_request.items())
    )
    return lines


def lost(result: Burst) -> bool:
    counts = result.counts
    return not (
        result.acknowledged == result.sent == counts["stored"] == counts["routed"]
        and counts["stored twice"] == counts["emails received twice"] == 0
        and counts["requests without a notification"] == 0
        and counts["notifications sent"] == counts["notifications"] == counts["emails received"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--redis-db", type=int, default=11, help="a Redis database of its own")
    parser.add_argument(
        "--server-processes", type=int, default=2, help="gunicorn sync workers per app server"
    )
    args = parser.parse_args()
    with Cluster(redis_db=args.redis_db, server_processes=args.server_processes) as cluster:
        result = burst(cluster, args.requests, args.concurrency)
    print("\n".join(report(result)))
    print(
        "every request stored, routed and notified once" if not lost(result) else "LOST OR DOUBLED"
    )
    sys.exit(1 if lost(result) else 0)


if __name__ == "__main__":
    main()
