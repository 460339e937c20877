"""axe over the demo's key pages, in both languages, with each accessibility setting on.

One test loads the demo (tens of seconds) and checks every page and setting in that load: browser
tests run on a transactional database emptied after each test, so the load cannot be shared."""

import json
from io import StringIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.test import override_settings
from playwright.sync_api import Browser

from appointments.models import AppointmentPage
from blog.models import BlogIndexPage, BlogPage
from locations.models import LocationIndexPage, LocationPage
from network.models import Condition, HomePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SETTINGS = [None, "large-text", "high-contrast", "underline-links", "reduce-motion"]
SEARCH_WORDS = {"en": "sciatica", "es": "ciática"}


def key_paths(language: str) -> list[str]:
    """Home, finder with a search, a center, the article list, an article, a topic, site search,
    the appointment request page."""
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


def serious_violations(browser: Browser, url: str, setting: str | None) -> list[str]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if setting:
        prefs = json.dumps({setting: True})
        context.add_init_script(f"localStorage.setItem('a11y-prefs', {json.dumps(prefs)})")
    page = context.new_page()
    response = page.goto(url)
    assert response.status == 200, url
    results = Axe().run(page).response["violations"]
    context.close()
    return [
        f"{setting or 'default'} {url}: {v['id']} ({len(v['nodes'])} elements)"
        for v in results
        if v["impact"] in {"serious", "critical"}
    ]


def test_key_demo_pages_pass_axe_with_every_accessibility_setting(live_server, browser, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        call_command("load_demo", "--force", stdout=StringIO())
        found = []
        for language in ["en", "es"]:
            for path in key_paths(language):
                for setting in SETTINGS:
                    found += serious_violations(browser, live_server.url + path, setting)

    assert found == []
