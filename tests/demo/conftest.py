"""The demo network, loaded for every test in this package at once.

Loading the demo takes tens of seconds, so the tests that read it live here and share one load:
`demo` (package-scoped) puts it in the test database before the package's first test; each test
runs in a transaction (pytest-django's `db`), so what a test changes is rolled back and the next
test sees the demo as loaded. When the package is done, the database is as before for the rest of
the suite.

On SQLite the demo is not loaded here but copied in: the session loads it once into a file
(`demo_sqlite`, tests/conftest.py), which the served demo of the browser tests copies too. On
PostgreSQL it is loaded in this process, inside a transaction that stays open while the package
runs and is rolled back at its end.

Under pytest-xdist (`make test` runs two workers) every test here goes to the same worker
(`tests/conftest.py` schedules them together), which runs them one after another.

Browser tests use the served demo instead (`demo_server`, tests/browser/conftest.py says why).
"""

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from tests.database_cache import restore
from tests.demo.accounts import PASSWORDS
from tests.demo_database import DEMO_BASE_URL, DemoFiles, make_renditions


@pytest.fixture(scope="package")
def demo(
    demo_sqlite: DemoFiles | None,
    migrated_sqlite: Path | None,
    django_db_blocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The demo, loaded for the package's tests; yields what `load_demo` printed (the accounts)."""
    media = tmp_path_factory.mktemp("demo-media")
    if demo_sqlite is not None:
        demo_sqlite.copy_media_to(media / "files")
        media = media / "files"
    with override_settings(MEDIA_ROOT=media, WAGTAILADMIN_BASE_URL=DEMO_BASE_URL):
        if demo_sqlite is None:
            yield from _loaded_in_process(django_db_blocker)
        else:
            yield from _restored(demo_sqlite, migrated_sqlite, django_db_blocker)
    cache.clear()


def _restored(demo: DemoFiles, migrated: Path, django_db_blocker) -> Iterator[str]:
    """On SQLite: the session's demo database (`demo_sqlite`) copied into the test database with
    SQLite's backup API, in a fraction of a second, and the database as migrations left it
    (`migrated_sqlite`) copied back when the package is done."""
    with django_db_blocker.unblock():
        restore(demo.database)
    try:
        yield demo.printed
    finally:
        with django_db_blocker.unblock():
            restore(migrated)


def _loaded_in_process(django_db_blocker) -> Iterator[str]:
    """On PostgreSQL: the demo loaded in this process, inside a transaction that stays open while
    the package runs and is rolled back when it is done."""
    django_db_blocker.unblock()
    outer = transaction.atomic()
    outer.__enter__()
    try:
        out = StringIO()
        # Callbacks that would run on commit (none should matter, but run them as a real load would).
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", "--force", stdout=out)
        make_renditions()
        cache.clear()
    except BaseException:
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        django_db_blocker.restore()
        raise
    django_db_blocker.restore()
    try:
        yield out.getvalue()
    finally:
        django_db_blocker.unblock()
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        django_db_blocker.restore()


@pytest.fixture
def sign_in(client, demo):
    """`sign_in("editor")`: the test client signed in with a demo account's real password."""

    def sign_in(username: str):
        client.logout()
        assert client.login(username=username, password=PASSWORDS[username])
        return client

    return sign_in
