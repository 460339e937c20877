"""Notifications: stored before notified, who is told, what the email says (nothing about the
patient), retries against a real SMTP server that is down then up, a worker stopped mid-batch, the
sweep, and the administrators' alert after the last attempt."""

import logging
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from appointments.models import AppointmentRequest, Notification
from appointments.notifications import recipients
from appointments.tasks import sweep
from locations.models import CentreManager
from tests.appointments.conftest import DATABASE_TASKS, Inbox, form_data, run_worker
from tests.appointments.world import *  # noqa: F403  (this module's tests share one network)

pytestmark = pytest.mark.django_db
URL = "/en/request-an-appointment/"
PATIENT = ("Maria", "Lopez", "5125550199", "555-0199", "maria@example.com", "lower back", "78701")


def assert_no_patient_data(text: str) -> None:
    for detail in PATIENT:
        assert detail not in text, detail


@pytest.fixture
def manager(centres):
    user = get_user_model().objects.create_user(
        "rr-manager", email="manager@example.org", password="x"
    )
    record = CentreManager.objects.create(user=user)
    record.centres.set([centres["round_rock"]])
    return user


def test_the_request_is_stored_before_anyone_is_notified(
    client, appointment_page, centres, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(URL, form_data())
    assert response.status_code == 302  # the patient's answer did not wait for email
    stored = AppointmentRequest.objects.get()
    assert stored.notifications.get().state == "pending"
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert stored.notifications.get().state == "sent"
    assert len(mail.outbox) == 1


def test_centre_intake_and_managers_are_told_once_each(centres, manager):
    centre = centres["round_rock"]
    centre.intake_emails = "front@example.org, MANAGER@example.org"
    centre.save()
    appointment = AppointmentRequest(centre=centre)
    assert recipients(appointment) == ["front@example.org", "manager@example.org"]


def test_without_a_centre_the_central_intake_is_told(network):
    assert recipients(AppointmentRequest(centre=None)) == ["intake@example.org"]


def test_without_any_address_the_administrators_are_told(network, centres):
    network.central_intake_email = ""
    network.save()
    get_user_model().objects.create_superuser("boss", email="boss@example.org", password="x")
    assert recipients(AppointmentRequest(centre=None)) == ["boss@example.org"]


def test_the_email_holds_no_patient_data_and_a_stable_message_id(
    client, appointment_page, centres, manager, django_capture_on_commit_callbacks, caplog
):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data())
    stored = AppointmentRequest.objects.get()
    assert {m.to[0] for m in mail.outbox} == {
        "manager@example.org",
        centres["round_rock"].intake_emails,
    }
    for message in mail.outbox:
        assert message.subject == f"Appointment request {stored.reference}: Round Rock"
        body = message.body
        assert f"Reference: {stored.reference}" in body
        assert "Reason: A treatment or service" in body
        assert "physical" not in body.lower()
        assert f"http://127.0.0.1:8000/admin/appointments/inspect/{stored.pk}/" in body
        assert_no_patient_data(message.message().as_string())
        assert message.extra_headers["Message-ID"].startswith(f"<appointment-{stored.reference}-")
    ids = {m.extra_headers["Message-ID"] for m in mail.outbox}
    assert ids == set(stored.notifications.values_list("message_id", flat=True))
    assert_no_patient_data(caplog.text)


def test_spam_and_duplicates_notify_no_one(
    client, appointment_page, centres, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(website="spam"))
        client.post(URL, form_data())
        client.post(URL, form_data())  # a duplicate of the second
    assert AppointmentRequest.objects.count() == 3
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_patient_confirmation_is_in_their_language_without_health_details(
    client, appointment_page_es, centres_es, settings, django_capture_on_commit_callbacks
):
    settings.APPOINTMENTS_CONFIRM_TO_PATIENT = True
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/solicitar-una-cita/", form_data())
    stored = AppointmentRequest.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == ["maria@example.com"])
    assert confirmation.subject == f"Hemos recibido su solicitud {stored.reference}"
    assert "Round Rock (es) le llamará" in confirmation.body
    for detail in ("physical", "Fisioterapia", "lower back", "Maria", "Lopez", "555-0199"):
        assert detail not in confirmation.body


