"""Fixtures shared by every app's tests: locales, the English home page and its Spanish translation."""

import pytest
import time_machine
from django.conf import settings
from django.core.cache import caches
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Site

from network.localization import translate
from tests.factories import HomePageFactory

DEMO_TESTS = "tests/demo/"


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Send every test of `tests/demo/` to one xdist worker, so the demo is loaded once; the
    other tests are spread one by one, as with xdist's default `load`.

    xdist's own `--dist loadgroup` would do this with a marker, but it renames items through an
    attribute that pytest 9.2 no longer reads, so the groups are silently ignored.
    """
    from xdist.scheduler import LoadScopeScheduling

    class DemoTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "demo" if nodeid.startswith(DEMO_TESTS) else nodeid

    if config.getvalue("dist") == "load":
        return DemoTogether(config, log)
    return None


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


@pytest.fixture(autouse=True)
def _english_by_default() -> None:
    """Start every test in the default language: a request to a Spanish page leaves Spanish
    active in the thread (LocaleMiddleware activates it and nothing resets it), which made tests
    that read English messages outside a request depend on which tests ran before them."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Every view is rendered in tests, which assert on what views do; the page cache's own
    tests (tests/network/test_page_cache.py) turn it back on."""
    settings.CACHE_MIDDLEWARE_SECONDS = 0


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with no rate-limit counter and no cached chrome or page: the database
    is rolled back between tests without the signals that would have made them stale
    (network.caching)."""
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def frozen_clock():
    """Time stands still for tests that count against a rate limit: limits count in fixed windows
    (a minute, an hour), and a test running across the end of one would see its counter reset."""
    with time_machine.travel(timezone.now(), tick=False):
        yield


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {
        "en": Locale.objects.get_or_create(language_code="en")[0],
        "es": Locale.objects.get_or_create(language_code="es")[0],
    }


@pytest.fixture
def home(locales):
    """An English HomePage as the default site's root (Wagtail's placeholder page removed).

    Transactional tests (live_server, browser tests) start from a flushed database without the
    root page and site that Wagtail's migrations create, so both are created when missing.
    """
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    home = HomePageFactory(parent=root, title="Home", slug="network-home")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    placeholder = site.root_page if site.pk else None
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    if placeholder is not None:
        placeholder.delete()
    return home


@pytest.fixture
def home_es(home):
    """The Spanish translation of the home page, made the way editors do with wagtail-localize."""
    return translate(home, "es", {"Home": "Inicio", home.hero_heading: "Alivio cerca de casa"})
