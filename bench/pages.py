"""Page speed: the demo served by gunicorn, cached and uncached, beside a bare Django view.

    .venv/bin/python bench/pages.py                        # 3 alternating rounds of 10 s a page
    .venv/bin/python bench/pages.py --rounds 1 --duration 5
    .venv/bin/python bench/pages.py --compare "other site's article=http://127.0.0.1:8103/a/"

Builds the demo once in a scratch folder (`--workdir`, default /tmp/spine-bench: SQLite,
`DEBUG=false`, collected static files; the project's own database is never touched), then serves
it with gunicorn (2 sync workers) three times on 127.0.0.1: with the page cache (`:8101`), without
it (`PAGE_CACHE_SECONDS=0`, `:8102`: every answer rendered, with the kept page fragments and
routes of network.caching) and with nothing kept (`FRAGMENT_CACHE_SECONDS=0` too, `:8104`: what a
first visit after a change costs), and the ceiling (bench/ceiling.py, a bare Django view
answering 20 kB) the same way (`:8100`). `--compare NAME=URL` (repeatable) loads another
address, served by whatever you started, in the same alternating rounds (another site's page). The search rate limit is raised for the run. Each page is
loaded with `wrk -t2 -c8` (install it with `apt-get install wrk`), in rounds whose order
alternates, and every answer must be a 200. Prints req/s and p50/p99 latency (medians over the
rounds), SQL queries (uncached, chrome warm; a cache hit costs none) and bytes per page, and each
throughput as a fraction of the ceiling's.

A benchmark, not a test: figures depend on the machine and on what else runs; compare ratios from
one run. docs/performance.md holds the latest table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
HOST = "127.0.0.1"
PORTS = {"ceiling": 8100, "cached": 8101, "uncached": 8102, "rendered": 8104}
MODES = ("rendered", "uncached", "cached")
NOTHING_KEPT = {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}


def site_env(workdir: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DEBUG="false",
        SECRET_KEY="bench-pages-not-a-secret-" + "x" * 30,
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        ALLOWED_HOSTS=f"{HOST},testserver",
        BASE_URL=f"http://{HOST}:{PORTS['cached']}",
        LOCATIONS_SEARCH_RATELIMIT="10000000/m",
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
        REDIS_URL="",
        **extra,
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, check=True)


def prepare(workdir: Path) -> None:
    """The demo in a scratch database, built once (delete the folder to rebuild)."""
    if (workdir / "ready").exists():
        return
    workdir.mkdir(parents=True, exist_ok=True)
    env = site_env(workdir)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo", "--force")  # a scratch database
    manage(env, "collectstatic", "--noinput", "-v0")
    (workdir / "ready").touch()


def probe() -> None:
    """(Run inside the bench environment.) The pages to load, with their queries and bytes."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from blog.models import BlogPage
    from locations.models import LocationIndexPage, LocationPage

    def first(model, language):
        return model.objects.live().filter(locale__language_code=language).order_by("pk").first()

    finder = first(LocationIndexPage, "en").url
    pages = {
        "home": "/en/",
        "article": first(BlogPage, "en").url,
        "article (es)": first(BlogPage, "es").url,
        "finder, ZIP search": f"{finder}?q=78701",
        "finder, every center": finder,
        "center page": first(LocationPage, "en").url,
        "API, nearest (ZIP)": "/api/locations/nearest/?q=78701",
    }
    client = Client()
    answer = {}
    for name, url in pages.items():
        client.get(url)  # the chrome is computed on a first visit
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        answer[name] = {"url": url, "queries": len(queries), "bytes": len(response.content)}
    print(json.dumps(answer))


