"""axe over the demo's key pages, in both languages, with each accessibility setting on, against
the demo served as `make run` serves it (the `demo_server` fixture)."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from appointments.models import AppointmentPage
from blog.models import BlogIndexPage, BlogPage
from locations.models import LocationIndexPage, LocationPage
from network.models import Condition, HomePage

pytestmark = pytest.mark.browser

SETTINGS = [None, "large-text", "high-contrast", "underline-links", "reduce-motion"]
SEARCH_WORDS = {"en": "sciatica", "es": "ciática"}


def key_paths(language: str) -> list[str]:
    """Home, finder with a search, a center, the article list, an article, a topic, site search,
    the appointment request page. Run inside the demo server's database (see the test)."""
    home = HomePage.objects.get(locale__language_code=language)
    index = BlogIndexPage.objects.get(locale__language_code=language)
    sciatica = Condition.objects.get(slug="sciatica", locale__language_code=language)
    return [
        home.url,
        LocationIndexPage.objects.get(locale__language_code=language).url + "?q=78701",
        LocationPage.objects.live().filter(locale__language_code=language).first().url,
        index.url,
        BlogPage.objects.live().filter(locale__language_code=language).first().url,
        index.topic_url(sciatica),
        f"/{language}/search/?q={SEARCH_WORDS[language]}",
        AppointmentPage.objects.get(locale__language_code=language).url,
    ]


def serious_violations(browser: Browser, base_url: str, paths: list[str], setting: str | None):
    """axe's serious and critical violations on each page, loaded one after the other in one
    browser context whose visitor has chosen `setting` (as the accessibility menu stores it).

    One context per setting rather than per page: a new context starts a new renderer with cold
    caches, which cost more than the check itself. Each page is still a fresh load with the
    setting applied by preload.js, as a returning visitor sees it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if setting:
        prefs = json.dumps({setting: True})
        context.add_init_script(f"localStorage.setItem('a11y-prefs', {json.dumps(prefs)})")
    page = context.new_page()
    axe = Axe()
    found = []
    for path in paths:
        response = page.goto(base_url + path)
        assert response.status == 200, path
        found += [
            f"{setting or 'default'} {path}: {v['id']} ({len(v['nodes'])} elements)"
            for v in axe.run(page).response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
    context.close()
    return found


@pytest.fixture(scope="module")
def key_demo_paths(demo_server) -> list[str]:
    """The key pages of both languages, asked of the served demo once for the module."""
    # The last line: importing the project may print other things before it.
    return json.loads(
        demo_server.manage(
            "shell",
            "-c",
            "import json; from tests.browser.test_axe_demo import key_paths; "
            "print(json.dumps([path for language in ('en', 'es') for path in key_paths(language)]))",
        ).splitlines()[-1]
    )


# One test a setting, so that under xdist the five can run on different workers.
@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting or "default")
def test_key_demo_pages_pass_axe_with_each_accessibility_setting(
    demo_server, key_demo_paths, browser, setting
):
    assert len(key_demo_paths) == 16
    assert serious_violations(browser, demo_server.url, key_demo_paths, setting) == []
