"""Fixtures shared by every app's tests: locales, the English home page and its Spanish translation."""

import copy
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone, translation
from wagtail.models import Locale

from locations import geocoding
from network.caching import forget_local
from network.models import HomePage
from tests import database_cache
from tests.demo_database import DemoFiles, build_in
from tests.factories import make_home, make_home_es, make_locales

DEMO_TESTS = "tests/demo/"
# Browser tests against the `demo_server` fixture.
DEMO_SERVER_TESTS = ("tests/browser/test_axe_demo.py", "tests/browser/test_journeys")
# The longest tests, handed out first: the seconds each took (the demo's package: all of it),
# measured warm with two workers on 2026-12-02; only their order matters. The rest follow in
# collection order.
LONGEST = {
    DEMO_TESTS: 100,
    "tests/browser/test_journeys_editorial.py": 44,
    "tests/network/test_hostile_input.py": 43,
    "tests/appointments/test_malformed_posts.py": 29,
    "tests/appointments/test_worker_kill.py": 29,
    "tests/appointments/test_database_restart.py": 23,
    "tests/browser/test_axe_demo.py": 22,
    "tests/browser/test_journeys_staff.py": 13,
    "tests/network/test_production.py": 8,
    "tests/network/test_startup_warning.py": 6,
    "tests/browser/test_journeys_patient.py": 5,
}


def served_demo_together() -> bool:
    """Whether the served demo's browser tests run together on one worker: on PostgreSQL, where
    each served demo migrates and loads a database of its own (see the scheduler below)."""
    return connection.vendor != "sqlite"


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Hand out the longest work first, so that no worker starts a long test when the others are
    nearly done, and keep together what shares an expensive fixture.

    - Every test of `tests/demo/` goes to one worker, which puts the demo in its database once
      (on PostgreSQL by loading it: tens of seconds).
    - On PostgreSQL every browser test of the served demo goes to one worker too, whose
      `demo_server` migrates and loads a database of its own. On SQLite a served demo starts from
      a copy of the session's demo file in a second or two, so those tests are spread like the
      rest and each worker that gets one serves its own copy.
    - The groups and tests of `LONGEST` come first, longest first; then the rest one by one in
      collection order, the many small tests of tests/locations and tests/network last, evening
      out the end.

    On a cold run (`.test-cache/` empty) the first worker to need the demo builds it while the
    others wait for it or run tests that do not need it.

    xdist's own `--dist loadgroup` would group with a marker, but it renames items through an
    attribute that pytest 9.2 no longer reads, so the groups are silently ignored.
    """
    from xdist.scheduler import LoadScopeScheduling

    together = served_demo_together()

    class LongestFirst(LoadScopeScheduling):
        def __init__(self, config: pytest.Config, log=None) -> None:
            super().__init__(config, log)
            config.option.loadscopereorder = (
                False  # collection order: pytest_collection_modifyitems
            )

        def _split_scope(self, nodeid: str) -> str:
            if nodeid.startswith(DEMO_TESTS):
                return DEMO_TESTS
            if together and nodeid.startswith(DEMO_SERVER_TESTS):
                return "demo-server"
            return nodeid

    if config.getvalue("dist") == "load":
        return LongestFirst(config, log)
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests of `LONGEST` first, longest first, the rest after them in collection order
    (a stable sort: every module stays in one piece); on PostgreSQL the served demo's tests, run
    together, keep their collection order among themselves. Each xdist worker collects in this order and
    the scheduler hands the work out in it."""

    together = served_demo_together()

    def expected_seconds(item: pytest.Item) -> int:
        if together and item.nodeid.startswith(DEMO_SERVER_TESTS):
            # One worker runs them on one served demo (see the scheduler): in collection order,
            # as they always have, each journey's requests beside the others'.
            return LONGEST["tests/browser/test_journeys_editorial.py"]
        return next(
            (seconds for prefix, seconds in LONGEST.items() if item.nodeid.startswith(prefix)), 0
        )

    items.sort(key=expected_seconds, reverse=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--browser-artifacts",
        default="artifacts",
        help="Where a failed browser test leaves a screenshot and the HTML of its page "
        "(<test name>.png and .html; relative to the project). Default: artifacts.",
    )


