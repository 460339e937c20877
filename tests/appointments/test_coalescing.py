"""Deliveries under load: on PostgreSQL a request joins a delivery queued and not started yet
instead of queueing its own; a delivery sends every notification due, whichever request queued
it; and a delivery locked by another transaction is left alone.

The requests here are stored as the site stores them (`schedule` inside the request's
transaction), with the database queue and a real SMTP server on 127.0.0.1.
"""

import threading
from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appointments.models import AppointmentRequest, Notification
from appointments.notifications import schedule
from appointments.tasks import deliver
from tests.appointments.conftest import DATABASE_TASKS, run_worker

pytestmark = pytest.mark.django_db
SKIP_LOCKED = connection.features.has_select_for_update_skip_locked  # PostgreSQL, not SQLite


@pytest.fixture
def database_queue(settings, network) -> None:
    """The database queue; every request is told to the central intake (one email each)."""
    settings.TASKS = DATABASE_TASKS


def store_request(n: int) -> list[Notification]:
    """One request stored and scheduled in a transaction of its own, as the form does."""
    with transaction.atomic():
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
    assert len(deliveries()) == (1 if SKIP_LOCKED else 3)
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
def locked_elsewhere(database_queue) -> Iterator[DBTaskResult]:
    """A delivery queued and committed by another connection, which holds it locked (a request
    joining it, or a worker claiming it) until the test is done."""
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


@pytest.mark.skipif(not SKIP_LOCKED, reason="SQLite locks the whole database, not rows")
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
