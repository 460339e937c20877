"""The inbox demo: a manager signs in to an inbox of only their centres' fictional requests, with
working filters, status changes, notes and export; `intake` sees them all."""

import pytest

from appointments.demo_requests import PLAN
from appointments.models import AppointmentRequest
from locations.demo import MANAGED

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointments/"


def listed(response) -> set[int]:
    page = response.content.decode()
    return {
        pk
        for pk in AppointmentRequest.objects.values_list("pk", flat=True)
        if f"inspect/{pk}/" in page
    }


def test_the_demo_has_every_status_routing_and_language(demo):
    requests = AppointmentRequest.objects.filter(submission_key__startswith="demo-")

    assert requests.count() == len(PLAN) >= 30
    assert set(requests.values_list("status", flat=True)) == set(AppointmentRequest.Status.values)
    assert set(requests.values_list("routed", flat=True)) == set(AppointmentRequest.Routed.values)
    assert set(requests.values_list("language", flat=True)) == {"en", "es"}
    assert "username: intake       password: spine-intake-demo" in demo


def test_the_manager_sees_only_their_centres_and_intake_sees_all(sign_in):
    mine = set(
        AppointmentRequest.objects.filter(centre__slug__in=MANAGED).values_list("pk", flat=True)
    )
    assert 10 < len(mine) < AppointmentRequest.objects.count()

    manager = sign_in("manager")
    assert listed(manager.get(INDEX, {"status": ""})) == mine
    new = manager.get(INDEX, {"status": "new"})
    assert listed(new) == set(
        AppointmentRequest.objects.filter(pk__in=mine, status="new").values_list("pk", flat=True)
    )
    rows = b"".join(manager.get(INDEX, {"export": "csv"}).streaming_content).decode()
    assert rows.count("\n") == len(mine) + 1

    intake = sign_in("intake")
    assert len(listed(intake.get(INDEX))) == min(50, AppointmentRequest.objects.count())


def test_the_manager_changes_a_status_and_adds_a_note(sign_in):
    request = AppointmentRequest.objects.filter(centre__slug__in=MANAGED, status="new").first()
    manager = sign_in("manager")

    response = manager.post(
        f"{INDEX}edit/{request.pk}/",
        {
            "status": "contacted",
            "note": "Called, no answer.",
            "reassign_to": "",
            "reassign_reason": "",
        },
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert (
        request.status == "contacted" and request.notes.filter(text="Called, no answer.").exists()
    )
