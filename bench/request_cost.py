"""CPU, or instructions, an appointment request costs the app server and the task worker.

    createdb -h 127.0.0.1 -U postgres spine_cost
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/spine_cost .venv/bin/python manage.py migrate
    DATABASE_URL=... TASKS_BACKEND=immediate .venv/bin/python manage.py load_demo --force
    .venv/bin/python -m aiosmtpd -n -c aiosmtpd.handlers.Sink -l 127.0.0.1:2525 &
    .venv/bin/python bench/request_cost.py --database postgres://postgres@127.0.0.1:5432/spine_cost
    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no \\
        .venv/bin/python bench/request_cost.py --database ... --posts 20 --requests 100 --callgrind

In this one process, with bench/cluster.py's settings (`DEBUG=false`, the database queue, Redis
database 9 (`--redis`) emptied first, raised rate limits, no minimum fill time): every form's
tokens are fetched first (`GET /api/form-token/`), then `--warmup` POSTs fill what a process
keeps, then `--posts` POSTs are measured, through Django's WSGI handler as gunicorn calls it, with
bench/cluster.py's patients (twenty ZIP codes, five reasons), every POST joining the delivery the
first one queued (as under load; otherwise whether a POST queues a delivery of its own depends on
the host's speed). Then `--requests` more requests are stored, all joining one delivery (so every
run has the same number of tasks), and the worker's delivery of their emails is measured
(`db_worker --batch`, to the SMTP sink on 127.0.0.1:2525).
Last, `--posts` more browsers fetch their tokens, the GET every patient's browser makes before
posting (bench/cluster.py's app servers' CPU includes it).

Prints CPU milliseconds per POST, per delivered request and per token GET (they depend on the
host's speed and load); with `--callgrind`, under valgrind as above, it turns instrumentation on
only while it measures and dumps one file per part (`callgrind.out.<pid>.1`: the POSTs, `.2`: the
worker, `.3`: the token GETs), whose `totals:` line is the instructions of that part: repeatable,
whatever the host's speed. Requests stored by an earlier run (emails `cost-*@example.com`) and
every task row are deleted first.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from cluster import PATIENT_ZIPS, REASONS  # noqa: E402

FORM = "/en/request-an-appointment/"


def configure(database: str, redis_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="network.settings",
        DEBUG="false",
        SECRET_KEY="bench-request-cost-not-a-secret-" + "x" * 30,
        DATABASE_URL=database,
        REDIS_URL=redis_url,
        ALLOWED_HOSTS="127.0.0.1",
        BASE_URL="http://127.0.0.1",
        STATIC_MANIFEST="false",
        TASKS_BACKEND="database",
        EMAIL_URL="smtp://127.0.0.1:2525",
        LOG_LEVEL="WARNING",
        APPOINTMENTS_RATELIMIT_ADDRESS="10000000/h",
        APPOINTMENTS_RATELIMIT_PHONE="10000000/h",
        APPOINTMENTS_MIN_FILL_SECONDS="0",
    )


class Browser:
    """One patient's form, its tokens fetched, posted through the WSGI application."""

    def __init__(self, app, n: int) -> None:
        self.app, self.n = app, n
        status, headers, body = self.call("GET", "/api/form-token/")
        assert status.startswith("200"), status
        cookies = SimpleCookie()
        for name, value in headers:
            if name.lower() == "set-cookie":
                cookies.load(value)
        self.cookie = "; ".join(f"{key}={morsel.value}" for key, morsel in cookies.items())
        self.fields = json.loads(body)["fields"]

    def call(self, method: str, path: str, body: bytes = b""):
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1:8000",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        if getattr(self, "cookie", ""):
            environ["HTTP_COOKIE"] = self.cookie
        if body:
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(body))
        answer: dict = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)

        result = self.app(environ, start_response)
        content = b"".join(result)
        result.close()
        return answer["status"], answer["headers"], content

    def post(self) -> None:
        n = self.n
        data = {
            **self.fields,
            "first_name": f"Cost{n}",
            "last_name": "Patient",
            "phone": f"+1737556{n % 10_000:04d}",  # not the demo's nor bench/cluster.py's
            "email": f"cost-{n}@example.com",
            "centre": "nearest",
            "zip_code": PATIENT_ZIPS[n % len(PATIENT_ZIPS)],
            "reason": REASONS[n % len(REASONS)],
            "contact_time": "morning",
            "message": "Pain down my leg when I sit.",
            "consent": "on",
            "website": "",
        }
        status, _, _ = self.call("POST", FORM, urlencode(data).encode())
        assert status.startswith("302"), status


