"""PostgreSQL restarted during a burst of appointment requests: no request acknowledged and lost.

The test starts a PostgreSQL server of its own (`initdb` into a temporary directory, a free port on
127.0.0.1, run as the `postgres` user when the test runs as root), never the machine's shared one,
and the site in gunicorn against it (sync workers, so each keeps its connection between requests
as in production: `CONN_MAX_AGE` and `CONN_HEALTH_CHECKS` decide whether they survive). Patients
post the form from several threads, like browsers (a GET for the CSRF cookie and the form token,
then the POST), while the server is stopped (`pg_ctl stop -m fast`) and started again.

Then: every request answered with the thank-you redirect is stored exactly once; every other
answer is the "not saved" page carrying what the patient typed (or at least an error that claims
nothing); sending that page's form again once the database is back stores the request (once, even
if the first attempt had been stored after all); and new requests succeed without restarting the
site. It runs on both CI legs: the site under test uses its own database whatever DATABASE_URL
says.
"""

from __future__ import annotations

import glob
import html
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode

import psycopg
import pytest
from django.conf import settings
from django.db import OperationalError

from appointments import views
from appointments.models import AppointmentRequest
from tests.appointments.conftest import form_data

FORM = "/en/request-an-appointment/"
FORM_ES = "/es/solicitar-una-cita/"
THANKS = FORM + "thank-you/"
NOT_SAVED = "We could not save your request"
SUBMITTERS = 4
DEADLINE = 30  # seconds each phase of the burst may take, whatever happens

# Tables from the models directly (as Django's test runner does with MIGRATE False: replaying
# every migration takes over a minute here), then the pages the form needs.
SCHEMA_AND_PAGES = """
import os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")
from django.conf import settings

class NoMigrations(dict):
    def __contains__(self, app_label):
        return True
    def __getitem__(self, app_label):
        return None

settings.MIGRATION_MODULES = NoMigrations()
django.setup()
from django.core.management import call_command
call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)

from wagtail.models import Locale, Page, Site
from appointments.models import AppointmentPage
from network.models import HomePage, NetworkSettings

en = Locale.objects.create(language_code="en")
Locale.objects.create(language_code="es")
root = Page.add_root(instance=Page(title="Root", slug="root", locale=en))
home = root.add_child(instance=HomePage(title="Home", slug="home", hero_heading="Relief"))
site = Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
page = home.add_child(
    instance=AppointmentPage(
        title="Request an appointment",
        slug="request-an-appointment",
        consent_text="I agree to be called about my request.",
    )
)
page.save_revision().publish()
network = NetworkSettings.for_site(site)
network.central_intake_email = "intake@example.org"
network.appointment_page = page
network.save()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_bin(name: str) -> str:
    """A PostgreSQL server program: on PATH, or where Debian installs it."""
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    assert found, f"{name} not found: install the PostgreSQL server package"
    return found


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary directory, on a free port and a socket of its own."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="spine-pg-restart-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/spine"
        # initdb refuses to run as root: then the server runs as the `postgres` user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.root, user="postgres")

    def _run(self, program: str, *arguments: str) -> None:
        subprocess.run(
            [*self.as_user, postgres_bin(program), *arguments],
            check=True,
            capture_output=True,
            timeout=60,
            cwd=self.root,
        )

    def create(self) -> None:
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "-N"
        )
        self.start()
        with psycopg.connect(self.url.replace("/spine", "/postgres"), autocommit=True) as db:
            db.execute("CREATE DATABASE spine")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-w", "-l", "server.log", "-o", options, "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "fast", "stop")

    def remove(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def query(self, sql: str, *parameters: object) -> list[tuple]:
        with psycopg.connect(self.url, autocommit=True) as connection:
            return connection.execute(sql, parameters or None).fetchall()


@pytest.fixture
def database() -> Iterator[ThrowawayPostgres]:
    server = ThrowawayPostgres()
    try:
        server.create()
        yield server
    finally:
        server.remove()


@pytest.fixture
def site(database: ThrowawayPostgres) -> Iterator[str]:
    """The site in gunicorn on a free port, against the throwaway database: its address."""
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "TASKS_BACKEND": "database",  # queued in the database, as in production
        "EMAIL_URL": "consolemail://",
        "STATIC_MANIFEST": "false",
        "CONN_MAX_AGE": "60",
        # Every post here is a real patient's: no spam hold for speed or volume.
        "APPOINTMENTS_MIN_FILL_SECONDS": "0",
        "APPOINTMENTS_RATELIMIT_ADDRESS": "100000/m",
        "APPOINTMENTS_RATELIMIT_PHONE": "100000/m",
        "LOG_LEVEL": "ERROR",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run(
        [sys.executable, "-c", SCHEMA_AND_PAGES],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "network.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--timeout",
            "30",
            "--preload",  # Django loaded once, then forked: a quicker start
        ],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "gunicorn exited"
            try:
                if Browser(port).get(FORM).status == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the site did not start"
            time.sleep(0.2)
        yield port
    finally:
        server.send_signal(signal.SIGINT)  # quick shutdown (SIGTERM waits for idle workers)
        server.wait(timeout=30)


@dataclass
class Answer:
    status: int
    location: str
    body: str


@dataclass
class Browser:
    """Just enough of a browser: keeps its cookies, does not follow redirects."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, data: dict | list | None = None) -> Answer:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return Answer(
                response.status, response.getheader("Location", ""), response.read().decode()
            )
        finally:
            connection.close()

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, data: dict | list) -> Answer:
        return self.request("POST", path, data)


