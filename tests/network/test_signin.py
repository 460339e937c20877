"""Sign-in lockout (django-axes), password-reset mail throttling, the page-password form's limit,
and no Django admin."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser(
        username="dana", email="dana@spine-network.example", password=PASSWORD
    )


def sign_in(client, password, username="dana", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_username_out_from_that_address(client, editor):
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429

    right = sign_in(client, PASSWORD)

    assert right.status_code == 429
    assert "Sign-in paused" in right.text
    assert "Please try again in 15 minutes." in right.text
    assert not signed_in(client)


def test_the_lockout_ends_after_the_cool_off(client, editor):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            sign_in(client, "wrong")
        assert sign_in(client, PASSWORD).status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        response = sign_in(client, PASSWORD)
        assert response.status_code == 302
        assert signed_in(client)


def test_a_lockout_holds_only_that_username_from_that_address(client, editor, django_user_model):
    django_user_model.objects.create_user(username="lee", password=PASSWORD, is_superuser=True)
    for _ in range(5):
        sign_in(client, "wrong")

    # Nobody can lock a colleague out from elsewhere, nor another account from here.
    assert sign_in(client, PASSWORD, REMOTE_ADDR="198.51.100.20").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, username="lee").status_code == 302


@override_settings(TRUSTED_PROXY_HOPS=1)
def test_spoofed_forwarded_addresses_do_not_escape_a_lockout(client, editor):
    for n in range(5):
        sign_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"10.9.8.{n}, 203.0.113.5")

    response = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5")

    assert response.status_code == 429


def test_django_admin_is_not_exposed(client, editor):
    client.force_login(editor)

    for path in ("/django-admin/", "/django-admin/login/"):
        assert client.get(path, follow=True).status_code == 404, path


# --- Password reset ---------------------------------------------------------------------------

RESET = "/admin/password_reset/"


def ask_reset(client, email, **headers):
    return client.post(RESET, {"email": email}, **headers)


def test_reset_answers_the_same_for_known_and_unknown_emails(client, editor):
    known = ask_reset(client, "dana@spine-network.example")
    unknown = ask_reset(client, "nobody@spine-network.example")

    assert (known.status_code, known["Location"], known.content) == (
        unknown.status_code,
        unknown["Location"],
        unknown.content,
    )
    assert known.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dana@spine-network.example"]


@pytest.mark.usefixtures("frozen_clock")
def test_reset_mail_is_throttled_per_email_without_changing_the_answer(client, editor):
    answers = {
        (response.status_code, response["Location"], response.content)
        for response in (
            ask_reset(client, "Dana@Spine-Network.example", REMOTE_ADDR=f"198.51.100.{n}")
            for n in range(6)
        )
    }

    assert len(mail.outbox) == 3  # PASSWORD_RESET_RATELIMITS["email"] = 3/h
    assert len(answers) == 1  # throttled or not, the same redirect to the same page


@pytest.mark.usefixtures("frozen_clock")
def test_reset_mail_is_throttled_per_client_address(client, editor, django_user_model):
    for n in range(8):
        django_user_model.objects.create_user(
            username=f"user{n}", email=f"user{n}@spine-network.example", password=PASSWORD
        )
        ask_reset(client, f"user{n}@spine-network.example")

    assert len(mail.outbox) == 5  # PASSWORD_RESET_RATELIMITS["address"] = 5/h


# --- Wagtail's page-password form -------------------------------------------------------------


@pytest.fixture
def shared_page(home):
    page = StandardPageFactory(parent=home, title="Staff notes", slug="staff-notes")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-notes"
    )
    return page, f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


@pytest.mark.usefixtures("frozen_clock")
def test_page_password_tries_are_limited_per_address(client, shared_page):
    page, action = shared_page
    for _ in range(10):
        response = client.post(action, {"password": "guess", "return_url": page.url})
        assert response.status_code == 200

    limited = client.post(action, {"password": "s3cret-notes", "return_url": page.url})

    assert limited.status_code == 429
    assert "Too many tries. Please wait a few minutes and try again." in limited.text
    assert client.get(page.url).status_code == 200
    assert "Password required" in client.get(page.url).text  # the right password was not let in
    other = client.post(
        action,
        {"password": "s3cret-notes", "return_url": page.url},
        REMOTE_ADDR="198.51.100.30",
    )
    assert other.status_code == 302


def test_code_that_signs_in_without_a_request_still_works(client, editor):
    # Django's test client (and scripts) call authenticate() without a request.
    assert client.login(username="dana", password=PASSWORD)
    assert signed_in(client)