def measured(name: str, callgrind: bool, run) -> float:
    """CPU seconds `run()` took (instructions counted only meanwhile, under callgrind)."""
    pid = str(os.getpid())
    if callgrind:
        subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)
    started = time.process_time()
    run()
    seconds = time.process_time() - started
    if callgrind:
        subprocess.run(["callgrind_control", "-d", name, pid], check=True, capture_output=True)
        subprocess.run(["callgrind_control", "-i", "off", pid], check=True, capture_output=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a PostgreSQL URL, the demo loaded")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200, help="delivered by the worker")
    parser.add_argument("--callgrind", action="store_true", help="run under valgrind (above)")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/9", help="emptied first")
    args = parser.parse_args()
    configure(args.database, args.redis)

    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    from appointments import tasks
    from appointments.models import Notification

    redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()
    with connection.cursor() as cursor:
        earlier = "SELECT id FROM appointments_appointmentrequest WHERE email LIKE 'cost-%%'"
        cursor.execute(f"DELETE FROM appointments_notification WHERE request_id IN ({earlier})")
        cursor.execute("DELETE FROM appointments_appointmentrequest WHERE email LIKE 'cost-%%'")
        cursor.execute("DELETE FROM django_tasks_database_dbtaskresult")
    app = get_wsgi_application()
    total = args.warmup + args.posts + args.requests
    browsers = [Browser(app, n) for n in range(1, total + 1)]
    warmup, posts = browsers[: args.warmup], browsers[args.warmup : args.warmup + args.posts]
    # Every POST joins the delivery the first one queued, as under load: whether a POST queued a
    # delivery of its own (an INSERT more) otherwise depended on how fast the host ran.
    tasks.JOIN_SECONDS = 3600
    for browser in warmup:
        browser.post()
    seconds = measured("posts", args.callgrind, lambda: [browser.post() for browser in posts])
    print(f"POST: {seconds * 1000 / args.posts:.2f} ms CPU each ({args.posts} POSTs)")

    # The worker: the POSTs' deliveries first, then one delivery for `--requests` requests.
    call_command("db_worker", "--batch", "--queue-name", "*", "--no-reload", verbosity=0)
    # Every request joins the first delivery queued after that.
    for browser in browsers[args.warmup + args.posts :]:
        browser.post()
    emails = Notification.objects.filter(state="pending").count()
    seconds = measured(
        "worker",
        args.callgrind,
        lambda: call_command(
            "db_worker", "--batch", "--queue-name", "*", "--no-reload", verbosity=0
        ),
    )
    left = Notification.objects.filter(state="pending").count()
    print(
        f"worker: {seconds * 1000 / args.requests:.2f} ms CPU per request "
        f"({args.requests} requests, {emails} emails, {left} left pending)"
    )

    # The tokens each patient's browser fetches before posting: `--posts` more, not posted.
    more = range(total + 1, total + args.posts + 1)
    seconds = measured("tokens", args.callgrind, lambda: [Browser(app, n) for n in more])
    print(f"GET /api/form-token/: {seconds * 1000 / args.posts:.2f} ms CPU each ({args.posts})")


if __name__ == "__main__":
    main()
