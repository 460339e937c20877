"""How long a patient's request is kept once it is done with, and what happens after.

Past the retention period (counted from the request's last change): spam is deleted outright;
closed and no-show requests are anonymised (name, phone, email, message and ZIP code emptied, their
notes and the patient's confirmation row deleted) so that counts per centre, reason, routing and
status survive for reporting. Requests still being handled are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from appointments.records import AppointmentNote, AppointmentRequest, Notification

Status = AppointmentRequest.Status
ANONYMISED_STATUSES = (Status.CLOSED, Status.NO_SHOW)


@dataclass(frozen=True)
class Purge:
    deleted: int
    anonymised: int


def due(days: int) -> tuple:
    """(spam to delete, finished requests to anonymise), both past `days` of retention."""
    cutoff = timezone.now() - timedelta(days=days)
    old = AppointmentRequest.objects.filter(updated_at__lt=cutoff)
    return (
        old.filter(status=Status.SPAM),
        old.filter(status__in=ANONYMISED_STATUSES).exclude(email=""),
    )


@transaction.atomic
def purge(days: int, dry_run: bool = False) -> Purge:
    spam, finished = due(days)
    result = Purge(deleted=spam.count(), anonymised=finished.count())
    if dry_run:
        return result
    ids = list(finished.values_list("pk", flat=True))
    AppointmentNote.objects.filter(request_id__in=ids).delete()
    Notification.objects.filter(request_id__in=ids, kind=Notification.Kind.PATIENT).delete()
    AppointmentRequest.objects.filter(pk__in=ids).update(
        first_name="",
        last_name="",
        phone="",
        email="",
        message="",
        zip_code="",
        updated_at=timezone.now(),
    )
    spam.delete()
    return result
