"""Delivering notifications in the background: retried with backoff, never lost, sent once.

One task delivers the notifications of one request (its staff and, when enabled, the patient's
confirmation) over one SMTP connection: a task and a connection per email cost the worker more than
the emails themselves (docs/performance.md). Retries and the sweep queue the rows they retry.

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
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from .emails import admin_url, build_email, message_id, network_admins
from .records import Notification

logger = logging.getLogger(__name__)

__all__ = ["deliver", "enqueue", "enqueue_with_transaction", "sweep"]


def backoff(attempts: int) -> timedelta:
    """Wait before the next attempt: base, then 4x longer each time (1, 4, 16, 64 minutes...)."""
    return timedelta(seconds=settings.APPOINTMENTS_NOTIFY_BACKOFF_SECONDS * 4 ** (attempts - 1))


# At most this many notifications in one task when the sweep re-queues a backlog.
SWEEP_BATCH = 50


def enqueue(notification_ids: Sequence[int], run_after: datetime | None = None) -> None:
    """Queue the delivery of these notifications as one task; a backend that cannot defer (tests'
    immediate one) leaves retries to the sweep instead of running them at once."""
    ids = list(notification_ids)
    if not ids:
        return
    if run_after is None:
        deliver.enqueue(ids)
    elif deliver.get_backend().supports_defer:
        deliver.using(run_after=run_after).enqueue(ids)


def enqueue_with_transaction(notification_ids: Sequence[int]) -> None:
    """Queue the delivery of rows written in the current transaction, never before it commits.

    The database queue's task row is written in that same transaction: it commits, or rolls back,
    with the request, so nothing can be lost between storing and queueing, and storing a request
    costs one commit, not two. Any other queue is asked once the transaction has committed
    (robust: a queue that cannot be reached is logged and left to the sweep, never shown to the
    patient, whose request is already stored)."""
    ids = list(notification_ids)
    if (
        isinstance(deliver.get_backend(), DatabaseBackend)
        and transaction.get_connection().in_atomic_block
    ):
        enqueue(ids)
    else:
        transaction.on_commit(lambda: enqueue(ids), robust=True)


def _claim(notification_id: int) -> bool:
    now = timezone.now()
    lease = timedelta(seconds=settings.APPOINTMENTS_NOTIFY_LEASE_SECONDS)
    return bool(
        Notification.objects.filter(
            pk=notification_id, state=Notification.State.PENDING, next_attempt_at__lte=now
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + lease, updated_at=now)
    )


@task(queue_name="notifications")
def deliver(notification_ids: list[int]) -> str:
    """Send those of these notifications that are still pending and due, over one connection to
    the mail server; returns what happened to them ("sent 2", "sent 1, retry 1", "skipped")."""
    claimed = [pk for pk in notification_ids if _claim(pk)]
    if not claimed:
        return "skipped"
    notifications = list(
        Notification.objects.select_related("request__centre").filter(pk__in=claimed).order_by("pk")
    )
    outcomes: Counter[str] = Counter()
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:  # the mail server is unreachable: every one is retried
        for notification in notifications:
            outcomes[_failed(notification, type(error).__name__)] += 1
        return _summary(outcomes)
    try:
        for notification in notifications:
            outcomes[_send(notification, connection)] += 1
    finally:
        try:
            connection.close()
        except Exception as error:  # what was sent was accepted; the rest is the server's
            logger.warning("Closing the mail connection failed (%s)", type(error).__name__)
    return _summary(outcomes)


def _summary(outcomes: Counter[str]) -> str:
    return ", ".join(f"{outcome} {count}" for outcome, count in sorted(outcomes.items()))


def _send(notification: Notification, connection) -> str:
    try:
        build_email(notification, connection=connection).send()
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
    enqueue([notification.pk], run_after=notification.next_attempt_at)
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
        Notification.objects.filter(state=Notification.State.PENDING, next_attempt_at__lte=overdue)
        .order_by("request_id", "pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ids), SWEEP_BATCH):
        enqueue(ids[start : start + SWEEP_BATCH])
    return len(ids)
