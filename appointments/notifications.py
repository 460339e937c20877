"""Who hears about a request, and when: one `Notification` row per recipient, their delivery
queued with the request's transaction (`tasks.enqueue_with_transaction`).

The emails themselves (never anything about the patient) are `appointments.emails`; delivery
(attempts, retries, the sweep) is `appointments.tasks`.
"""

from __future__ import annotations

import logging

from django.conf import settings

from locations.models import CentreManager
from network.fixedsql import FixedQuery, db_value
from network.models import NetworkSettings

from .emails import network_admins
from .records import AppointmentRequest, Notification
from .tasks import enqueue_with_transaction

logger = logging.getLogger(__name__)

__all__ = ["notify_new_centre", "recipients", "schedule"]


_MANAGERS = FixedQuery(
    "appointments.managers",
    lambda centre_id: (
        CentreManager.objects.filter(centres=centre_id, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email")
    ),
    # `is_active` is tested without a parameter: the SQL reads `AND "auth_user"."is_active"`.
    lambda connection, centre_id: [db_value(CentreManager, "centres", centre_id, connection), ""],
)


def recipients(appointment: AppointmentRequest) -> list[str]:
    """The centre's intake addresses and its managers; without a centre or anyone there, the
    central intake; without that, the network's administrators (a request is never announced to
    no one)."""
    found: list[str] = []
    if appointment.centre is not None:
        found += appointment.centre.intake_email_list
        found += [email for (email,) in _MANAGERS.rows(appointment.centre.pk)]
    if not found:
        central = NetworkSettings.for_default_site().central_intake_email
        found = [central] if central else network_admins()
    unique: dict[str, None] = {}
    for address in found:
        unique.setdefault(address.strip().lower(), None)
    return list(unique)


def schedule(appointment: AppointmentRequest) -> list[Notification]:
    """Record one pending notification per recipient and queue their delivery with the request's
    transaction (call inside it): the request is stored before anyone is told."""
    rows = [
        Notification(request=appointment, kind=Notification.Kind.STAFF, recipient=address)
        for address in recipients(appointment)
    ]
    if settings.APPOINTMENTS_CONFIRM_TO_PATIENT:
        rows.append(
            Notification(
                request=appointment, kind=Notification.Kind.PATIENT, recipient=appointment.email
            )
        )
    if not rows:
        logger.error("Appointment request %s has nobody to notify", appointment.reference)
        return []
    rows = Notification.objects.bulk_create(rows)
    enqueue_with_transaction([row.pk for row in rows])
    return rows


def notify_new_centre(request: AppointmentRequest) -> list[Notification]:
    """Tell the new centre's staff as for a new request (same recipients, same email, same
    delivery), inside the reassignment's transaction, queued with it. Not
    `schedule` itself: the patient was confirmed once already, and anyone told
    about this request before (a manager of both centres) is not told twice."""
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
    enqueue_with_transaction([row.pk for row in rows])
    return rows