def test_after_the_last_attempt_the_administrators_are_alerted(
    client, appointment_page, centres, settings, django_capture_on_commit_callbacks, caplog
):
    settings.APPOINTMENTS_NOTIFY_ATTEMPTS = 1
    get_user_model().objects.create_superuser("boss", email="boss@example.org", password="x")
    refused = mock.Mock(side_effect=ConnectionRefusedError("smtp down at maria@example.com"))
    with (
        mock.patch("appointments.tasks.build_email", return_value=mock.Mock(send=refused)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(URL, form_data())
    notification = Notification.objects.get()
    assert (notification.state, notification.attempts) == ("failed", 1)
    assert notification.last_error == "ConnectionRefusedError"
    alert = mail.outbox[-1]
    assert alert.to == ["boss@example.org"]
    assert notification.request.reference in alert.subject
    assert_no_patient_data(alert.body)
    assert "failed after 1 attempts" in caplog.text
    assert_no_patient_data(caplog.text)


# --- A real SMTP server on 127.0.0.1, the database queue and `db_worker` -------------------------


def message_ids(inbox: Inbox) -> list[str]:
    return sorted(
        line.split(":", 1)[1].strip()
        for message in inbox.messages
        for line in message.splitlines()
        if line.lower().startswith("message-id:")
    )


def send_requests(client, count: int, django_capture_on_commit_callbacks) -> None:
    for n in range(count):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                URL,
                form_data(phone=f"(512) 555-01{n:02d}", email=f"p{n}@example.com"),
                REMOTE_ADDR=f"198.51.100.{n}",
            )
        assert response.status_code == 302


def test_smtp_down_then_up_every_request_stored_then_each_email_delivered_once(
    client, appointment_page, centres, settings, smtp, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = DATABASE_TASKS
    caplog.set_level(logging.DEBUG)
    send_requests(client, 4, django_capture_on_commit_callbacks)
    assert AppointmentRequest.objects.count() == 4

    run_worker()  # the SMTP server is down: every attempt fails, retries are queued for later
    assert set(Notification.objects.values_list("state", "attempts", "last_error")) == {
        ("pending", 1, "ConnectionRefusedError")
    }
    assert smtp.messages == []

    smtp.start()
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        run_worker()
    assert set(Notification.objects.values_list("state", "attempts")) == {("sent", 2)}
    expected = sorted(Notification.objects.values_list("message_id", flat=True))
    assert message_ids(smtp) == expected  # each once
    assert len(expected) == 4
    for message in smtp.messages:
        assert_no_patient_data(message)
    assert_no_patient_data(caplog.text)


def test_a_worker_stopped_mid_batch_and_killed_mid_send_misses_nothing(
    client, appointment_page, centres, settings, smtp, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    smtp.start()
    send_requests(client, 5, django_capture_on_commit_callbacks)
    real_send = __import__("django.core.mail", fromlist=["EmailMessage"]).EmailMessage.send
    calls = []

    def killed_on_the_second(message, *args, **kwargs):
        calls.append(message)
        if len(calls) == 2:
            raise SystemExit("worker killed")  # not an error the task handles: like a kill
        return real_send(message, *args, **kwargs)

    with mock.patch("django.core.mail.EmailMessage.send", killed_on_the_second):
        # The first task takes the five requests' emails (a delivery sends every one due) and
        # the worker stops after it, killed on the second email.
        run_worker("--max-tasks", "1")
    assert len(smtp.messages) == 1
    run_worker()  # restarted: the three the killed task had not claimed go out
    assert len(smtp.messages) == 4
    stranded = Notification.objects.get(state="pending")
    assert stranded.attempts == 1

    assert sweep() == 0  # its lease has not run out: the worker may still be sending
    with time_machine.travel(
        timezone.now() + timedelta(seconds=settings.APPOINTMENTS_NOTIFY_LEASE_SECONDS * 2)
    ):
        call_command("send_pending_notifications", verbosity=0)
        run_worker()
    assert not Notification.objects.exclude(state="sent").exists()
    assert message_ids(smtp) == sorted(Notification.objects.values_list("message_id", flat=True))
    assert len(smtp.messages) == 5
