"""Deliveries under load: on PostgreSQL a request joins a delivery queued and not started yet
instead of queueing its own; a delivery sends every notification due, whichever request queued
it; and a delivery locked by another transaction is left alone.

The requests here are stored as the site stores them (`schedule` inside the request's
transaction), with the database queue and a real SMTP server on 127.0.0.1.
"""

import threading
from collections.abc import Iterator
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appointments.models import AppointmentRequest, Notification
from appointments.notifications import schedule
from appointments.tasks import (
    JOIN_SECONDS,
    _ready_deliveries,
    deliver,
    enqueue_with_transaction,
)
from tests.appointments.conftest import DATABASE_TASKS, run_worker

pytestmark = pytest.mark.django_db
# Only PostgreSQL's requests join a queued delivery (it skips locked rows; SQLite locks the whole
# database).
JOINS = connection.vendor == "postgresql"


@pytest.fixture
def database_queue(settings, network) -> None:
    """The database queue; every request is told to the central intake (one email each)."""
    settings.TASKS = DATABASE_TASKS


def store_request(n: int) -> list[Notification]:
    """One request stored and scheduled in a transaction of its own, as the form does."""
    with transaction.atomic():
        return store_request_here(n)


def store_request_here(n: int) -> list[Notification]:
    """One request stored and scheduled in the current transaction."""
    request = AppointmentRequest.objects.create(
        first_name=f"Ada{n}",
        last_name="Quill",
        phone=f"+1512555020{n}",
        email=f"ada{n}@example.com",
        zip_code="78701",
        routed="fallback",
        reason="other",
        consent_text="I agree.",
        consent_at=timezone.now(),
    )
    return schedule(request)


def deliveries() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path=deliver.module_path).order_by("enqueued_at"))


def test_a_request_joins_a_delivery_not_started_yet_on_postgresql(database_queue, smtp):
    smtp.start()
    for n in range(3):
        store_request(n)

    # PostgreSQL: the second and third requests found the first one's task ready and locked it
    # instead of queueing theirs. SQLite cannot skip locked rows: one task per request, as before.
    assert len(deliveries()) == (1 if JOINS else 3)
    run_worker()

    assert set(Notification.objects.values_list("state", "attempts")) == {("sent", 1)}
    assert len(smtp.messages) == 3  # each once
    assert len(smtp.peers) == 1  # by the first task, over one connection
    assert deliveries()[0].return_value == "sent 3"


def test_a_delivery_sends_the_rows_of_requests_that_queued_another(database_queue, smtp):
    """Each request queues its own task (the first was being claimed when the second was stored):
    the first to run sends both, over one connection, and the other finds nothing left."""
    smtp.start()
    store_request(0)
    DBTaskResult.objects.update(status="RUNNING")
    store_request(1)
    DBTaskResult.objects.update(status="READY")
    assert len(deliveries()) == 2

    run_worker()

    assert set(Notification.objects.values_list("state", "attempts")) == {("sent", 1)}
    assert len(smtp.messages) == 2
    assert len(smtp.peers) == 1
    assert [task.return_value for task in deliveries()] == ["sent 2", "skipped"]


def test_a_delivery_sending_other_requests_rows_leaves_one_queued_for_them(database_queue, smtp):
    """Were the running task killed, the rows it took from other requests and has not claimed yet
    would have no task left (theirs joined it): it queues one first, unless one is queued."""
    smtp.start()
    rows = [row.pk for n in range(3) for row in store_request(n)]
    DBTaskResult.objects.all().delete()  # as if every request had joined a task now running

    assert deliver.call(rows[:1]) == "sent 3"
    [cover] = deliveries()
    assert (cover.status, cover.args_kwargs["args"]) == ("READY", [rows[1:]])

    for n in (3, 4):
        store_request(n)
    queued = len(deliveries())
    assert deliver.call([]) == "sent 2"
    assert len(deliveries()) == queued  # one was ready: nothing more queued


@pytest.fixture
def queued_elsewhere(database_queue) -> Iterator[DBTaskResult]:
    """A delivery queued and committed by another connection just now, deleted after the test."""
    queued: list[DBTaskResult] = []
    elsewhere(lambda: queued.append(DBTaskResult.objects.get(pk=deliver.enqueue([]).id)))
    yield queued[0]
    elsewhere(lambda: DBTaskResult.objects.filter(pk=queued[0].pk).delete())


def elsewhere(work) -> None:
    """Run `work` in a connection of its own, committed (outside the test's transaction)."""

    def run() -> None:
        try:
            work()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)


