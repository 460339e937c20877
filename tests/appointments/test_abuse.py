"""Abuse without a captcha: honeypot, fill time, rate limits, duplicates, single-use tokens, size.

Held requests are stored with status "spam" (never dropped) and the sender sees the same thank-you
page as anyone, so a bot learns nothing.
"""

import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from appointments.forms import FormToken
from appointments.models import AppointmentRequest, Notification
from tests.appointments.conftest import form_data

pytestmark = pytest.mark.django_db
URL = "/en/request-an-appointment/"
THANKS = f"{URL}thank-you/"


def test_a_filled_honeypot_is_stored_as_spam(client, appointment_page, centres):
    response = client.post(URL, form_data(website="http://cheap-pills.example"))
    assert response["Location"] == THANKS
    stored = AppointmentRequest.objects.get()
    assert (stored.status, stored.spam_reason) == ("spam", "honeypot")
    assert stored.centre == centres["round_rock"]  # still routed: a manager may rescue it


def test_a_form_sent_faster_than_a_person_can_fill_it_is_spam(client, appointment_page, centres):
    token = FormToken("fast-nonce", time.time()).dumps()
    response = client.post(URL, form_data(form_token=token))
    assert response["Location"] == THANKS
    assert AppointmentRequest.objects.get().spam_reason == "too_fast"


def test_a_person_is_not_too_fast(client, appointment_page, centres, settings):
    token = FormToken(
        "slow-nonce", time.time() - settings.APPOINTMENTS_MIN_FILL_SECONDS - 1
    ).dumps()
    client.post(URL, form_data(form_token=token))
    assert AppointmentRequest.objects.get().status == "new"


def test_beyond_the_phone_rate_requests_are_held_as_spam(
    client, appointment_page, centres, frozen_clock, settings
):
    settings.APPOINTMENTS_RATELIMIT_PHONE = "2/h"
    for n in range(3):
        client.post(
            URL, form_data(email=f"patient{n}@example.com", centre=str(centres["austin"].pk))
        )
    statuses = list(AppointmentRequest.objects.order_by("pk").values_list("status", "spam_reason"))
    assert statuses[:2] == [("new", ""), ("new", "")]
    assert statuses[2] == ("spam", "rate_limit")


def test_beyond_the_address_rate_requests_are_held_as_spam(
    client, appointment_page, centres, frozen_clock, settings
):
    settings.APPOINTMENTS_RATELIMIT_ADDRESS = "2/h"
    for n in range(3):
        client.post(URL, form_data(phone=f"(512) 555-01{n:02d}", email=f"p{n}@example.com"))
    assert [r.status for r in AppointmentRequest.objects.order_by("pk")] == ["new", "new", "spam"]
    # Another address is not held.
    client.post(
        URL, form_data(phone="(512) 555-0177", email="q@example.com"), REMOTE_ADDR="198.51.100.7"
    )
    assert AppointmentRequest.objects.order_by("pk").last().status == "new"


def test_the_same_phone_or_email_for_the_same_centre_links_to_the_first(
    client, appointment_page, centres
):
    client.post(URL, form_data())
    first = AppointmentRequest.objects.get()
    client.post(URL, form_data(phone="(512) 555-0142"))  # same email
    client.post(URL, form_data(email="other@example.com"))  # same phone
    client.post(URL, form_data(centre=str(centres["austin"].pk)))  # another centre
    rows = list(AppointmentRequest.objects.order_by("pk"))
    assert [r.duplicate_of for r in rows] == [None, first, first, None]


def test_a_duplicate_email_matches_whatever_its_case_and_never_as_a_pattern(
    client, appointment_page, centres
):
    client.post(URL, form_data(email="maria_l@example.com"))
    first = AppointmentRequest.objects.get()
    client.post(URL, form_data(phone="(512) 555-0142", email="Maria_L@Example.COM"))
    client.post(URL, form_data(phone="(512) 555-0143", email="mariaxl@example.com"))  # "_" is "_"
    rows = list(AppointmentRequest.objects.order_by("pk"))
    assert [r.duplicate_of for r in rows] == [None, first, None]


def test_requests_for_the_central_intake_are_linked_too(client, appointment_page, centres):
    """No centre within the radius of 10001 (New York): both go to the central intake."""
    client.post(URL, form_data(zip_code="10001"))
    client.post(URL, form_data(zip_code="10001", email="other@example.com"))
    first, second = AppointmentRequest.objects.order_by("pk")
    assert first.centre is second.centre is None
    assert second.duplicate_of == first
    assert Notification.objects.filter(request=second).count() == 0


def test_after_the_duplicate_window_a_request_stands_alone(
    client, appointment_page, centres, settings
):
    client.post(URL, form_data())
    later = timezone.now() + timedelta(
        hours=settings.APPOINTMENTS_DUPLICATE_WINDOW_HOURS, minutes=1
    )
    with time_machine.travel(later):
        client.post(URL, form_data())
    assert [r.duplicate_of for r in AppointmentRequest.objects.all()] == [None, None]


def test_a_double_click_a_reload_or_a_resubmit_stores_one_request(
    client, appointment_page, centres
):
    data = form_data()
    answers = [client.post(URL, data) for _ in range(3)]
    assert AppointmentRequest.objects.count() == 1
    assert {answer["Location"] for answer in answers} == {THANKS}
    assert AppointmentRequest.objects.get().reference in client.get(THANKS).content.decode()


def test_a_body_over_the_limit_is_refused_before_the_form_is_read(
    client, appointment_page, centres, settings
):
    settings.APPOINTMENTS_MAX_BODY_BYTES = 4096
    response = client.post(URL, form_data(message="x" * 900, first_name="M" * 5000))
    assert response.status_code == 413
    assert "no-store" in response["Cache-Control"]
    assert not AppointmentRequest.objects.exists()


@pytest.mark.parametrize("length", ["¹²³", "١٢", "-1", "1e3", "9" * 5000])
def test_a_length_that_int_cannot_read_is_refused(client, appointment_page, centres, length):
    # "¹²³".isdigit() is true and int() rejects it: that was a server error.
    response = client.post(URL, form_data(), CONTENT_LENGTH=length)
    assert response.status_code == 413
    assert not AppointmentRequest.objects.exists()


def test_a_flood_from_one_address_is_held_while_another_address_gets_through(
    client, appointment_page, centres, frozen_clock, settings
):
    limit = int(settings.APPOINTMENTS_RATELIMIT_ADDRESS.split("/")[0])
    flood = limit + 40
    for n in range(flood):
        response = client.post(
            URL,
            form_data(phone=f"(512) 555-01{n:02d}", email=f"bot{n}@example.com"),
            REMOTE_ADDR="192.0.2.66",
        )
        assert response["Location"] == THANKS  # a bot learns nothing from the answer
        if n == flood // 2:  # a patient elsewhere, in the middle of the flood
            client.post(
                URL,
                form_data(phone="(512) 555-0177", email="patient@example.com"),
                REMOTE_ADDR="198.51.100.7",
            )
    flooded = AppointmentRequest.objects.exclude(email="patient@example.com")
    assert flooded.filter(status="new").count() == limit
    assert flooded.filter(spam_reason="rate_limit").count() == flood - limit
    assert not Notification.objects.filter(request__status="spam").exists()
    patient = AppointmentRequest.objects.get(email="patient@example.com")
    assert (patient.status, patient.notifications.count()) == ("new", 1)
