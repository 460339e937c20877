"""The emails of a batch, their templates rendered once for several requests
(`appointments.emails.EmailParts`), say what each rendered on its own says; the worker reads no
patient details."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from appointments.emails import EmailParts, build_email
from appointments.models import AppointmentRequest, Notification
from appointments.tasks import enqueue_with_transaction
from network.caching import LOCAL_SECONDS
from tests.appointments.conftest import DATABASE_TASKS, run_worker


def stored(centre, reference: str, reason: str, language: str = "en") -> list[Notification]:
    request = AppointmentRequest.objects.create(
        reference=reference,
        first_name="Zelda",
        last_name="Quartermaine",
        phone="+15125550170",
        email="zelda@example.com",
        centre=centre,
        routed="nearest" if centre else "fallback",
        reason=reason,
        language=language,
        consent_text="I agree.",
        consent_at=timezone.now(),
    )
    return [
        Notification.objects.create(request=request, kind=kind, recipient=f"{kind}@example.org")
        for kind in (Notification.Kind.STAFF, Notification.Kind.PATIENT)
    ]


@pytest.mark.django_db
def test_a_batchs_emails_say_what_each_rendered_alone_says(centres, physio, locales):
    rows = [
        *stored(centres["round_rock"], "SN-2222-2222", physio.slug),
        *stored(centres["round_rock"], "SN-3333-3333", physio.slug, "es"),
        *stored(centres["round_rock"], "SN-4444-4444", "other"),
        *stored(None, "SN-5555-5555", "other"),
        *stored(None, "SN-6666-6666", "other", "es"),
        *stored(centres["austin"], "SN-7777-7777", physio.slug),
    ]
    parts = EmailParts()
    batch = [build_email(row, parts=parts) for row in rows]
    with mock.patch("appointments.emails._SHAREABLE", re.compile(r"(?!)")):  # each on its own
        alone = [build_email(row) for row in rows]
    for row, email, expected in zip(rows, batch, alone, strict=True):
        assert (email.subject, email.body) == (expected.subject, expected.body)
        assert row.request.reference in email.subject
    assert len({email.body for email in batch}) == len(rows)


@pytest.mark.django_db
def test_a_template_using_more_of_the_request_is_rendered_for_each(centres, physio):
    rows = stored(centres["round_rock"], "SN-2222-2222", physio.slug)
    rows += stored(centres["round_rock"], "SN-3333-3333", physio.slug)

    def render(template, context):
        return f"{context['appointment'].reference} {context['appointment'].last_name}"

    with mock.patch("appointments.emails.render_to_string", render):
        parts = EmailParts()
        subjects = [build_email(row, parts=parts).subject for row in rows]
    assert subjects == ["SN-2222-2222 Quartermaine"] * 2 + ["SN-3333-3333 Quartermaine"] * 2


def test_what_a_delivery_keeps_is_renewed_as_each_process_renews_the_chrome(settings):
    settings.CACHE_SECONDS = 300
    with mock.patch("appointments.emails.time.monotonic", return_value=1000.0):
        parts = EmailParts()
        assert parts.fresh()
    with mock.patch("appointments.emails.time.monotonic", return_value=1000.0 + LOCAL_SECONDS):
        assert not parts.fresh()


@pytest.mark.django_db
def test_the_worker_reads_no_patient_details(centres, physio, settings):
    """Nor parses their phone numbers: of a request, its emails use only what `_REQUEST_USED`
    names."""
    settings.TASKS = DATABASE_TASKS
    rows = stored(centres["round_rock"], "SN-2222-2222", physio.slug)
    enqueue_with_transaction([row.pk for row in rows])
    with CaptureQueriesContext(connection) as queries:
        run_worker()
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}
    assert len(mail.outbox) == 2
    read = {
        column
        for query in queries
        for column in re.findall(r'"appointments_appointmentrequest"\."(\w+)"', query["sql"])
    }
    assert read and read <= {"id", "reference", "language", "reason", "centre_id"}