def serve(name: str, workdir: Path) -> subprocess.Popen:
    port = PORTS[name]
    common = ["--workers", "2", "--bind", f"{HOST}:{port}", "--log-level", "warning"]
    if name == "ceiling":
        command = [GUNICORN, *common, "--chdir", str(ROOT / "bench"), "ceiling:application"]
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    else:
        extra = {
            "cached": {},
            "uncached": {"PAGE_CACHE_SECONDS": "0"},
            "rendered": NOTHING_KEPT,
        }[name]
        command = [GUNICORN, *common, "--chdir", str(ROOT), "network.wsgi:application"]
        env = site_env(workdir, **extra)
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=sys.stderr)


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: int) -> dict[str, float]:
    output = subprocess.run(
        # A slow page (another site's) must not count as failed: wrk's own timeout is 2 s.
        ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx or 3xx responses" in output or "Socket errors" in output:
        raise SystemExit(f"{url}: not every answer was a 200\n{output}")

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * _UNITS[unit]

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
    }


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/spine-bench"))
    parser.add_argument(
        "--compare",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="another address to load in the same rounds (served by you, on 127.0.0.1)",
    )
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        return probe()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: sudo apt-get install wrk")

    prepare(args.workdir)
    pages = json.loads(
        subprocess.run(
            [PYTHON, __file__, "--probe"],
            env=site_env(args.workdir, **NOTHING_KEPT),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    servers = [serve(name, args.workdir) for name in PORTS]
    try:
        for name, port in PORTS.items():
            wait_for(f"http://{HOST}:{port}/" + ("" if name == "ceiling" else "en/"))
        targets = [("ceiling", "", f"http://{HOST}:{PORTS['ceiling']}/")]
        compared = dict(item.split("=", 1) for item in args.compare)
        for name, url in compared.items():
            targets.append((name, "other", url))
        for page, info in pages.items():
            for mode in MODES:
                targets.append((page, mode, f"http://{HOST}:{PORTS[mode]}{info['url']}"))
        load_before = os.getloadavg()
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for round_number in range(args.rounds):
            for page, mode, url in targets if round_number % 2 == 0 else targets[::-1]:
                urllib.request.urlopen(url).read()  # warm: caches filled, 200 checked
                results.setdefault((page, mode), []).append(wrk(url, args.duration))
        load_after = os.getloadavg()
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait()

    def median(page: str, mode: str, key: str) -> float:
        return statistics.median(run[key] for run in results[(page, mode)])

    ceiling = median("ceiling", "", "rps")
    print(f"Machine: {machine()}; load average {load_before[0]:.1f} before, {load_after[0]:.1f}")
    print(
        f"wrk -t2 -c8 -d{args.duration}s, {args.rounds} alternating rounds (medians); gunicorn "
        "2 sync workers, SQLite, DEBUG off\n"
    )
    print(
        "| page | nothing kept req/s | uncached req/s | p50 / p99 ms | cached req/s | "
        "p50 / p99 ms | queries (nothing kept) | kB | ÷ ceiling: nothing kept / uncached / "
        "cached |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    print(
        f"| bare Django view (ceiling) | | {ceiling:,.0f} | "
        f"{median('ceiling', '', 'p50'):.1f} / {median('ceiling', '', 'p99'):.1f} | | | 0 | 20.0 "
        "| 1 |"
    )
    for name, url in compared.items():
        with urllib.request.urlopen(url) as response:
            size = len(response.read())
        print(
            f"| {name} | | {median(name, 'other', 'rps'):,.1f} | "
            f"{median(name, 'other', 'p50'):.1f} / {median(name, 'other', 'p99'):.1f} | | | | "
            f"{size / 1024:.1f} | {median(name, 'other', 'rps') / ceiling:.3f} |"
        )
    for page, info in pages.items():
        rps = {mode: median(page, mode, "rps") for mode in MODES}
        latency = {
            mode: f"{median(page, mode, 'p50'):.1f} / {median(page, mode, 'p99'):.1f}"
            for mode in MODES
        }
        ratios = " / ".join(f"{rps[mode] / ceiling:.3f}" for mode in MODES)
        print(
            f"| {page} | {rps['rendered']:,.1f} | {rps['uncached']:,.1f} | {latency['uncached']} "
            f"| {rps['cached']:,.1f} | {latency['cached']} | {info['queries']} | "
            f"{info['bytes'] / 1024:.1f} | {ratios} |"
        )


if __name__ == "__main__":
    main()
