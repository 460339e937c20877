"""Privacy: no patient data in log lines or error reports, and finished requests purged after the
retention period."""

import io
import logging
import sys
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from django.views.debug import get_exception_reporter_class

from appointments.logging import PatientDataFilter
from appointments.models import AppointmentRequest, Notification
from tests.appointments.inbox.conftest import make_request

PATIENT = ("maria.lopez@example.com", "(512) 555-0147", "+15125550147", "Lopez")


@pytest.fixture
def console():
    """The configured console handler, writing into a buffer for the test."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    yield buffer
    handler.setStream(previous)


def test_the_filter_is_installed_on_the_console_handler():
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    assert any(isinstance(f, PatientDataFilter) for f in handler.filters)
    assert handler in logging.getLogger("django.server").handlers


def test_patient_data_never_reaches_the_log(console):
    logging.getLogger("appointments.intake").warning(
        "Could not send to %s, phone %s / %s", PATIENT[0], PATIENT[1], PATIENT[2]
    )
    logging.getLogger("django.server").info(
        '"GET /admin/appointments/?q=Lopez&status=new HTTP/1.1" 200 5120'
    )
    logging.getLogger("django.request").warning(
        "Bad Request: /en/request-an-appointment/?first_name=Maria&zip_code=78701"
    )

    output = console.getvalue()
    for value in (*PATIENT, "Maria", "78701"):
        assert value not in output
    assert "Could not send to [email], phone [phone] / [phone]" in output
    assert "/admin/appointments/?q=[redacted]&status=new" in output
    assert "first_name=[redacted]&zip_code=[redacted]" in output


def test_ordinary_lines_are_left_alone(console):
    logging.getLogger("appointments").warning("Request %s has %d notifications", "SN-7K3Q-9PXD", 3)

    assert "Request SN-7K3Q-9PXD has 3 notifications" in console.getvalue()


def test_error_reports_hide_the_patients_form_and_this_apps_variables():
    request = RequestFactory().post(
        "/en/request-an-appointment/?q=Lopez",
        {"first_name": "Maria", "email": PATIENT[0], "reason": "sciatica"},
    )

    def failing_view(email=PATIENT[0]):
        raise RuntimeError("boom")

    try:
        failing_view()
    except RuntimeError:
        text = get_exception_reporter_class(request)(request, *sys.exc_info()).get_traceback_text()

    assert "Maria" not in text and "Lopez" not in text and PATIENT[0] not in text
    assert "sciatica" in text  # not patient-identifying: kept for debugging


@pytest.mark.django_db
def test_purge_deletes_old_spam_anonymises_old_finished_requests_and_reports(centres):
    old = timezone.now() - timedelta(days=400)
    spam = make_request(centres["austin"], status="spam")
    closed = make_request(centres["austin"], status="closed")
    no_show = make_request(centres["austin"], status="no_show")
    waiting = make_request(centres["austin"], status="contacted")
    recent = make_request(centres["austin"], status="closed")
    closed.notes.create(text="Patient prefers mornings.")
    closed.notifications.create(kind="patient", recipient=closed.email)
    closed.notifications.create(kind="staff", recipient="desk@example.org")
    AppointmentRequest.objects.filter(pk__in=[spam.pk, closed.pk, no_show.pk, waiting.pk]).update(
        updated_at=old
    )

    dry = io.StringIO()
    call_command("purge_appointments", "--older-than", "365", "--dry-run", stdout=dry)
    assert "Would delete 1 spam request(s) and would anonymise 2" in dry.getvalue()
    assert AppointmentRequest.objects.count() == 5

    out = io.StringIO()
    call_command("purge_appointments", "--older-than", "365", stdout=out)

    assert "Deleted 1 spam request(s) and anonymised 2" in out.getvalue()
    assert not AppointmentRequest.objects.filter(pk=spam.pk).exists()
    for request in (closed, no_show):
        request.refresh_from_db()
        assert (request.first_name, request.last_name, request.email, str(request.phone)) == (
            "",
            "",
            "",
            "",
        )
        assert request.centre == centres["austin"] and request.reason == "other"
    assert not closed.notes.exists()
    assert list(Notification.objects.values_list("recipient", flat=True)) == ["desk@example.org"]
    for request in (waiting, recent):
        request.refresh_from_db()
        assert request.email

    again = io.StringIO()
    call_command("purge_appointments", "--older-than", "365", stdout=again)
    assert "Deleted 0 spam request(s) and anonymised 0" in again.getvalue()


@pytest.mark.django_db
def test_purge_defaults_to_the_retention_setting(centres, settings):
    settings.APPOINTMENTS_RETENTION_DAYS = 10
    spam = make_request(centres["austin"], status="spam")
    AppointmentRequest.objects.filter(pk=spam.pk).update(
        updated_at=timezone.now() - timedelta(days=11)
    )
    from appointments.management.commands.purge_appointments import Command

    parser = Command().create_parser("manage.py", "purge_appointments")
    assert parser.parse_args([]).older_than == 10


@pytest.mark.django_db
def test_an_anonymised_request_still_opens_in_the_inbox(client, intake, centres):
    closed = make_request(centres["austin"], status="closed")
    AppointmentRequest.objects.filter(pk=closed.pk).update(
        updated_at=timezone.now() - timedelta(days=400)
    )
    call_command("purge_appointments", stdout=io.StringIO())
    client.force_login(intake)

    assert client.get(f"/admin/appointments/inspect/{closed.pk}/").status_code == 200
    assert closed.reference in client.get("/admin/appointments/").content.decode()
    rows = b"".join(client.get("/admin/appointments/", {"export": "csv"}).streaming_content)
    assert closed.reference in rows.decode()
