"""What storing a request and announcing it cost: a fixed number of queries, no session row, one
background task and one mail connection per request, the ZIP code placed once.

bench/submissions.py measures the same path end to end (docs/performance.md); these tests keep
what made it faster from coming undone.
"""

from collections import Counter
from unittest import mock

import phonenumbers
import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import choices as django_choices
from django.utils import timezone, translation
from django.utils.choices import flatten_choices
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from appointments import tasks
from appointments.forms import (
    AppointmentForm,
    CheckedPhoneNumber,
    centre_choices,
    reason_choices,
)
from appointments.models import AppointmentRequest, Notification
from appointments.notifications import schedule
from locations import geocoding
from locations.models import CentreManager, LocationPage
from tests.appointments.conftest import DATABASE_TASKS, form_data, run_worker

pytestmark = pytest.mark.django_db
URL = "/en/request-an-appointment/"
THANKS = URL + "thank-you/"


def post(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(URL, form_data(**overrides))


def second_request(client, django_capture_on_commit_callbacks, measure):
    """A second request (from another browser) inside the context manager `measure`, after a first
    one has filled what each process keeps: its response, and what `measure` gave."""
    post(client, django_capture_on_commit_callbacks, phone="(512) 555-0100", email="a@example.com")
    client.cookies.clear()
    with measure as measured:
        return post(
            client,
            django_capture_on_commit_callbacks,
            phone="(512) 555-0101",
            email="b@example.com",
        ), measured


def test_a_request_is_stored_in_ten_queries_without_a_session(
    client, appointment_page, centres, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    response, captured = second_request(
        client, django_capture_on_commit_callbacks, CaptureQueriesContext(connection)
    )

    assert response.status_code == 302
    sql = [query["sql"] for query in captured.captured_queries]
    # The page 2 (kept with the chrome in production: network.routing), no view restriction
    # (network.visibility), the token 1, the ZIP code none (placed for the first request and kept
    # in the process: locations.geocoding), the nearest centre 1 and its page 1, duplicates 1, the
    # request 1, its recipients 1, their notifications 1, the task 1; not counting the
    # transaction's statements, which SQLite does not show.
    statements = [s for s in sql if s not in ("BEGIN", "COMMIT") and "SAVEPOINT" not in s]
    assert len(statements) == 10, "\n".join(statements)
    assert not [s for s in sql if "django_session" in s]
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not Session.objects.exists()


def test_the_sites_root_paths_come_with_the_chrome(
    client, appointment_page, centres, django_capture_on_commit_callbacks
):
    """The thank-you page's URL starts from the sites' root paths, which Wagtail reads from the
    default cache (a round trip to Redis) for every page URL built without them: they are kept
    with the chrome and put on the request (`network.caching.site_for_request`)."""
    reading = mock.patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths)
    response, read = second_request(client, django_capture_on_commit_callbacks, reading)
    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert read.call_count == 0


def test_the_zip_code_is_placed_once(
    client, appointment_page, centres, django_capture_on_commit_callbacks
):
    with mock.patch.object(geocoding, "_zip_place", wraps=geocoding._zip_place) as placed:
        response = post(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert placed.call_count == 1
    assert AppointmentRequest.objects.get().centre == centres["round_rock"]


def test_the_form_choices_kept_with_the_chrome_are_plain_strings(appointment_page, centres):
    """A lazy translation in a cached value is rebuilt each time it is read (a new class per
    string): the choices are translated when they are computed, per language."""

    def strings(value) -> list:
        if isinstance(value, (list, tuple)):
            return [item for part in value for item in strings(part)]
        return [value]

    for language in ("en", "es"):
        with translation.override(language):
            for choices in (centre_choices(), reason_choices()):
                assert {type(value) for value in strings(choices)} == {str}, choices
    with translation.override("es"):
        assert centre_choices()[0][1] == "El centro más cercano a mí"


def test_the_phone_number_is_validated_once_a_request(
    client, appointment_page, centres, django_capture_on_commit_callbacks
):
    """django-phonenumber-field validates again on each str(), len() and save: six times a POST
    before the form's number remembered the answer."""
    checking = mock.patch.object(
        phonenumbers, "is_valid_number", wraps=phonenumbers.is_valid_number
    )
    with checking as checked:
        response = post(client, django_capture_on_commit_callbacks, phone="(512) 555-0142")
    assert response.status_code == 302
    assert checked.call_count == 1
    assert AppointmentRequest.objects.get().phone.as_e164 == "+15125550142"


def test_a_checked_phone_number_is_checked_again_once_changed():
    number = CheckedPhoneNumber()
    number.merge_from(phonenumbers.parse("(512) 555-0142", "US", keep_raw_input=True))
    assert number.is_valid() and number.as_e164 == "+15125550142"
    number.national_number = 5550142  # seven digits: no US number
    assert not number.is_valid()
    assert str(number) == "(512) 555-0142"  # the raw input, as for any invalid number


def test_the_kept_choices_are_set_on_each_form_without_being_walked_again(
    appointment_page, centres
):
    """Django normalizes a list of choices item by item when a field and its widget are given it
    (twice each, on every form); the kept centres and reasons are normalized already and are set
    as they are, and still validate and render."""
    AppointmentForm()  # fills what the process keeps
    normalizing = mock.patch.object(
        django_choices, "normalize_choices", wraps=django_choices.normalize_choices
    )
    with normalizing as normalized:
        form = AppointmentForm(form_data())
        assert form.is_valid(), form.errors
    kept = {label for _, label in flatten_choices([*centre_choices(), *reason_choices()])}
    walked = {str(call.args[0]) for call in normalized.call_args_list}  # the other fields' too
    assert kept and not walked & kept
    assert list(form.fields["centre"].choices) == centre_choices()
    assert list(form.fields["reason"].widget.choices) == reason_choices()
    assert "Round Rock" in str(form["centre"])
    assert not AppointmentForm({**form_data(), "centre": "999999"}).is_valid()
    assert not AppointmentForm({**form_data(), "reason": "not-a-reason"}).is_valid()


def test_the_thank_you_page_follows_a_signed_cookie_that_cannot_be_pointed_elsewhere(
    client, appointment_page, centres, django_capture_on_commit_callbacks
):
    response = post(client, django_capture_on_commit_callbacks)
    cookie = response.cookies["appointment_sent"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) > 0
    stored = AppointmentRequest.objects.get()
    assert stored.reference in client.get(THANKS).content.decode()

    forged = cookie.value.replace(str(stored.pk), str(stored.pk + 1), 1)
    client.cookies["appointment_sent"] = forged
    assert client.get(THANKS)["Location"] == URL


def test_the_database_queue_takes_the_task_in_the_requests_own_transaction(
    client, appointment_page, centres, settings, django_capture_on_commit_callbacks
):
    """The task row is written with the request (one commit, nothing to lose between the two),
    not by a callback after the commit."""
    settings.TASKS = DATABASE_TASKS
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post(URL, form_data()).status_code == 302
    assert callbacks == []
    task = DBTaskResult.objects.get(task_path="appointments.tasks.deliver")
    assert task.args_kwargs["args"] == [list(Notification.objects.values_list("pk", flat=True))]


def three_recipients(centres, settings) -> None:
    """A request for Round Rock (as `form_data`) is told to its two intake addresses and the
    patient, through the database queue."""
    settings.TASKS = DATABASE_TASKS
    settings.APPOINTMENTS_CONFIRM_TO_PATIENT = True
    round_rock = centres["round_rock"]
    round_rock.intake_emails = "front-desk@example.org, scheduling@example.org"
    round_rock.save_revision().publish()


def test_one_task_and_one_mail_connection_announce_a_request_to_everyone(
    client, appointment_page, centres, settings, smtp, django_capture_on_commit_callbacks
):
    three_recipients(centres, settings)
    smtp.start()

    post(client, django_capture_on_commit_callbacks)
    assert Notification.objects.count() == 3  # two intake addresses and the patient
    assert DBTaskResult.objects.filter(task_path="appointments.tasks.deliver").count() == 1

    run_worker()
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}
    assert len(smtp.messages) == 3
    assert len(smtp.peers) == 1  # one connection to the mail server


def test_a_request_builds_the_sql_of_its_fixed_queries_once_per_process(
    client, appointment_page, centres, settings, django_capture_on_commit_callbacks
):
    """The token, the centre search, the routed centre, duplicates, recipients and the queued
    delivery are the same SQL every time (network.fixedsql): only the page's route is built."""
    settings.TASKS = DATABASE_TASKS
    compiling = mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql
    )
    response, built = second_request(client, django_capture_on_commit_callbacks, compiling)
    assert response.status_code == 302
    tables = Counter(call.args[0].query.model._meta.db_table for call in built.call_args_list)
    # Built: the page's route (not kept in the tests); the centre search (locations.nearest.
    # FixedSearch), the routed centre, the token, duplicates, managers and deliveries are not.
    fixed = {AppointmentRequest, CentreManager, DBTaskResult, LocationPage}
    assert not {model._meta.db_table for model in fixed} & set(tables), tables


