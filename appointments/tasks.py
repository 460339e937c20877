"""Delivering notifications in the background: retried with backoff, never lost, sent once.

Every notification row is `pending` until the worker marks it `sent`, or `failed` after its last
attempt (then the network's administrators are alerted). Before sending, a worker *claims* the row
with one conditional UPDATE (attempts + 1, and a lease: `next_attempt_at` moved past the time a
send can take), so two tasks for the same row (a retry and the sweep's) never both send it.

- SMTP failure: the row keeps `pending`, records the exception class (never its text, which can
  quote addresses) and a retry is enqueued for `next_attempt_at`, further away each time.
- A worker killed mid-send leaves the row `pending` with its lease; `sweep()` (the
  `send_pending_notifications` command) re-queues every pending row whose time is well past.
- A worker killed after the server accepted the email but before the row was marked sent sends
  it again on the next attempt: the limit of "exactly once". The repeat carries the same
  Message-ID, which mail systems use to show it once.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .emails import admin_url, build_email, message_id, network_admins
from .records import Notification

logger = logging.getLogger(__name__)

__all__ = ["deliver", "enqueue", "sweep"]


def backoff(attempts: int) -> timedelta:
    """Wait before the next attempt: base, then 4x longer each time (1, 4, 16, 64 minutes...)."""
    return timedelta(seconds=settings.APPOINTMENTS_NOTIFY_BACKOFF_SECONDS * 4 ** (attempts - 1))


def enqueue(notification_id: int, run_after=None) -> None:
    """Queue a delivery; a backend that cannot defer (tests' immediate one) leaves retries to the
    sweep instead of running them at once."""
    if run_after is None:
        deliver.enqueue(notification_id)
    elif deliver.get_backend().supports_defer:
        deliver.using(run_after=run_after).enqueue(notification_id)


def _claim(notification_id: int) -> bool:
    now = timezone.now()
    lease = timedelta(seconds=settings.APPOINTMENTS_NOTIFY_LEASE_SECONDS)
    return bool(
        Notification.objects.filter(
            pk=notification_id, state=Notification.State.PENDING, next_attempt_at__lte=now
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + lease, updated_at=now)
    )


@task(queue_name="notifications")
def deliver(notification_id: int) -> str:
    """Send one notification if it is still pending and due; returns what happened."""
    if not _claim(notification_id):
        return "skipped"
    notification = Notification.objects.select_related("request__centre").get(pk=notification_id)
    try:
        build_email(notification).send()
    except Exception as error:  # any failure to hand the email over is retried
        return _failed(notification, type(error).__name__)
    notification.state = Notification.State.SENT
    notification.sent_at = timezone.now()
    notification.message_id = message_id(notification)
    notification.last_error = ""
    notification.save(update_fields=["state", "sent_at", "message_id", "last_error", "updated_at"])
    logger.info("Notification %s of request %s sent", notification.pk, notification.request)
    return "sent"


def _failed(notification: Notification, error: str) -> str:
    notification.last_error = error[:100]
    last = notification.attempts >= settings.APPOINTMENTS_NOTIFY_ATTEMPTS
    logger.warning(
        "Notification %s of request %s: attempt %d failed (%s)%s",
        notification.pk,
        notification.request,
        notification.attempts,
        error,
        ", giving up" if last else "",
    )
    if last:
        notification.state = Notification.State.FAILED
        notification.save(update_fields=["state", "last_error", "updated_at"])
        _alert_admins(notification)
        return "failed"
    notification.next_attempt_at = timezone.now() + backoff(notification.attempts)
    notification.save(update_fields=["last_error", "next_attempt_at", "updated_at"])
    enqueue(notification.pk, run_after=notification.next_attempt_at)
    return "retry"


def _alert_admins(notification: Notification) -> None:
    """Tell the network's administrators a request could not be announced (no patient data)."""
    request = notification.request
    logger.error(
        "Notification %s of request %s failed after %d attempts (%s)",
        notification.pk,
        request,
        notification.attempts,
        notification.last_error,
    )
    admins = network_admins()
    if not admins:
        return
    try:
        send_mail(
            f"Notification failed: appointment request {request.reference}",
            f"An email announcing appointment request {request.reference} could not be delivered "
            f"after {notification.attempts} attempts (last error: {notification.last_error}).\n"
            f"Please make sure the center hears about it:\n{admin_url(request)}\n",
            None,
            admins,
        )
    except Exception as error:  # the mail server may be what is down: the log above remains
        logger.error("Could not alert the administrators (%s)", type(error).__name__)


def sweep() -> int:
    """Re-queue pending notifications whose attempt is overdue by more than a lease: left behind
    by a worker that was killed, or whose queued task was lost. Returns how many."""
    overdue = timezone.now() - timedelta(seconds=settings.APPOINTMENTS_NOTIFY_LEASE_SECONDS)
    ids = list(
        Notification.objects.filter(
            state=Notification.State.PENDING, next_attempt_at__lte=overdue
        ).values_list("pk", flat=True)
    )
    for pk in ids:
        enqueue(pk)
    return len(ids)
