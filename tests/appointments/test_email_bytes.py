"""A notification email's bytes, written directly (`appointments.emails.NotificationEmail`), are
those Django's own `EmailMessage` writes for the same email, whatever its subject, addresses and
body; an email the direct writing does not cover (non-ASCII, a header long enough to fold, a long
line) is Django's own message."""

from unittest import mock

import pytest
from django.core.mail import EmailMessage
from hypothesis import given, settings
from hypothesis import strategies as st

from appointments.emails import NotificationEmail, _PlainMessage

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
