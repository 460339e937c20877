"""CSV export of the filtered list, the audit of views and exports, and the dashboard panel."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from appointments.models import AppointmentRequest
from tests.appointments.inbox.conftest import make_request

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointments/"
COLUMNS = [
    "reference",
    "received",
    "centre",
    "routed",
    "distance_miles",
    "language",
    "reason",
    "status",
    "notification_state",
    "first_name",
    "last_name",
    "phone",
    "email",
    "zip_code",
    "contact_time",
]


def export(client, **filters) -> list[dict]:
    response = client.get(INDEX, {"export": "csv", **filters})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def test_the_export_has_the_issues_columns_and_only_the_managers_requests(
    client, alice, centres, requests
):
    mine = requests["austin"][0]
    mine.distance_miles = "0.4"
    mine.zip_code = "78701"
    mine.save()
    mine.notifications.create(recipient="desk@example.org", state="failed")
    client.force_login(alice)

    rows = export(client)

    assert {row["reference"] for row in rows} == {r.reference for r in requests["austin"]}
    row = next(row for row in rows if row["reference"] == mine.reference)
    received = datetime.fromisoformat(row["received"])
    assert received.utcoffset() is not None
    assert received == mine.created_at.replace(microsecond=0)
    assert row["centre"] == "Austin Downtown"
    assert (row["routed"], row["distance_miles"], row["status"]) == ("chosen", "0.4", "new")
    assert row["notification_state"] == "failed"
    assert (row["first_name"], row["email"], row["zip_code"]) == (
        mine.first_name,
        mine.email,
        "78701",
    )
    assert row["phone"] == mine.phone.as_e164


def test_the_export_follows_the_filters(client, intake, centres, requests):
    requests["round_rock"][0].status = "scheduled"
    requests["round_rock"][0].save()
    client.force_login(intake)

    rows = export(client, centre=centres["round_rock"].pk, status="scheduled")

    assert [row["reference"] for row in rows] == [requests["round_rock"][0].reference]


def test_a_name_typed_as_a_formula_is_exported_as_text(client, alice, centres):
    make_request(centres["austin"], first_name="=HYPERLINK(1)")
    client.force_login(alice)

    (row,) = export(client)

    assert row["first_name"] == "'=HYPERLINK(1)"


def test_views_and_exports_are_recorded_and_shown_to_the_network_administrator(
    client, alice, boss, requests
):
    mine = requests["austin"][0]
    client.force_login(alice)
    client.get(f"{INDEX}inspect/{mine.pk}/")
    export(client, status="new")

    viewed = ModelLogEntry.objects.get(action="appointments.view")
    assert (viewed.user, viewed.object_id) == (alice, str(mine.pk))
    exported = ModelLogEntry.objects.filter(action="appointments.export")
    assert {e.object_id for e in exported} == {str(r.pk) for r in requests["austin"]}
    assert {e.user for e in exported} == {alice}
    assert len({e.data["export"] for e in exported}) == 1

    client.force_login(boss)
    report = client.get(
        "/admin/reports/site-history/", {"action": "appointments.export"}
    ).content.decode()
    assert all(r.reference in report for r in requests["austin"])
    assert "Exported (csv)" in report


def test_the_dashboard_lists_new_requests_oldest_first_with_their_age(
    client, alice, bob, centres, requests
):
    oldest = requests["austin"][2]
    AppointmentRequest.objects.filter(pk=oldest.pk).update(
        created_at=timezone.now() - timedelta(days=2)
    )
    client.force_login(alice)

    page = client.get("/admin/").content.decode()

    assert "New appointment requests" in page
    assert "3 new requests wait for a call back" in page
    positions = [page.index(r.reference) for r in requests["austin"]]
    assert positions[2] == min(positions)
    assert "2\xa0days" in page
    assert not any(r.reference in page for r in requests["round_rock"] + requests["intake"])


def test_the_dashboard_panel_is_not_shown_to_an_editor(client, editor, requests):
    client.force_login(editor)

    assert "New appointment requests" not in client.get("/admin/").content.decode()