@pytest.fixture
def locked_elsewhere(database_queue) -> Iterator[DBTaskResult]:
    """A delivery queued and committed by another connection, which holds it locked for update (a
    worker claiming it) until the test is done."""
    locked, done = threading.Event(), threading.Event()
    holder: list[DBTaskResult] = []

    def hold() -> None:
        try:
            holder.append(DBTaskResult.objects.get(pk=deliver.enqueue([]).id))
            with transaction.atomic():
                DBTaskResult.objects.select_for_update().get(pk=holder[0].pk)
                locked.set()
                done.wait(30)
            DBTaskResult.objects.filter(pk=holder[0].pk).delete()
        finally:
            locked.set()
            connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(30)
    try:
        yield holder[0]
    finally:
        done.set()
        thread.join(30)


@pytest.mark.skipif(not JOINS, reason="SQLite locks the whole database, not rows")
def test_a_delivery_locked_by_another_transaction_is_skipped_and_the_request_queues_its_own(
    locked_elsewhere,
):
    rows = store_request(0)
    assert DBTaskResult.objects.filter(pk=locked_elsewhere.pk, status="READY").exists()
    [own] = [task for task in deliveries() if task.pk != locked_elsewhere.pk]
    assert own.args_kwargs["args"] == [[row.pk for row in rows]]


def test_a_row_attempted_before_is_only_taken_by_a_task_retrying_it(database_queue, smtp):
    """A row a killed worker had claimed waits for the sweep (which queues it for a retry), not
    for the next delivery: that worker may still be sending it."""
    smtp.start()
    [row] = store_request(0)
    Notification.objects.update(attempts=1)  # claimed once; its lease has run out
    assert deliver.call([row.pk]) == "skipped"
    assert deliver.call([row.pk], retry=True) == "sent 1"
    assert len(smtp.messages) == 1


def in_flight(n: int, holding: list[threading.Thread], release: threading.Event) -> list[int]:
    """A request being stored in another connection, which has queued its rows' delivery and not
    committed yet (it rolls back when released); returns, once it has queued, how many deliveries
    it sees. Its rows are stood for by a made-up id: the rest of the database (the site and its
    settings) is the test's, not committed, so that connection cannot store a real request."""
    seen: list[int] = []
    ready = threading.Event()

    def store() -> None:
        try:
            with transaction.atomic():
                enqueue_with_transaction([-n])
                seen.append(len(deliveries()))
                ready.set()
                release.wait(30)
                transaction.set_rollback(True)
        finally:
            ready.set()
            connection.close()

    thread = threading.Thread(target=store)
    thread.start()
    holding.append(thread)
    assert ready.wait(30)
    return seen


def claimed_elsewhere() -> DBTaskResult | None:
    """What a worker's claim (django-tasks-db's, FOR UPDATE SKIP LOCKED) would take now."""
    found: list[DBTaskResult | None] = []

    def claim() -> None:
        with transaction.atomic():
            found.append(DBTaskResult.objects.ready().get_locked())
            transaction.set_rollback(True)

    elsewhere(claim)
    return found[0]


@pytest.mark.skipif(not JOINS, reason="only PostgreSQL's requests join a queued delivery")
def test_requests_in_flight_together_join_one_delivery_that_waits_for_the_last(
    queued_elsewhere,
):
    """Two requests whose transactions overlap both join the delivery queued moments ago, and no
    worker can claim it until both have ended."""
    holding: list[threading.Thread] = []
    release = threading.Event()
    try:
        first, second = in_flight(1, holding, release), in_flight(2, holding, release)
        assert first == second == [1]  # neither queued a delivery of its own
        assert claimed_elsewhere() is None
    finally:
        release.set()
        for thread in holding:
            thread.join(30)
    assert claimed_elsewhere() == queued_elsewhere


@pytest.mark.skipif(not JOINS, reason="only PostgreSQL's requests join a queued delivery")
def test_a_delivery_queued_more_than_a_moment_ago_is_not_joined(database_queue):
    """Otherwise, under a steady stream of requests, one of them would always hold it."""
    store_request(0)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=JOIN_SECONDS + 1))
    store_request(1)
    assert len(deliveries()) == 2


def test_the_deliveries_a_request_may_join_are_those_django_tasks_db_finds_ready():
    """Its query is built once per process, with the time as a parameter, so it restates
    django-tasks-db's `ready()`: the same SQL."""
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now):
        theirs = DBTaskResult.objects.ready().filter(
            backend_name=deliver.get_backend().alias,
            queue_name=deliver.queue_name,
            task_path=deliver.module_path,
        )
    assert str(_ready_deliveries(now).query) == str(theirs.query)