def keep_failure_artifacts(item: pytest.Item, report: pytest.TestReport) -> list[Path]:
    """After a browser test failed, save what its browser last showed: a screenshot and the
    HTML of each page still open, named after the test, in the --browser-artifacts directory.
    Which files it wrote.

    The test's `page` fixture comes first, as `<test name>.png` and `.html`; pages the test opened
    in contexts of its own (a patient and a manager side by side) follow as `<test name>-2.png`
    and so on, in the order they were opened. Only the test's body is covered: by a fixture's
    teardown the pages are closed."""
    if report.when != "call" or not report.failed or item.get_closest_marker("browser") is None:
        return []
    pages = [item.funcargs["page"]] if "page" in item.funcargs else []
    if "browser" in item.funcargs:
        for context in item.funcargs["browser"].contexts:
            pages += [page for page in context.pages if page not in pages]
    pages = [page for page in pages if not page.is_closed()]
    if not pages:
        return []
    folder = item.config.rootpath / item.config.getoption("browser_artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "-", item.name).strip("-")
    saved = []
    for number, page in enumerate(pages, start=1):
        name = stem if number == 1 else f"{stem}-{number}"
        screenshot, html = folder / f"{name}.png", folder / f"{name}.html"
        page.screenshot(path=screenshot, full_page=True)
        html.write_text(page.content(), encoding="utf-8")
        saved += [screenshot, html]
    return saved


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    saved = keep_failure_artifacts(item, report)
    if saved:
        report.sections.append(("browser artifacts", "\n".join(str(path) for path in saved)))
    return report


@pytest.fixture
def page(page):
    """pytest-playwright's page, failing the test if the browser blocks anything under the
    Content-Security-Policy or rejects the Permissions-Policy (Chromium reports both on the
    console), or a script throws."""
    problems: list[str] = []

    def watch(message) -> None:
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            problems.append(message.text)

    page.on("console", watch)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    yield page
    assert problems == [], "\n".join(problems)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """Test users' passwords hashed with one PBKDF2 iteration (tests/passwords.py): Django's
    million cost 0.3 s of CPU per user made or signed in, on every test that has one."""
    with override_settings(PASSWORD_HASHERS=["tests.passwords.OneIterationPBKDF2PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    """Start every test in the default language: a request to a Spanish page leaves Spanish
    active in the thread (LocaleMiddleware activates it and nothing resets it), which made tests
    that read English messages outside a request depend on which tests ran before them."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Every view is rendered and routed in tests, which assert on what views do and what a
    first visit costs; the caches' own tests (tests/network/test_page_cache.py,
    test_fragments.py) turn them back on."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with no rate-limit counter and no cached chrome or page: the database
    is rolled back between tests without the signals that would have made them stale
    (network.caching)."""
    for alias in settings.CACHES:
        caches[alias].clear()
    forget_local()
    # ZIP code places kept in the process from an earlier test's database (a transactional test
    # flushes the table) must not answer for this one's.
    geocoding._zip_place.cache_clear()


@pytest.fixture
def frozen_clock():
    """Time stands still for tests that count against a rate limit: limits count in fixed windows
    (a minute, an hour), and a test running across the end of one would see its counter reset."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return make_locales()


@pytest.fixture
def home(locales) -> HomePage:
    return make_home(locales)


@pytest.fixture
def home_es(home) -> HomePage:
    return make_home_es(home)


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker) -> Iterator[None]:
    """Django's `setUpTestData` for a pytest module: a transaction open while the module runs.

    What a module-scoped fixture writes inside it is made once and seen by each of the module's
    tests, whose own transactions (pytest-django's `db`) nest in it as savepoints, so what a test
    changes is undone before the next; all of it is rolled back when the module is done. Objects
    are handed to each test as copies (`shared`), as Django copies `setUpTestData`'s, so a test
    that changes one in memory does not change it for the next.

    Only for modules whose tests all run in a transaction: a transactional test (`live_server`,
    `transactional_db`) empties the tables instead.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def shared(name: str):
    """A test fixture `name` answering with a copy of attribute `name` of the module's `world`,
    a module-scoped fixture built once in `module_transaction`: a module that defines `world` and
    assigns `home = shared("home")` has its tests share one home page instead of making one each.
    (`world` is a parameter, not looked up, so that pytest sets it up before the test's `db`.)"""

    @pytest.fixture(name=name)
    def fixture(world, db):
        return copy.deepcopy(getattr(world, name))

    return fixture


MIGRATED_SQLITE = pytest.StashKey[Path]()


def _sqlite_in_memory() -> bool:
    """Whether the test database is SQLite's in-memory one (SQLite without a test NAME)."""
    return connection.vendor == "sqlite" and not connection.settings_dict["TEST"].get("NAME")


@pytest.fixture(scope="session")
def django_db_use_migrations(django_db_use_migrations: bool, request) -> bool:
    """On SQLite in memory, the test database is not migrated in each worker but restored from
    the migrated file that `tests/database_cache.py` builds once and keeps (`django_db_setup`):
    pytest-django then makes the tables from the models only (a second), which the restored copy
    replaces whole."""
    if not django_db_use_migrations or not _sqlite_in_memory():
        return django_db_use_migrations
    request.config.stash[MIGRATED_SQLITE] = database_cache.migrated_database()
    return False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request) -> None:
    """pytest-django's test database; on SQLite in memory, made what migrations leave by
    restoring the kept migrated file (`django_db_use_migrations`)."""
    migrated = request.config.stash.get(MIGRATED_SQLITE, None)
    if migrated is not None:
        with django_db_blocker.unblock():
            database_cache.restore(migrated)


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup, request) -> Path | None:
    """A SQLite file holding the test database as `manage.py migrate` left it, for tests whose
    server or worker runs in a process of its own, and to restore the test database after the
    demo's tests: copying it replaces running every migration again. Only read, never written
    (`tests/database_cache.py` keeps it). None on PostgreSQL, or when the session made no test
    database."""
    return request.config.stash.get(MIGRATED_SQLITE, None)


@pytest.fixture(scope="session")
def demo_sqlite(migrated_sqlite: Path | None) -> DemoFiles | None:
    """The demo loaded into a copy of `migrated_sqlite`, with its image renditions made
    (tests/demo_database.py), built once and kept by `tests/database_cache.py`: under xdist the
    first worker to ask builds it and the other waits for the finished files. Loading the demo
    costs tens of seconds; the in-process `demo` fixture and the served demo (`demo_server`) each
    start from a copy. None where `migrated_sqlite` is None."""
    if migrated_sqlite is None:
        return None

    def build(folder: Path) -> None:
        shutil.copyfile(migrated_sqlite, folder / "db.sqlite3")
        (folder / "printed.txt").write_text(build_in(folder / "db.sqlite3", folder / "media"))

    folder = database_cache.kept("demo", database_cache.demo_key(), build)
    return DemoFiles(folder / "db.sqlite3", folder / "media", (folder / "printed.txt").read_text())
