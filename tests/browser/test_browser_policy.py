"""The Content-Security-Policy in Chromium: the Wagtail admin and the site's own scripts keep
working under it. Every browser test fails on a policy violation (tests/conftest.py's `page`)."""

import re

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long demo password for the admin"


def test_admin_sign_in_page_editor_and_image_chooser(live_server, page: Page, site_pages):
    get_user_model().objects.create_superuser("dana", "dana@example.org", PASSWORD)
    wagtail_factories.ImageFactory(title="Clinic entrance")
    page.goto(f"{live_server.url}/admin/login/")

    page.get_by_label("Username").fill("dana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Spine Network")

    page.goto(f"{live_server.url}/admin/pages/{site_pages.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value("Home")
    page.get_by_role("button", name="Choose an image").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Choose an image")).to_be_visible()
    dialog.get_by_role("link", name="Clinic entrance").click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("Clinic entrance")

    # The preview panel frames the page from the admin (the admin's policy allows its own frames).
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("link", name="Skip to main content")).to_be_attached()

    # A signed-in editor's view of the site: Wagtail's user bar works under the site's policy.
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("wagtail-userbar")).to_be_attached()


def test_use_my_location_rounds_the_position_before_it_reaches_the_url(
    live_server, browser, site_pages
):
    finder = LocationIndexPageFactory(parent=site_pages)
    LocationPageFactory(parent=finder, title="Austin Downtown")
    context = browser.new_context(
        geolocation={"latitude": 30.271234, "longitude": -97.742678},
        permissions=["geolocation"],
    )
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(f"{live_server.url}/en/locations/")

    page.get_by_role("button", name="Use my location").click()

    expect(page).to_have_url(re.compile(r"lat=30\.27&lon=-97\.74"))
    assert "30.2712" not in page.url and "97.7426" not in page.url
    expect(page.get_by_role("heading", name="Austin Downtown")).to_be_visible()
    assert blocked == []
    context.close()
