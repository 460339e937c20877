"""Delivering notifications in the background: retried with backoff, never lost, sent once.

A delivery task sends every notification not attempted yet when it runs (its request's and any
other's) over one SMTP connection: a task and a connection per email, or per request, cost the
worker more than the emails themselves (docs/performance.md). On PostgreSQL a request joins a
delivery that is queued and not started yet instead of queueing its own (its rows go out with that
task's). Retries and the sweep queue tasks for the rows they retry, which take those rows as well.

Every notification row is `pending` until the worker marks it `sent`, or `failed` after its last
attempt (then the network's administrators are alerted). Before sending, a worker *claims* the row
with one conditional UPDATE (attempts + 1, and a lease: `next_attempt_at` moved past the time a
send can take), so two tasks for the same row (a retry and the sweep's) never both send it. A
row sent is marked `sent` by the same UPDATE that claims the next row (the last one on its own):
one statement an email, and the mark as soon after the email as a statement of its own would be.

- SMTP failure: the row keeps `pending`, records the exception class (never its text, which can
  quote addresses) and a retry is enqueued for `next_attempt_at`, further away each time.
- A worker killed mid-send leaves the row `pending` with its lease; `sweep()` (the
  `send_pending_notifications` command) re-queues every pending row whose time is well past.
  Rows are claimed one at a time, just before each is sent, so a killed worker leaves one row
  waiting for the sweep, not the rest of its batch; before a task sends other requests' rows it
  makes sure another delivery is queued, which sends those it had not claimed if it is killed.
- A worker killed after the server accepted the email but before the row was marked sent sends
  it again on the next attempt: the limit of "exactly once". The repeat carries the same
  Message-ID, which mail systems use to show it once.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import (
    DBTaskResult,
    DBTaskResultQuerySet,
    TaskResultStatus,
    get_date_max,
)

from network.fixedsql import FixedQuery, FixedUpdate, db_value

from .emails import EmailParts, admin_url, build_email, message_id, network_admins
from .records import AppointmentRequest, Notification

logger = logging.getLogger(__name__)

__all__ = ["deliver", "enqueue", "enqueue_with_transaction", "sweep"]


def backoff(attempts: int) -> timedelta:
    """Wait before the next attempt: base, then 4x longer each time (1, 4, 16, 64 minutes...)."""
    return timedelta(seconds=settings.APPOINTMENTS_NOTIFY_BACKOFF_SECONDS * 4 ** (attempts - 1))


# At most this many notifications in one task when the sweep re-queues a backlog, and read at
# once by a delivery.
BATCH = 50


def enqueue(
    notification_ids: Sequence[int], run_after: datetime | None = None, *, retry: bool = False
) -> None:
    """Queue the delivery of these notifications as one task (with `retry`, rows attempted before:
    see `deliver`); a backend that cannot defer (tests' immediate one) leaves retries to the sweep
    instead of running them at once."""
    ids = list(notification_ids)
    if not ids:
        return
    if run_after is None:
        deliver.enqueue(ids, retry=retry)
    elif deliver.get_backend().supports_defer:
        deliver.using(run_after=run_after).enqueue(ids, retry=retry)


def enqueue_with_transaction(notification_ids: Sequence[int]) -> None:
    """Queue the delivery of rows written in the current transaction, never before it commits.

    The database queue's task row is written in that same transaction: it commits, or rolls back,
    with the request, so nothing can be lost between storing and queueing, and storing a request
    costs one commit, not two. On PostgreSQL the request first joins a delivery queued moments ago
    and not started yet, if there is one, and queues nothing (`_join_queued_delivery`). Any other
    queue is asked once the transaction has committed (robust: a queue that cannot be reached is
    logged and left to the sweep, never shown to the patient, whose request is already stored)."""
    ids = list(notification_ids)
    connection = transaction.get_connection()
    if not isinstance(deliver.get_backend(), DatabaseBackend) or not connection.in_atomic_block:
        transaction.on_commit(lambda: enqueue(ids), robust=True)
    elif not (connection.vendor == "postgresql" and _join_queued_delivery(connection)):
        enqueue(ids)


# A request joins a delivery queued at most this long ago. Requests hold the delivery they join
# until they commit, and a worker cannot claim it meanwhile: under a steady stream of requests a
# delivery open to all of them would never be free to start.
JOIN_SECONDS = 1.0


def _join_queued_delivery(connection) -> bool:
    """Hold a delivery queued in the last JOIN_SECONDS and not started yet until this transaction
    ends, with a shared lock (FOR KEY SHARE, which Django's select_for_update cannot ask for):
    concurrent requests all join it, while a worker's claim (FOR UPDATE SKIP LOCKED, in
    django-tasks-db) passes it by until the last of them has committed, so the delivery sees their
    rows when it runs. One being claimed is locked for update and skipped. False if none."""
    now = timezone.now()
    return bool(_QUEUED_DELIVERY.rows(now, now - timedelta(seconds=JOIN_SECONDS)))


def _queued_delivery(now: datetime, since: datetime) -> QuerySet:
    return _ready_deliveries(now).filter(enqueued_at__gte=since).values_list("pk")[:1]


def _queued_delivery_params(connection, now: datetime, since: datetime) -> list:
    def value(name: str, value):
        return db_value(DBTaskResult, name, value, connection)

    return [
        value("status", TaskResultStatus.READY),
        value("run_after", get_date_max()),
        value("run_after", now),
        value("backend_name", deliver.get_backend().alias),
        value("queue_name", deliver.queue_name),
        value("task_path", deliver.module_path),
        value("enqueued_at", since),
    ]


# Built once per process: the SQL is the same for every request (docs/performance.md).
_QUEUED_DELIVERY = FixedQuery(
    "appointments.queued_delivery",
    _queued_delivery,
    _queued_delivery_params,
    suffix=" FOR KEY SHARE SKIP LOCKED",
)


def _ready_deliveries(now: datetime | None = None) -> DBTaskResultQuerySet:
    """Delivery tasks of the database queue that a worker may claim now (as of `now`: as
    django-tasks-db's `ready()`, at that time)."""
    now = now or timezone.now()
    return (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        .filter(Q(run_after=get_date_max()) | Q(run_after__lte=now))
        .filter(
            backend_name=deliver.get_backend().alias,
            queue_name=deliver.queue_name,
            task_path=deliver.module_path,
        )
    )


def _cover(notification_ids: list[int]) -> None:
    """Make sure a delivery is queued that a worker may claim now, queueing one for these rows if
    none is: it sends them should the running task die before it does."""
    if not _ready_deliveries().exists():
        enqueue(notification_ids)


# The request's fields its emails and the worker's log lines use. The rest (the patient's name,
# phone, email and message) the worker never reads: loading them cost a phone number parsed a row.
_REQUEST_USED = frozenset({"id", "reference", "language", "reason", "centre"})


def _due(retried: list[int], after: int) -> list[Notification]:
    """The next pending notifications due now, by id, after that id: those not attempted yet and
    those being retried; of their requests, only what the emails use (`_REQUEST_USED`)."""
    unused = [
        f"request__{field.name}"
        for field in AppointmentRequest._meta.concrete_fields
        if field.name not in _REQUEST_USED
    ]
    return list(
        Notification.objects.select_related("request__centre")
        .defer(*unused)
        .filter(state=Notification.State.PENDING, next_attempt_at__lte=timezone.now(), pk__gt=after)
        .filter(Q(attempts=0) | Q(pk__in=retried))
        .order_by("pk")[:BATCH]
    )


def _claim(notification: Notification, sent: Notification | None = None) -> bool:
    """Take the row for one attempt if it is still pending and due (one conditional UPDATE, so two
    tasks never both send it), counting the attempt and moving `next_attempt_at` a lease ahead.

    `sent`, the row this task sent just before, is marked sent in the same statement: one UPDATE
    an email, not two, and the mark as soon after the email as before (nothing is read or sent
    in between). Both statements are built once per process (network.fixedsql)."""
    now = timezone.now()
    lease = now + timedelta(seconds=settings.APPOINTMENTS_NOTIFY_LEASE_SECONDS)
    if sent is None:
        claimed = _CLAIM.run(notification.pk, now, lease)
    else:
        # The sent row is this task's: always updated.
        claimed = _CLAIM_AND_MARK.run(notification.pk, now, lease, sent) - 1
    if claimed:
        notification.attempts += 1
        notification.next_attempt_at = lease
    return bool(claimed)


def _claimable(pk: int, now: datetime) -> Q:
    return Q(pk=pk, state=Notification.State.PENDING, next_attempt_at__lte=now)


def _claimable_params(value, pk: int, now: datetime) -> list:
    # In the order Q sorts its keywords: next_attempt_at, pk, state.
    return [value("next_attempt_at", now), pk, value("state", Notification.State.PENDING)]


_CLAIM = FixedUpdate(
    "appointments.claim",
    lambda pk, now, lease: (
        Notification.objects.filter(_claimable(pk, now)),
        {"attempts": F("attempts") + 1, "next_attempt_at": lease, "updated_at": now},
    ),
    lambda connection, pk, now, lease: [
        1,
        *_values(connection, next_attempt_at=lease, updated_at=now),
        *_claimable_params(partial(db_value, Notification, connection=connection), pk, now),
    ],
)

_MARKED = ("state", "sent_at", "message_id", "last_error")


def _claim_and_mark(pk: int, now: datetime, lease: datetime, sent: Notification):
    done = Q(pk=sent.pk)

    def either(if_sent, if_claimed) -> Case:
        return Case(When(done, then=if_sent), default=if_claimed)

    values = {name: either(Value(getattr(sent, name)), F(name)) for name in _MARKED}
    values.update(
        attempts=either(F("attempts"), F("attempts") + 1),
        next_attempt_at=either(F("next_attempt_at"), Value(lease)),
        updated_at=now,
    )
    return Notification.objects.filter(done | _claimable(pk, now)), values


def _claim_and_mark_params(connection, pk: int, now: datetime, lease: datetime, sent) -> list:
    value = partial(db_value, Notification, connection=connection)
    return [
        *(param for name in _MARKED for param in (sent.pk, value(name, getattr(sent, name)))),
        sent.pk,
        1,
        sent.pk,
        value("next_attempt_at", lease),
        value("updated_at", now),
        sent.pk,
        *_claimable_params(value, pk, now),
    ]


_CLAIM_AND_MARK = FixedUpdate(
    "appointments.claim_and_mark", _claim_and_mark, _claim_and_mark_params
)


def _values(connection, **values) -> list:
    return [db_value(Notification, name, value, connection) for name, value in values.items()]


def _mark_sent(notification: Notification) -> None:
    """Record a sent row on its own (the last one a task sent, with no next row to claim)."""
    notification.save(update_fields=["state", "sent_at", "message_id", "last_error", "updated_at"])


@task(queue_name="notifications")
def deliver(notification_ids: list[int], retry: bool = False) -> str:
    """Send every notification not attempted yet (these and any other request's) and, with
    `retry`, these whatever their attempts, if they are still pending and due, over one connection
    to the mail server; returns what happened to them ("sent 2", "sent 1, retry 1", "skipped").

    A row attempted before is only taken by a task queued to retry it: one claimed by a worker
    that was killed waits for the sweep, which re-queues it once its lease is well past, and is
    not sent again while that worker may still be sending it."""
    own = set(notification_ids)
    database_queue = isinstance(deliver.get_backend(), DatabaseBackend)
    outcomes: Counter[str] = Counter()
    connection = None
    unreachable = ""  # the error opening the connection: every row claimed is retried
    last = 0
    sent = None  # sent and not marked yet: marked with the next claim, or on its own
    parts = EmailParts()  # what the emails share (`EmailParts`), renewed every few seconds
    try:
        while batch := _due(notification_ids if retry else [], after=last):
            last = batch[-1].pk
            others = [row.pk for row in batch if row.pk not in own]
            if others and database_queue:
                _cover(others)
            if not parts.fresh():
                parts = EmailParts()
            for notification in batch:
                claimed, sent = _claim(notification, sent), None
                if not claimed:
                    continue
                if connection is None and not unreachable:
                    connection = get_connection()
                    try:
                        connection.open()
                    except Exception as error:  # the mail server is unreachable
                        connection, unreachable = None, type(error).__name__
                if unreachable:
                    outcomes[_failed(notification, unreachable)] += 1
                    continue
                outcome = _send(notification, connection, parts)
                outcomes[outcome] += 1
                if outcome == "sent":
                    sent = notification
            if sent is not None:  # before reading the next batch
                _mark_sent(sent)
                sent = None
    finally:
        if sent is not None:
            _mark_sent(sent)
        if connection is not None:
            try:
                connection.close()
            except Exception as error:  # what was sent was accepted; the rest is the server's
                logger.warning("Closing the mail connection failed (%s)", type(error).__name__)
    return _summary(outcomes) if outcomes else "skipped"


def _summary(outcomes: Counter[str]) -> str:
    return ", ".join(f"{outcome} {count}" for outcome, count in sorted(outcomes.items()))


def _send(notification: Notification, connection, parts: EmailParts) -> str:
    try:
        build_email(notification, connection=connection, parts=parts).send()
    except Exception as error:  # any failure to hand the email over is retried
        return _failed(notification, type(error).__name__)
    # Recorded by the caller: with its next claim, or on its own (`_claim`, `_mark_sent`).
    notification.state = Notification.State.SENT
    notification.sent_at = timezone.now()
    notification.message_id = message_id(notification)
    notification.last_error = ""
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
    enqueue([notification.pk], run_after=notification.next_attempt_at, retry=True)
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
    for start in range(0, len(ids), BATCH):
        enqueue(ids[start : start + BATCH], retry=True)
    return len(ids)
