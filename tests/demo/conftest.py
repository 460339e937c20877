"""The demo network, loaded once per test session for every test in this package.

Loading the demo takes tens of seconds, so the tests that read it live here and share one load:
`demo` (package-scoped) loads it inside a transaction that stays open while the package runs; each
test runs in a savepoint of it (pytest-django's `db`), so what a test changes is rolled back and the
next test sees the demo as loaded. When the package is done, the transaction is rolled back and the
database is as empty as before for the rest of the suite.

Under pytest-xdist (`make test` runs two workers) every test here goes to the same worker
(`tests/conftest.py` schedules them together), which runs them one after another and loads
the demo once.

Browser tests cannot use this fixture: the live server answers from another connection, which does
not see the uncommitted demo.
"""

from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, TestCase, override_settings
from wagtail.models import Page

from tests.demo.accounts import PASSWORDS

DEMO_BASE_URL = "http://testserver"


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[str]:
    """Load the demo once; yields what `load_demo` printed (the accounts)."""
    media = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"), WAGTAILADMIN_BASE_URL=DEMO_BASE_URL
    )
    media.enable()
    django_db_blocker.unblock()
    outer = transaction.atomic()
    outer.__enter__()
    try:
        out = StringIO()
        # Callbacks that would run on commit (none should matter, but run them as a real load would).
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", "--force", stdout=out)
        _make_renditions()
        cache.clear()
    except BaseException:
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
        django_db_blocker.restore()
        media.disable()
        raise
    django_db_blocker.restore()
    yield out.getvalue()
    django_db_blocker.unblock()
    transaction.set_rollback(True)
    outer.__exit__(None, None, None)
    django_db_blocker.restore()
    media.disable()
    cache.clear()


def _make_renditions() -> None:
    """Render each English page of the demo once, so that the image renditions its pages show
    (photos, heroes, illustrations, in every size of their srcset) exist before the tests.

    Tests roll back what they write, renditions included: every test that renders the demo's
    pages made all of them again (resizing some 200 pictures, most of what such a test cost).
    Made here, inside the package's transaction, they are made once. The Spanish pages show the
    same images in the same sizes. Nothing else is written by a visit (no cache either)."""
    client = Client()
    with override_settings(CACHE_MIDDLEWARE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0):
        for page in Page.objects.live().public().filter(locale__language_code="en").specific():
            if page.url:
                assert client.get(page.url).status_code == 200, page.url


@pytest.fixture
def sign_in(client, demo):
    """`sign_in("editor")`: the test client signed in with a demo account's real password."""

    def sign_in(username: str):
        client.logout()
        assert client.login(username=username, password=PASSWORDS[username])
        return client

    return sign_in
