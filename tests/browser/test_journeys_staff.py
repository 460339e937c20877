"""Staff journeys on the demo, in Chromium: a location manager works a new request in the
appointment inbox (status, note, CSV export) and sees only their centers' requests; the central
intake sends a request to another center, whose manager then has it.

The demo's `manager` manages Austin Downtown, Austin South Congress and San Antonio Riverwalk
(`locations.demo.MANAGED`); requests to any other center are not theirs."""

import csv

import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys import Patient, book, sign_in, stored_requests

pytestmark = pytest.mark.browser

INBOX = "/admin/appointments/"


def search_inbox(page: Page, demo_server, words: str) -> None:
    page.goto(f"{demo_server.url}{INBOX}?q={words}")


def open_request(page: Page, reference: str) -> None:
    page.get_by_role("link", name=reference, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)


def edit_request(page: Page) -> None:
    """From a request's page, its edit form (the header's Actions menu)."""
    page.locator("#w-slim-header-buttons").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Edit", exact=True).click()


def test_a_manager_works_a_new_request_and_exports_it(demo_server, page: Page, new_context):
    ours, theirs = Patient.new("Lena"), Patient.new("Omar")
    ours_reference = book(page, demo_server, ours, "Austin Downtown")
    theirs_reference = book(page, demo_server, theirs, "Houston Memorial")

    staff = new_context().new_page()
    sign_in(staff, demo_server, "manager")
    menu = staff.get_by_role("navigation", name="Main menu")
    menu.get_by_role("link", name="Appointment requests").click()
    expect(staff).to_have_url(demo_server.url + INBOX)
    listing = staff.locator("table.listing")
    row = listing.get_by_role("row").filter(has_text=ours_reference)
    expect(row).to_contain_text(ours.last_name)
    expect(row).to_contain_text("Austin Downtown")
    expect(row).to_contain_text("New")
    expect(listing).not_to_contain_text(theirs_reference)
    # Not even by looking for them.
    search_inbox(staff, demo_server, theirs.last_name)
    expect(staff.locator("table.listing")).to_have_count(0)

    search_inbox(staff, demo_server, ours.last_name)
    open_request(staff, ours_reference)
    edit_request(staff)
    staff.get_by_role("combobox", name="Status").select_option(label="Contacted")
    staff.get_by_label("Add an internal note").fill("Called back: prefers Tuesday mornings.")
    staff.get_by_role("button", name="Save").click()

    expect(staff.get_by_role("heading", level=1)).to_contain_text(ours_reference)
    notes = staff.locator("section", has=staff.get_by_role("heading", name="Internal notes"))
    expect(notes).to_contain_text("Called back: prefers Tuesday mornings.")
    [stored] = stored_requests(demo_server, ours)
    assert stored.status == "contacted"
    assert demo_server.rows(
        "SELECT n.text FROM appointments_appointmentnote n"
        " JOIN appointments_appointmentrequest r ON r.id = n.request_id WHERE r.reference = %s",
        ours_reference,
    ) == [("Called back: prefers Tuesday mornings.",)]

    staff.goto(demo_server.url + INBOX)
    staff.locator("#w-slim-header-buttons").get_by_role("button", name="Actions").click()
    with staff.expect_download() as download:
        staff.get_by_role("link", name="Download CSV").click()
    assert download.value.suggested_filename.endswith(".csv")
    with open(download.value.path(), newline="", encoding="utf-8-sig") as exported:
        rows = {row["reference"]: row for row in csv.DictReader(exported)}
    assert (rows[ours_reference]["last_name"], rows[ours_reference]["status"]) == (
        ours.last_name,
        "contacted",
    )
    assert rows[ours_reference]["centre"] == "Austin Downtown"
    assert theirs_reference not in rows
    assert {row["centre"] for row in rows.values()} <= {
        "Austin Downtown",
        "Austin South Congress",
        "San Antonio Riverwalk",
    }


def test_intake_sends_a_request_to_another_center_whose_manager_then_has_it(
    demo_server, page: Page, new_context
):
    patient = Patient.new("Ruth")
    reference = book(page, demo_server, patient, "Houston Memorial")

    manager = new_context().new_page()
    sign_in(manager, demo_server, "manager")
    search_inbox(manager, demo_server, patient.last_name)
    expect(manager.locator("table.listing")).to_have_count(0)

    intake = new_context().new_page()
    sign_in(intake, demo_server, "intake")
    search_inbox(intake, demo_server, patient.last_name)
    open_request(intake, reference)
    edit_request(intake)
    intake.get_by_label("Send to another center").select_option(label="Austin South Congress")
    intake.get_by_label("Why it goes to another center").fill("The patient works in South Austin.")
    intake.get_by_role("button", name="Save").click()
    expect(intake.get_by_role("heading", level=1)).to_contain_text(reference)

    [stored] = stored_requests(demo_server, patient)
    assert stored.centre == "Austin South Congress"

    search_inbox(manager, demo_server, patient.last_name)
    row = manager.locator("table.listing").get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Austin South Congress")
    open_request(manager, reference)
    expect(manager.locator("main")).to_contain_text("The patient works in South Austin.")
