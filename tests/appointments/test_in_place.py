"""The same form in place at the end of articles and on centre pages (the `page_sections` hook).

Those pages are cached and shared, so the form's HTML carries no CSRF or form token: the browser
fetches both from /api/form-token/, and a post without them (no JavaScript) gets the form back,
filled in, with tokens of its own."""

import re

import pytest
from django.test import Client

from appointments.models import AppointmentRequest
from tests.appointments.conftest import form_data
from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory

pytestmark = pytest.mark.django_db

URL = "/en/request-an-appointment/"


def in_place_form(html: str) -> str:
    match = re.search(r'<section class="container appointment-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_every_article_ends_with_the_form(client, home, appointment_page, centres):
    article = BlogPageFactory(parent=BlogIndexPageFactory(parent=home), title="Sciatica")
    html = client.get(article.url).content.decode()
    form = in_place_form(html)
    assert 'action="/en/request-an-appointment/"' in form
    assert '<option value="nearest" selected>' in form
    assert html.index("</article>") < html.index("appointment-section")


def test_a_centre_page_shows_the_form_with_itself_preselected(client, appointment_page, centres):
    centre = centres["round_rock"]
    form = in_place_form(client.get(centre.url).content.decode())
    assert f'<option value="{centre.pk}" selected>Round Rock</option>' in form


def test_no_form_on_a_centre_that_takes_no_requests(client, appointment_page, centres):
    assert in_place_form(client.get(centres["south"].url).content.decode()) == ""


def test_no_form_without_an_appointment_page(client, centres):
    assert in_place_form(client.get(centres["round_rock"].url).content.decode()) == ""


def test_a_request_sent_from_a_centre_page_lands_there(client, appointment_page, centres):
    centre = centres["austin"]
    client.get(centre.url)
    tokens = client.get("/api/form-token/").json()["fields"]
    response = client.post(URL, form_data(centre=str(centre.pk), zip_code="", **tokens))
    assert response.status_code == 302
    stored = AppointmentRequest.objects.get()
    assert (stored.centre, stored.routed) == (centre, "chosen")
    # Sent at once after display: held (a person takes longer), but stored for that centre.
    assert stored.spam_reason == "too_fast"


def test_the_spanish_article_and_centre_pages_post_to_the_spanish_page(
    client, appointment_page_es, centres_es
):
    form = in_place_form(client.get(centres_es["round_rock"].url).content.decode())
    assert 'action="/es/solicitar-una-cita/"' in form
    assert "Solicitar una cita" in form or "Enviar mi solicitud" in form


@pytest.fixture
def article(home, appointment_page, centres):
    return BlogPageFactory(parent=BlogIndexPageFactory(parent=home), title="Sciatica")


def field_value(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_an_article_with_the_form_is_cached_without_any_token(
    article, settings, django_assert_num_queries
):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    first = Client().get(article.url)
    with django_assert_num_queries(0):
        second = Client().get(article.url)

    form = in_place_form(first.text)
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert second.content == first.content
    assert "csrftoken" not in first.cookies
    assert field_value(form, "csrfmiddlewaretoken") == ""
    assert field_value(form, "form_token") == ""
    assert 'data-fresh-token="/api/form-token/"' in form
    assert "network/js/fresh-token" in form


def test_a_centre_page_with_the_form_is_cached_too(centres, appointment_page, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    response = Client().get(centres["austin"].url)
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert field_value(in_place_form(response.text), "form_token") == ""


def test_each_visitor_fetches_tokens_of_their_own(article):
    first, second = (Client().get("/api/form-token/") for _ in range(2))

    assert "no-store" in first["Cache-Control"]
    ours, theirs = first.json()["fields"], second.json()["fields"]
    assert set(ours) == {"csrfmiddlewaretoken", "form_token"}
    assert ours["form_token"] != theirs["form_token"]
    assert ours["csrfmiddlewaretoken"] != theirs["csrfmiddlewaretoken"]


def test_a_request_sent_with_the_fetched_tokens_goes_through(article):
    browser = Client(enforce_csrf_checks=True)
    browser.get(article.url)
    tokens = browser.get("/api/form-token/").json()["fields"]

    response = browser.post(URL, form_data(**tokens))

    assert (response.status_code, response["Location"]) == (302, URL + "thank-you/")
    assert AppointmentRequest.objects.count() == 1


def test_another_visitors_tokens_are_refused(article):
    tokens = Client().get("/api/form-token/").json()["fields"]
    response = Client(enforce_csrf_checks=True).post(URL, form_data(**tokens))
    assert response.status_code == 403
    assert AppointmentRequest.objects.count() == 0


def test_without_javascript_the_form_comes_back_filled_in_then_goes_through(article, settings):
    settings.APPOINTMENTS_MIN_FILL_SECONDS = 0
    browser = Client(enforce_csrf_checks=True)
    browser.get(article.url)

    again = browser.post(URL, form_data(form_token="", message="Worse when I sit."))

    html = again.text
    assert again.status_code == 403
    assert again["Cache-Control"] == "private, no-store"
    assert "Please send your request again" in html
    assert AppointmentRequest.objects.count() == 0  # nothing is stored before it is sent again
    assert 'name="first_name" value="Maria"' in html
    assert "Worse when I sit.</textarea>" in html
    assert re.search(r'name="consent"[^>]* checked', html)
    tokens = {name: field_value(html, name) for name in ("csrfmiddlewaretoken", "form_token")}
    assert all(tokens.values())

    sent = browser.post(URL, form_data(message="Worse when I sit.", **tokens))

    assert sent.status_code == 302
    assert AppointmentRequest.objects.get().message == "Worse when I sit."


def test_a_post_from_another_site_gets_the_plain_refusal(article):
    response = Client(enforce_csrf_checks=True).post(
        URL, form_data(), headers={"origin": "https://elsewhere.example"}
    )
    assert response.status_code == 403
    assert "appointment-form" not in response.text
