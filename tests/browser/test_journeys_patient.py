"""Patients' journeys on the demo, in Chromium: from an article, from the finder (by ZIP code and
by "Use my location"), with the keyboard alone, and through a validation error. Each ends on the
thank-you page and is checked against what the demo server stored."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys import WORDS, Patient, fill_in, send, stored_requests

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "es"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_patient_reads_an_article_and_requests_an_appointment_at_its_end(
    demo_server, page: Page, language: str
):
    words = WORDS[language]
    patient = Patient.new()
    page.goto(demo_server.url + words["articles"])
    first = page.locator(".post-card__title a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    # The form at the article's end, after the article's own text.
    form = page.locator("article.post ~ .appointment-section form#appointment-form")
    expect(form).to_be_visible()
    fill_in(page, patient, language, centre="Houston Midtown")
    reference = send(page, language)

    will_call = words["will_call"].format(centre="Houston Midtown")
    expect(page.get_by_role("heading", name=will_call)).to_be_visible()
    [stored] = stored_requests(demo_server, patient)
    assert (stored.reference, stored.centre, stored.routed, stored.language) == (
        reference,
        "Houston Midtown",
        "chosen",
        language,
    )
    assert (stored.first_name, stored.email, stored.reason, stored.status) == (
        patient.first_name,
        patient.email,
        "other",
        "new",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_patient_finds_a_center_by_zip_code_and_books_there(
    demo_server, page: Page, language: str
):
    words = WORDS[language]
    patient = Patient.new()
    page.goto(demo_server.url + words["finder"])
    page.get_by_label(words["finder_query"], exact=True).fill("78701")
    page.get_by_role("button", name=words["find"]).click()

    austin = words["austin_downtown"]
    results = page.locator(".finder__list .finder-result")
    expect(results.first.get_by_role("heading")).to_have_text(austin)
    results.first.get_by_role("link", name=austin, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(austin)
    page.locator("main").get_by_role("link", name=words["book_here"], exact=True).click()

    # The request page names the center the patient came from.
    centre = page.get_by_label(words["centre"], exact=True)
    expect(centre.locator("option:checked")).to_have_text(austin)
    fill_in(page, patient, language)
    reference = send(page, language)

    expect(
        page.get_by_role("heading", name=words["will_call"].format(centre=austin))
    ).to_be_visible()
    # Stored against the center's English page, whichever language the patient read.
    [stored] = stored_requests(demo_server, patient)
    assert (stored.reference, stored.centre, stored.routed, stored.language) == (
        reference,
        "Austin Downtown",
        "chosen",
        language,
    )


# Pike Place, Seattle: Seattle First Hill is the nearest center, Tacoma the next.
SEATTLE = {"latitude": 47.6097, "longitude": -122.3422}


@pytest.mark.browser_context_args(geolocation=SEATTLE, permissions=["geolocation"])
def test_a_patient_shares_their_location_and_books_the_nearest_center(demo_server, page: Page):
    words = WORDS["en"]
    patient = Patient.new()
    page.goto(demo_server.url + words["finder"])
    page.get_by_role("button", name=words["use_location"]).click()

    first = page.locator(".finder__list .finder-result").first
    expect(first.get_by_role("heading")).to_have_text("Seattle First Hill")
    first.get_by_role("link", name=words["book_here"]).click()
    fill_in(page, patient, "en")
    reference = send(page, "en")

    expect(page.get_by_role("heading", name="Seattle First Hill will call you")).to_be_visible()
    [stored] = stored_requests(demo_server, patient)
    assert (stored.reference, stored.centre, stored.routed) == (
        reference,
        "Seattle First Hill",
        "chosen",
    )


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element has the focus, as a keyboard user moves through a page;
    fails if forty presses do not reach it."""
    for _ in range(40):
        if page.evaluate("s => document.activeElement?.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_a_patient_books_with_the_keyboard_alone(demo_server, page: Page):
    patient = Patient.new()
    page.goto(demo_server.url + WORDS["en"]["request_page"])
    for field, keys in [
        ("id_first_name", patient.first_name),
        ("id_last_name", patient.last_name),
        ("id_phone", patient.phone),
        ("id_email", patient.email),
        ("id_centre", "Dallas"),  # typing selects the option, as in any select
        ("id_reason", "Something"),
        ("id_contact_time", "Morning"),
        ("id_message", "Mornings before nine suit me best."),
    ]:
        tab_to(page, f"#{field}")
        page.keyboard.type(keys)
    tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    tab_to(page, "form#appointment-form button[type=submit]")
    page.keyboard.press("Enter")
    reference = page.locator(".appointment-thanks__reference strong")
    expect(page.get_by_role("heading", level=1)).to_have_text(WORDS["en"]["thanks"])

    [stored] = stored_requests(demo_server, patient)
    assert stored.reference == reference.inner_text()
    assert (stored.centre, stored.reason, stored.contact_time, stored.message) == (
        "Dallas Uptown",
        "other",
        "morning",
        "Mornings before nine suit me best.",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_patient_corrects_a_mistake_and_keeps_what_they_typed(
    demo_server, page: Page, language: str
):
    words = WORDS[language]
    patient = Patient.new()
    page.goto(demo_server.url + words["request_page"])
    fill_in(page, patient, language, centre="Tampa Channelside")
    page.get_by_label(words["email"], exact=True).fill("ana@")
    page.locator("#id_message").fill("I work nights.")
    page.get_by_role("button", name=words["send"]).click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(words["check_form"])
    summary.get_by_role("link", name=words["bad_email"]).click()
    email = page.get_by_label(words["email"], exact=True)
    expect(email).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_value("ana@")
    # Everything else is as the patient typed it.
    expect(page.get_by_label(words["first_name"], exact=True)).to_have_value(patient.first_name)
    expect(page.get_by_label(words["last_name"], exact=True)).to_have_value(patient.last_name)
    # The phone number comes back written the American way: (512) 555-0123.
    area, exchange, line = patient.phone.split("-")
    phone = page.get_by_label(words["phone"], exact=True)
    expect(phone).to_have_value(f"({area}) {exchange}-{line}")
    centre = page.get_by_label(words["centre"], exact=True)
    expect(centre.locator("option:checked")).to_have_text("Tampa Channelside")
    reason = page.get_by_label(words["reason"], exact=True)
    expect(reason.locator("option:checked")).to_have_text(words["other_reason"])
    expect(page.locator("#id_message")).to_have_value("I work nights.")
    assert stored_requests(demo_server, patient) == []

    email.fill(patient.email)
    page.get_by_label(words["consent"]).check()
    reference = send(page, language)

    [stored] = stored_requests(demo_server, patient)
    assert (stored.reference, stored.email, stored.centre, stored.message) == (
        reference,
        patient.email,
        "Tampa Channelside",
        "I work nights.",
    )
