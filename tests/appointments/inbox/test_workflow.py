"""The request workflow in the inbox: status changes, notes and reassignment, each kept in the
request's history (Wagtail log entries) and shown on the inspect view; reassignment moves access.
Wagtail's own generic views (site history, admin search) show no other centre's requests."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from appointments.models import AppointmentRequest
from tests.appointments.inbox.conftest import make_manager, make_user
from tests.appointments.world import *  # noqa: F403  (this module's tests share one network)

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointments/"


def edit(client, request, **data):
    values = {"status": request.status, "note": "", "reassign_to": "", "reassign_reason": ""}
    return client.post(f"{INDEX}edit/{request.pk}/", {**values, **data})


def actions(request) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(request.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_a_status_change_and_a_note_are_kept_and_shown(client, alice, requests):
    mine = requests["austin"][0]
    client.force_login(alice)

    response = edit(client, mine, status="contacted", note="Left a voicemail.")

    assert response.status_code == 302
    assert response["Location"] == f"{INDEX}inspect/{mine.pk}/"
    mine.refresh_from_db()
    assert mine.status == "contacted"
    note = mine.notes.get()
    assert (note.author, note.text) == (alice, "Left a voicemail.")
    assert actions(mine) == ["appointments.status", "appointments.note"]
    entry = ModelLogEntry.objects.get(action="appointments.status")
    assert entry.data == {"from": "new", "to": "contacted"}
    # The note's text stays out of the log.
    assert "voicemail" not in str(ModelLogEntry.objects.values_list("data", flat=True))

    page = client.get(f"{INDEX}inspect/{mine.pk}/").content.decode()
    assert "Left a voicemail." in page
    assert "Status changed from “New” to “Contacted”" in page
    assert "Note added" in page


@pytest.mark.parametrize("path", ["new", "contacted", "scheduled", "closed", "no_show", "spam"])
def test_every_status_can_be_set(client, alice, requests, path):
    mine = requests["austin"][0]
    client.force_login(alice)

    edit(client, mine, status=path)

    mine.refresh_from_db()
    assert mine.status == path
    assert actions(mine) == ([] if path == "new" else ["appointments.status"])


def test_the_inspect_view_shows_notification_attempts(client, alice, requests):
    mine = requests["austin"][0]
    mine.notifications.create(
        recipient="desk@example.org",
        state="failed",
        attempts=3,
        last_error="SMTPServerDisconnected",
    )
    client.force_login(alice)

    page = client.get(f"{INDEX}inspect/{mine.pk}/").content.decode()

    assert "desk@example.org" in page and "SMTPServerDisconnected" in page


def test_reassignment_moves_access_and_announces_the_request(
    client, centres, requests, django_capture_on_commit_callbacks
):
    both = make_user("dora")
    make_manager(both, centres["austin"], centres["round_rock"])
    alice = make_user("alice2")
    make_manager(alice, centres["austin"])
    mine = requests["austin"][0]
    mine.notifications.create(recipient=centres["austin"].intake_email_list[0], state="sent")
    mine.notifications.create(recipient="dora@example.org", state="sent")
    client.force_login(both)

    with django_capture_on_commit_callbacks(execute=True):
        response = edit(
            client, mine, reassign_to=centres["round_rock"].pk, reassign_reason="Closer to home"
        )

    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.centre == centres["round_rock"]
    # Round Rock's intake address is told (and sent to), dora (told already) is not told again.
    assert {m.to[0] for m in mail.outbox} == set(centres["round_rock"].intake_email_list)
    assert mine.notifications.get(recipient__in=centres["round_rock"].intake_email_list).state == (
        "sent"
    )
    entry = ModelLogEntry.objects.get(action="appointments.reassign")
    assert entry.data == {"from": "Austin Downtown", "to": "Round Rock", "reason": "Closer to home"}
    client.force_login(alice)
    assert client.get(f"{INDEX}inspect/{mine.pk}/", follow=True).status_code == 404


def test_a_manager_reassigns_only_to_a_centre_they_manage(client, alice, centres, requests):
    mine = requests["austin"][0]
    client.force_login(alice)

    form = client.get(f"{INDEX}edit/{mine.pk}/").content.decode()
    response = edit(client, mine, reassign_to=centres["round_rock"].pk, reassign_reason="x")

    assert "Round Rock" not in form
    assert response.status_code == 200  # the form again, with its error
    mine.refresh_from_db()
    assert mine.centre == centres["austin"]


def test_intake_staff_reassign_anywhere_and_the_manager_loses_it(
    client, intake, alice, centres, requests
):
    mine = requests["austin"][0]
    client.force_login(intake)

    response = edit(client, mine, reassign_to=centres["round_rock"].pk, reassign_reason="Asked")

    assert response.status_code == 302
    client.force_login(alice)
    assert client.get(f"{INDEX}inspect/{mine.pk}/", follow=True).status_code == 404


def test_reassigning_needs_a_reason(client, intake, centres, requests):
    mine = requests["austin"][0]
    client.force_login(intake)

    response = edit(client, mine, reassign_to=centres["round_rock"].pk)

    assert response.status_code == 200
    mine.refresh_from_db()
    assert mine.centre == centres["austin"]


def test_the_site_history_and_admin_search_show_no_other_centres_request(
    client, alice, bob, boss, requests
):
    theirs = requests["round_rock"][0]
    client.force_login(bob)
    edit(client, theirs, status="contacted", note="Called back.")
    client.get(f"{INDEX}inspect/{theirs.pk}/")

    client.force_login(alice)
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert theirs.reference not in response.content.decode(), url
    for query in (theirs.reference, theirs.last_name):
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        # The page repeats the query itself; nothing else of the request may appear.
        page = response.content.decode()
        assert f"inspect/{theirs.pk}/" not in page
        assert theirs.email not in page and theirs.first_name not in page

    client.force_login(boss)
    report = client.get("/admin/reports/site-history/").content.decode()
    assert theirs.reference in report


def test_the_request_history_view_is_scoped(client, alice, bob, requests):
    theirs = requests["round_rock"][0]
    client.force_login(bob)
    edit(client, theirs, status="scheduled")
    assert client.get(f"{INDEX}history/{theirs.pk}/").status_code == 200

    client.force_login(alice)
    assert client.get(f"{INDEX}history/{theirs.pk}/", follow=True).status_code == 404
    assert AppointmentRequest.objects.get(pk=theirs.pk).status == "scheduled"