def test_each_email_is_marked_sent_by_the_statement_that_claims_the_next(
    client, appointment_page, centres, settings, smtp, django_capture_on_commit_callbacks
):
    """One UPDATE an email, not two: a claim, and with it the mark of the email sent before."""
    three_recipients(centres, settings)
    smtp.start()
    post(client, django_capture_on_commit_callbacks)

    with CaptureQueriesContext(connection) as captured:
        run_worker()

    table = Notification._meta.db_table
    updates = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("UPDATE")]
    assert len([sql for sql in updates if f'"{table}"' in sql]) == 4  # 3 claims, the last mark
    assert list(Notification.objects.values_list("state", "attempts")) == [("sent", 1)] * 3
    assert len(smtp.messages) == 3


def test_the_email_sent_before_is_marked_even_when_the_next_cannot_be_claimed(
    appointment_page, centres, settings
):
    settings.APPOINTMENTS_CONFIRM_TO_PATIENT = True
    appointment = AppointmentRequest.objects.create(
        first_name="Ada",
        last_name="Quill",
        phone="+15125550100",
        email="ada@example.com",
        zip_code="78701",
        routed="fallback",
        reason="other",
        consent_text="I agree.",
        consent_at=timezone.now(),
    )
    sent, taken = schedule(appointment)
    assert tasks._claim(sent)
    sent.state, sent.sent_at = Notification.State.SENT, timezone.now()
    sent.message_id, sent.last_error = "<a@example.org>", ""
    assert tasks._claim(taken)  # another task's
    assert not tasks._claim(Notification.objects.get(pk=taken.pk), sent)

    rows = {row.pk: row for row in Notification.objects.all()}
    assert (rows[sent.pk].state, rows[sent.pk].attempts) == ("sent", 1)
    assert rows[sent.pk].message_id == "<a@example.org>"
    assert (rows[taken.pk].state, rows[taken.pk].attempts) == ("pending", 1)
