"""What staff do to a request in the inbox: change its status, add a note, send it to another centre.

Each change is kept in the request's history as a Wagtail log entry (the actions are registered in
`wagtail_hooks`), so the inspect view, Wagtail's history views and the network administrator's
reports all tell the same story. Log entries hold references, statuses and centre names, never the
patient's details nor a note's text.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from appointments.models import AppointmentNote, AppointmentRequest, Notification
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


def notify_new_centre(request: AppointmentRequest) -> list[Notification]:
    """Tell the new centre's staff as for a new request (same recipients, same email, same
    delivery), inside the reassignment's transaction, queued once it commits. Not
    `notifications.schedule` itself: the patient was confirmed once already, and anyone told
    about this request before (a manager of both centres) is not told twice."""
    from appointments.notifications import recipients
    from appointments.tasks import enqueue

    told = set(
        request.notifications.filter(kind=Notification.Kind.STAFF).values_list(
            "recipient", flat=True
        )
    )
    rows = Notification.objects.bulk_create(
        Notification(request=request, kind=Notification.Kind.STAFF, recipient=address)
        for address in recipients(request)
        if address not in told
    )
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: [enqueue(pk) for pk in ids], robust=True)
    return rows
