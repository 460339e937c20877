"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Playwright cannot download its own browser on these machines, so the tests use Debian's Chromium
(/usr/bin/chromium, or the path in CHROMIUM_PATH) and fail (never skip) with an install hint when
it is missing.
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from wagtail.models import Site

from network.localization import translate
from network.models import NetworkSettings
from tests.demo_database import DemoFiles
from tests.factories import StandardPageFactory

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Chromium at {CHROMIUM}: install it with "
            "`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium "
            "or Chrome binary.",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API runs an event loop in the test thread; Django then refuses ORM calls
    there (test database setup, fixtures) unless told that this is safe, which it is in a test.
    Session-scoped and autouse so it is in place before the session's database setup."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@dataclass(frozen=True)
class DemoServer:
    url: str
    env: dict[str, str]

    @property
    def database_url(self) -> str:
        """The demo server's own database, where tests read what a journey stored."""
        return self.env["DATABASE_URL"]

    def manage(self, *arguments: str) -> str:
        """Run a management command against the demo server's database; what it printed."""
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def rows(self, sql: str, *params: object) -> list[tuple]:
        """Run one read query (placeholders written `%s`) on the demo server's database.

        Straight to the database rather than through `manage shell`, which would set Django up
        again for every question a test asks (seconds each on a busy machine)."""
        parts = urlsplit(self.database_url)
        if parts.scheme == "sqlite":
            with closing(sqlite3.connect(parts.path)) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
        with psycopg.connect(self.database_url) as connection:
            return connection.execute(sql, params).fetchall()


def _demo_database(folder: Path) -> Iterator[str]:
    """The demo server's database, of the engine the tests run on: a fresh SQLite file, or with a
    PostgreSQL DATABASE_URL a database of its own beside the test database (named after it and the
    xdist worker), dropped afterwards."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'db.sqlite3'}"
        return
    parts = urlsplit(configured)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"{parts.path.lstrip('/')}_demo_{worker}"
    server = urlunsplit(parts._replace(path="/postgres"))

    def run(statement: str) -> None:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(statement)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_server(
    tmp_path_factory: pytest.TempPathFactory, demo_sqlite: DemoFiles | None
) -> Iterator[DemoServer]:
    """The demo as `make run` serves it, in a process of its own: a fresh database (SQLite, or
    PostgreSQL when the tests run on it) migrated and loaded with `load_demo`, served by
    `runserver` on a free port. On SQLite the database and media are a copy of the session's
    demo (`demo_sqlite`, loaded once for this and the in-process `demo` fixture), with the site's
    address made the one served, as `load_demo` would have made it.

    Tests of the whole demo use this rather than `live_server`: a transactional test database is
    flushed between tests, which also removes what migrations wrote (the tree's root, collections,
    groups, ZIP centroids) and the demo needs.

    Patients' journeys send many requests from one address in seconds: the form's minimum fill
    time and its per-address limits are lifted, as nothing here tests them (tests/appointments
    does).
    """
    folder = tmp_path_factory.mktemp("demo-server")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    with contextmanager(_demo_database)(folder) as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(folder / "media"),
            "DEBUG": "true",
            "BASE_URL": url,
            "TASKS_BACKEND": "immediate",
            "APPOINTMENTS_MIN_FILL_SECONDS": "0",
            "APPOINTMENTS_RATELIMIT_ADDRESS": "1000/h",
        }
        demo = DemoServer(url=url, env=env)
        if demo_sqlite is not None and database_url.startswith("sqlite:"):
            database = urlsplit(database_url).path
            shutil.copyfile(demo_sqlite.database, database)
            demo_sqlite.copy_media_to(folder / "media")
            with closing(sqlite3.connect(database)) as connection, connection:
                connection.execute(
                    "UPDATE wagtailcore_site SET hostname = ?, port = ? WHERE is_default_site",
                    ("127.0.0.1", port),
                )
        else:
            demo.manage("migrate", "--noinput")
            demo.manage("load_demo", "--force")
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(f"{url}/robots.txt", timeout=5)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.1)
            yield demo
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture
def site_pages(home, home_es):
    """What the header and home page need, created in the test itself: browser tests run on a
    transactional database that starts empty (no data from migrations)."""
    about = StandardPageFactory(parent=home, title="About us", slug="about-us")
    translate(about, "es", {"About us": "Quiénes somos", "about-us": "quienes-somos"})
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.main_phone = "+18005550142"
    settings.appointment_page = about
    settings.save()
    return home