def hidden_value(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} in the page"
    return html.unescape(match.group(1))


def form_fields(page: str) -> list[tuple[str, str]]:
    """What a browser would send from the first form of a page (inputs and textareas)."""
    form = page[page.index("<form") : page.index("</form>")]
    fields = [
        (html.unescape(name), html.unescape(value))
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form)
    ]
    fields += [
        (html.unescape(name), html.unescape(value))
        for name, value in re.findall(
            r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S
        )
    ]
    return fields


def patient(n: int) -> dict[str, str]:
    return {
        "first_name": f"Ines{n}",
        "last_name": "Quintanilla",
        "phone": f"+1512555{n % 10_000:04d}",
        "email": f"ines{n}@example.com",
        "centre": "nearest",
        # "Use my location": ZIP centroids are data the migrations load, and this schema has none.
        "zip_code": "",
        "latitude": "30.2672",
        "longitude": "-97.7431",
        "reason": "other",
        "contact_time": "morning",
        "message": f"Sciatica down my left leg, request {n} <b>",
        "consent": "on",
        "website": "",
    }


@dataclass
class Outcome:
    number: int
    answer: Answer
    browser: Browser


def fill_in(browser: Browser, number: int) -> dict[str, str] | None:
    """The form as a browser shows it (None while the site cannot show it), filled in."""
    shown = browser.get(FORM)
    if shown.status != 200:
        return None
    return {
        **patient(number),
        "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        "form_token": hidden_value(shown.body, "form_token"),
    }


