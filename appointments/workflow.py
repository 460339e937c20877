"""What staff do to a request in the inbox: change its status, add a note, send it to another centre.

Each change is kept in the request's history as a Wagtail log entry (the actions are registered in
`wagtail_hooks`), so the inspect view, Wagtail's history views and the network administrator's
reports all tell the same story. Log entries hold references, statuses and centre names, never the
patient's details nor a note's text.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from appointments.notifications import notify_new_centre
from appointments.records import AppointmentNote, AppointmentRequest
from locations.models import LocationPage

STATUS_CHANGED = "appointments.status"
NOTE_ADDED = "appointments.note"
REASSIGNED = "appointments.reassign"
VIEWED = "appointments.view"
EXPORTED = "appointments.export"


def change_status(request: AppointmentRequest, status: str, user) -> bool:
    """Move `request` to `status` (any of `AppointmentRequest.Status`); False when unchanged."""
    previous = request.status
    if status == previous:
        return False
    request.status = status
    request.save(update_fields=["status", "updated_at"])
    log(request, STATUS_CHANGED, user=user, data={"from": previous, "to": status})
    return True


def add_note(request: AppointmentRequest, text: str, user) -> AppointmentNote:
    note = AppointmentNote.objects.create(request=request, author=user, text=text)
    log(request, NOTE_ADDED, user=user, data={"note": note.pk})
    return note


@transaction.atomic
def reassign(request: AppointmentRequest, centre: LocationPage, reason: str, user) -> None:
    """Send `request` to `centre` with the staff's `reason`. The old centre's managers no longer
    see it; the new centre is told as for a new request once the change is committed.

    Who may choose which centre is the caller's business (`permissions.inbox_centres`).
    """
    previous = request.centre
    request.centre = centre
    request.routed = AppointmentRequest.Routed.CHOSEN
    request.distance_miles = None
    request.save(update_fields=["centre", "routed", "distance_miles", "updated_at"])
    log(
        request,
        REASSIGNED,
        user=user,
        data={"from": previous.title if previous else "", "to": centre.title, "reason": reason},
    )
    notify_new_centre(request)
