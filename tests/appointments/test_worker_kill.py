"""A real `db_worker` process killed with SIGKILL in the middle of a batch misses no notification
and sends none twice.

Everything is real and local: the worker runs as `manage.py db_worker` in a process of its own on
a freshly migrated SQLite file, and mails through SMTP to an aiosmtpd server on 127.0.0.1 in this
process, whose answer to each message is slow so the kill lands while a message is being handed
over. The server only keeps a message it has answered "250" (a client gone before that answer has
not handed it over). After the kill a new worker sends what was still queued, and
`send_pending_notifications` (the sweep, run at start-up and from cron) re-queues the one the
killed worker had claimed, once its lease has run out.
"""

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

REQUESTS = 5
SLOW_SECONDS = 0.5  # the server's pause before it accepts a message
LEASE_SECONDS = 2  # a claimed notification's lease in the worker (production: 300)
PATIENTS = [
    {
        "first_name": f"Zelda{n}",
        "last_name": "Quartermaine",
        "phone": f"+1512555017{n}",
        "email": f"zelda{n}@example.com",
        "zip_code": "78704",
        "message": f"Numbness in my left foot since March {n}",
    }
    for n in range(REQUESTS)
]

SEED = """
import json, sys
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site
from appointments.models import AppointmentRequest
from appointments.emails import message_id
from appointments.notifications import schedule
from network.models import NetworkSettings

network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
network.central_intake_email = "intake@example.org"
network.save()
ids = []
for patient in json.loads(sys.stdin.read()):
    with transaction.atomic():
        request = AppointmentRequest.objects.create(
            **patient, routed="fallback", reason="other", consent_text="I agree.",
            consent_at=timezone.now(),
        )
        ids += [message_id(row) for row in schedule(request)]
print(json.dumps(ids))
"""

STATES = """
import json
from appointments.models import Notification
print(json.dumps(list(Notification.objects.values_list("state", "attempts"))))
"""


class SlowServer:
    """Accepts each message after a pause; keeps only those it could answer."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.receiving = threading.Event()  # set while a message waits for its answer

    async def handle_DATA(self, server, session, envelope):
        self.receiving.set()
        try:
            # aiosmtpd cancels this when the client's connection is lost.
            await asyncio.sleep(SLOW_SECONDS)
        finally:
            self.receiving.clear()
        self.messages.append(envelope.content.decode())
        return "250 OK"

    def message_ids(self) -> list[str]:
        return sorted(
            line.split(":", 1)[1].strip()
            for message in self.messages
            for line in message.splitlines()
            if line.lower().startswith("message-id:")
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    server = SlowServer()
    controller = Controller(server, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield server, controller.port
    controller.stop()


@pytest.fixture(scope="session")
def test_database_copy(migrated_sqlite, tmp_path_factory) -> Iterator[str]:
    """A DATABASE_URL for a fresh database of its own, as `manage.py migrate` leaves it: the
    worker runs in another process, so it cannot see the test's transaction. On SQLite a copy of
    the test database taken before any test ran (`migrated_sqlite`); otherwise a new database,
    migrated."""
    if migrated_sqlite is not None:
        path = tmp_path_factory.mktemp("worker-kill") / "db.sqlite3"
        shutil.copyfile(migrated_sqlite, path)
        yield f"sqlite:///{path}"
        return
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('worker-kill') / 'db.sqlite3'}"
        drop = None
    else:
        assert connection.vendor == "postgresql", connection.vendor
        server = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
        name = f"{settings['NAME']}_worker_kill"

        def psql(sql: str) -> None:
            command = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", f"{server}/postgres", "-c", sql]
            subprocess.run(command, check=True, capture_output=True)

        psql(f'DROP DATABASE IF EXISTS "{name}"')
        psql(f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"

        def drop() -> None:
            psql(f'DROP DATABASE "{name}"')

    migrated = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    yield url
    if drop is not None:
        drop()


@pytest.fixture
def project(test_database_copy: str, smtp):
    """Runs management commands on a copy of the test database, mailing to the slow server."""
    _, port = smtp
    env = {
        **os.environ,
        "DATABASE_URL": test_database_copy,
        "TASKS_BACKEND": "database",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "EMAIL_TIMEOUT": "10",
        "APPOINTMENTS_NOTIFY_LEASE_SECONDS": str(LEASE_SECONDS),
    }

    def manage(*arguments: str, stdin: str = "") -> str:
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            env=env,
            input=stdin,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout

    def worker() -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--queue-name", "*", "--no-startup-delay"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    manage.worker = worker
    return manage


def read_json(output: str):
    """What a `shell -c` script printed last (start-up may print before it)."""
    return json.loads(output.strip().splitlines()[-1])


def wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.django_db
def test_a_worker_killed_mid_send_loses_no_notification_and_repeats_none(project, smtp):
    server, _ = smtp
    expected = read_json(project("shell", "-c", SEED, stdin=json.dumps(PATIENTS)))
    assert len(expected) == REQUESTS

    worker = project.worker()
    try:
        # Two messages accepted, the third handed over and waiting for its answer: kill.
        wait_for(lambda: len(server.messages) >= 2 and server.receiving.is_set(), 60)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        killed_at = time.monotonic()
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)
    time.sleep(SLOW_SECONDS * 2)  # the server had no client to answer: it kept nothing more
    assert len(server.messages) == 2
    states = read_json(project("shell", "-c", STATES))
    assert states.count(["sent", 1]) == 2
    assert states.count(["pending", 1]) == 1  # claimed by the killed worker, its lease running

    # Restarted: the worker sends what was still queued, but not the claimed one (its task died
    # with the worker and its lease has not run out).
    project("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")
    assert len(server.messages) == REQUESTS - 1

    # The sweep re-queues it once the lease is well past; the next worker sends it.
    time.sleep(max(0.0, killed_at + 2 * LEASE_SECONDS + 0.5 - time.monotonic()))
    assert "1 pending notification(s) queued again." in project("send_pending_notifications")
    project("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay")

    assert server.message_ids() == sorted(expected)  # every one delivered, none twice
    states = read_json(project("shell", "-c", STATES))
    assert sorted(states) == [["sent", 1]] * (REQUESTS - 1) + [["sent", 2]]
    for message in server.messages:
        for patient in PATIENTS:
            for detail in patient.values():
                assert detail not in message