def test_a_database_restart_loses_no_acknowledged_request_and_the_site_recovers(
    database: ThrowawayPostgres, site: int
):
    outcomes: list[Outcome] = []
    numbers = iter(range(1, 10_000))
    lock = threading.Lock()
    stop = threading.Event()

    def submit_in_a_loop() -> None:
        browser = Browser(site)
        while not stop.is_set():
            with lock:
                number = next(numbers)
            try:
                data = fill_in(browser, number)
            except OSError:
                data = None
            if data is None:
                continue  # the form could not be shown: nothing was typed into it
            try:
                answer = browser.post(FORM, data)
            except OSError as error:  # no answer at all: fails the checks below
                answer = Answer(0, "", repr(error))
            with lock:
                outcomes.append(Outcome(number, answer, browser))
            browser = Browser(site)  # the next patient

    def acknowledged() -> int:
        with lock:
            return sum(outcome.answer.status == 302 for outcome in outcomes)

    def wait_until(condition) -> None:
        deadline = time.monotonic() + DEADLINE
        while not condition():
            # What the site answered instead (form errors, if any), to see why.
            assert time.monotonic() < deadline, [
                (
                    outcome.answer.status,
                    outcome.answer.location,
                    re.findall(r"<li><a href=\"#([^\"]+)\">([^<]+)", outcome.answer.body),
                )
                for outcome in outcomes[:2]
            ]
            time.sleep(0.05)

    # One patient has the form open when the database goes away.
    waiting = Browser(site)
    waiting_data = fill_in(waiting, 0)
    assert waiting_data is not None

    threads = [threading.Thread(target=submit_in_a_loop) for _ in range(SUBMITTERS)]
    for thread in threads:
        thread.start()
    try:
        wait_until(lambda: acknowledged() >= 8)
        database.stop()
        # Whatever the submitters were doing, this one certainly reaches a stopped database.
        refused = waiting.post(FORM, waiting_data)
        time.sleep(0.5)  # the burst goes on against the stopped database
        database.start()
        before = acknowledged()
        wait_until(lambda: acknowledged() >= before + 8)  # recovered, no restart of the site
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

    # The patient whose request could not be saved sees their input and is told so.
    assert refused.status == 503
    assert NOT_SAVED in refused.body
    for name in ("first_name", "last_name", "phone", "email", "message"):
        assert html.escape(waiting_data[name]) in refused.body
    assert "thank-you" not in refused.body

    stored = dict(
        database.query("SELECT email, count(*) FROM appointments_appointmentrequest GROUP BY email")
    )
    not_saved = [(refused, waiting)]
    for outcome in outcomes:
        answer, email = outcome.answer, patient(outcome.number)["email"]
        if answer.status == 302:
            assert answer.location.endswith(THANKS)
            assert stored.get(email) == 1, email  # acknowledged: stored, once
            assert outcome.browser.get(THANKS).status == 200
        else:
            # Never a success claimed for a request that may not be stored.
            assert answer.status in (500, 503), answer.status
            assert "thank-you" not in answer.body
            if answer.status == 503:
                assert NOT_SAVED in answer.body
                assert html.escape(patient(outcome.number)["message"]) in answer.body
                not_saved.append((answer, outcome.browser))
            assert stored.get(email, 0) <= 1
    assert not [email for email, count in stored.items() if count > 1]

    # Sent again from the "not saved" page once the database is back: stored, once.
    for page, browser in not_saved:  # each patient from their own browser (its CSRF cookie)
        data = form_fields(page.body)
        email = dict(data)["email"]
        answer = browser.post(FORM, data)
        assert (answer.status, answer.location.endswith(THANKS)) == (302, True)
        assert database.query(
            "SELECT count(*) FROM appointments_appointmentrequest WHERE email = %s", email
        ) == [(1,)]

    # New patients, one after another, reach every gunicorn worker's reused connection.
    for number in range(20_000, 20_006):
        browser = Browser(site)
        answer = browser.post(FORM, fill_in(browser, number))
        assert answer.status == 302
    assert database.query(
        "SELECT count(*) FROM appointments_appointmentrequest WHERE email LIKE 'ines200%'"
    ) == [(6,)]


# --- The same answers in-process, where the failure can be placed exactly -----------------------


@pytest.mark.django_db
def test_in_spanish_the_patient_is_told_and_keeps_what_they_typed(
    client, appointment_page_es, centres
):
    typed = form_data(first_name="Iñés", message="Dolor <b>lumbar</b> & ciática")
    with mock.patch.object(views.intake, "receive", side_effect=OperationalError("gone")):
        response = client.post(FORM_ES, typed)

    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "No pudimos guardar su solicitud" in page
    assert "Iñés" in page
    assert "Dolor &lt;b&gt;lumbar&lt;/b&gt; &amp; ciática" in page
    assert f'action="{FORM_ES}"' in page
    assert dict(form_fields(page))["form_token"] == typed["form_token"]
    assert not AppointmentRequest.objects.exists()


@pytest.mark.django_db
def test_stored_but_not_answered_then_sent_again_is_thanked_and_stored_once(
    client, appointment_page, centres
):
    remember = views._remember
    calls = []

    def database_gone_after_the_commit(response, appointment_id):
        calls.append(appointment_id)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        remember(response, appointment_id)

    with mock.patch.object(views, "_remember", database_gone_after_the_commit):
        first = client.post(FORM, form_data())
        assert first.status_code == 503
        again = client.post(FORM, dict(form_fields(first.content.decode())))

    assert again["Location"] == THANKS
    assert AppointmentRequest.objects.count() == 1
    reference = AppointmentRequest.objects.get().reference
    assert reference in client.get(THANKS).content.decode()
