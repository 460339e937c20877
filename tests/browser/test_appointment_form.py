"""The appointment form in Chromium: errors listed and linked, no serious axe violation, no
script or policy error, and a request sent through to the thank-you page; from a cached article
too, with the tokens fetched by the page, and without JavaScript (the form comes back filled in)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from wagtail.models import Site

from appointments.models import AppointmentPage, AppointmentRequest
from network.models import NetworkSettings
from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def request_page(site_pages):
    centre = LocationPageFactory(
        parent=LocationIndexPageFactory(parent=site_pages), title="Austin Downtown"
    )
    page = site_pages.add_child(
        instance=AppointmentPage(title="Request an appointment", slug="request-an-appointment")
    )
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.appointment_page = page
    network.save()
    return centre


def serious(page: Page) -> list[str]:
    violations = Axe().run(page).response["violations"]
    return [v["id"] for v in violations if v["impact"] in {"serious", "critical"}]


def test_errors_are_listed_and_linked_then_the_request_goes_through(
    live_server, page: Page, request_page, settings
):
    settings.APPOINTMENTS_MIN_FILL_SECONDS = 0
    page.goto(f"{live_server.url}/en/request-an-appointment/")
    assert serious(page) == []
    page.get_by_role("button", name="Send my request").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please check the form")
    summary.get_by_role("link", name="Enter your first name.").click()
    assert page.url.endswith("#id_first_name")
    expect(page.get_by_label("First name", exact=True)).to_have_attribute("aria-invalid", "true")
    assert serious(page) == []

    fill_in(page)
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your request")
    stored = AppointmentRequest.objects.get()
    expect(page.get_by_text(stored.reference)).to_be_visible()
    assert stored.centre == request_page


def test_use_my_location_routes_to_the_nearest_centre_without_a_zip_code(
    live_server, browser, request_page, settings
):
    settings.APPOINTMENTS_MIN_FILL_SECONDS = 0
    context = browser.new_context(
        geolocation={"latitude": 30.2712, "longitude": -97.7431}, permissions=["geolocation"]
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/en/request-an-appointment/")
    page.get_by_role("button", name="Use my location").click()
    expect(page.locator("[data-location-status]")).to_contain_text(
        "the center nearest to where you are"
    )
    page.get_by_label("First name", exact=True).fill("Ana")
    page.get_by_label("Last name", exact=True).fill("Ruiz")
    page.get_by_label("Phone", exact=True).fill("512-555-0123")
    page.get_by_label("Email", exact=True).fill("ana@example.com")
    page.get_by_label("Reason for your visit", exact=True).select_option("other")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send my request").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your request")
    context.close()
    stored = AppointmentRequest.objects.get()
    assert (stored.centre, stored.routed, stored.zip_code) == (request_page, "nearest", "")
    assert errors == []


@pytest.fixture
def cached_article(site_pages, request_page, settings):
    """An article (the form at its end), served from the page cache and its kept fragments, as
    in production."""
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.APPOINTMENTS_MIN_FILL_SECONDS = 0
    return BlogPageFactory(parent=BlogIndexPageFactory(parent=site_pages), title="Sciatica")


def fill_in(page: Page) -> None:
    page.get_by_label("First name", exact=True).fill("Ana")
    page.get_by_label("Last name", exact=True).fill("Ruiz")
    page.get_by_label("Phone", exact=True).fill("512-555-0123")
    page.get_by_label("Email", exact=True).fill("ana@example.com")
    page.get_by_label("Center", exact=True).select_option(label="Austin Downtown")
    page.get_by_label("Reason for your visit", exact=True).select_option("other")
    page.get_by_label("I agree").check()


def test_a_request_from_a_cached_article_goes_through_with_fetched_tokens(
    live_server, page: Page, cached_article, request_page
):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}{cached_article.url}")  # fills the cache
    response = page.goto(f"{live_server.url}{cached_article.url}")

    assert response.headers["cache-control"].startswith("public")
    form = page.locator("form[data-fresh-token]")
    fill_in(page)
    expect(form).to_have_attribute("data-fresh-token-state", "ready")
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your request")
    assert AppointmentRequest.objects.get().centre == request_page
    assert errors == []


def test_without_javascript_the_form_comes_back_filled_in_and_then_goes_through(
    live_server, browser, cached_article, request_page
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{cached_article.url}")
    fill_in(page)
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("alert")).to_contain_text("Please send your request again")
    expect(page.get_by_label("First name", exact=True)).to_have_value("Ana")
    expect(page.get_by_label("I agree")).to_be_checked()
    assert AppointmentRequest.objects.count() == 0
    page.get_by_role("button", name="Send my request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you: we have your request")
    context.close()
    assert AppointmentRequest.objects.get().centre == request_page
