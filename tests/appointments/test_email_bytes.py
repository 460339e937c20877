"""A notification email's bytes, written directly (`appointments.emails.NotificationEmail`), are
those Django's own `EmailMessage` writes for the same email, whatever its subject, addresses and
body; an email the direct writing does not cover (non-ASCII, a header long enough to fold, a long
line) is Django's own message. The emails of a batch, their templates rendered once for several
requests (`EmailParts`), say what each rendered on its own says."""

import re
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from appointments.emails import EmailParts, NotificationEmail, _PlainMessage, build_email
from appointments.models import AppointmentRequest, Notification
from appointments.tasks import enqueue_with_transaction
from network.caching import LOCAL_SECONDS
from tests.appointments.conftest import DATABASE_TASKS, run_worker

DATE = "Wed, 02 Dec 2026 04:36:28 -0000"
MESSAGE_ID = "<appointment-SN-7K3Q-9PXD-staff-12@spine.example>"

printable = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
# Near the limits (76 characters a header line, 998 a body line), and past them, and outside
# printable ASCII now and then.
words = st.lists(
    st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1), max_size=12
)
texts = st.one_of(
    words.map(" ".join),  # most notifications' subjects
    st.text(printable, max_size=90),
    st.text(st.characters(min_codepoint=0x09, max_codepoint=0xFF), max_size=90),
)
bodies = st.one_of(
    st.lists(st.text(printable, max_size=120), max_size=6).map("\n".join),
    st.lists(
        st.sampled_from(["a b", "\r\n", "\r", "\n", "\t", "x" * 997, "y" * 999]), max_size=6
    ).map("".join),
    st.text(st.characters(min_codepoint=0x09, max_codepoint=0x2FF), max_size=60),
)
addresses = st.one_of(
    st.from_regex(r"[a-z]{1,20}@[a-z]{1,20}\.example\.org", fullmatch=True),
    st.sampled_from(["intake@example.org", "Intake Team <intake@example.org>", "ó@example.org"]),
)
senders = st.sampled_from(
    ["Spine Network <no-reply@localhost>", "no-reply@example.org", "Réseau <no-reply@x.org>"]
)


def both(email_kwargs: dict) -> tuple[object, bytes]:
    """What `NotificationEmail` gives for these arguments, and the bytes Django's own writes (the
    same Date in both)."""
    with (
        mock.patch("appointments.emails.formatdate", return_value=DATE),
        mock.patch("django.core.mail.message.formatdate", return_value=DATE),
    ):
        message = NotificationEmail(**email_kwargs).message()
        written = message.as_bytes(linesep="\r\n")
        django = EmailMessage(**email_kwargs).message().as_bytes(linesep="\r\n")
    return message, written, django


@settings(max_examples=300, deadline=None)
@given(subject=texts, body=bodies, to=st.lists(addresses, min_size=1, max_size=2), sender=senders)
def test_the_bytes_are_djangos_whatever_the_email(subject, body, to, sender):
    kwargs = {
        "subject": subject,
        "body": body,
        "from_email": sender,
        "to": to,
        "headers": {"Message-ID": MESSAGE_ID},
    }
    try:
        _, written, django = both(kwargs)
    except Exception as error:  # Django refuses it (a line break in a header): so must we
        with pytest.raises(type(error)):
            NotificationEmail(**kwargs).message().as_bytes()
        return
    assert written == django


def test_a_notification_is_written_directly_and_anything_else_by_django():
    plain = {
        "subject": "Appointment request SN-7K3Q-9PXD: Austin Downtown",
        "body": "A new appointment request is waiting.\n\nReference: SN-7K3Q-9PXD\n",
        "from_email": "Spine Network <no-reply@localhost>",
        "to": ["intake@austin.example.org"],
        "headers": {"Message-ID": MESSAGE_ID},
    }
    message, written, django = both(plain)
    assert isinstance(message, _PlainMessage)
    assert written == django
    assert message["Message-ID"] == MESSAGE_ID  # the rest is the Django message's
    assert str(message.get_charset()) == "utf-8"  # as the console backend asks
    for other in (
        {"subject": "Cita SN-7K3Q-9PXD: Clínica del Dolor"},
        {"subject": "Appointment request SN-7K3Q-9PXD: " + "Austin Downtown " * 3},
        {"body": "x" * 999},
        {"cc": ["boss@example.org"]},
        {"headers": {"Message-ID": MESSAGE_ID, "Reply-To": "x@example.org"}},
    ):
        message, written, django = both({**plain, **other})
        assert not isinstance(message, _PlainMessage)
        assert written == django


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
