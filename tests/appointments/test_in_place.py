"""The same form in place at the end of articles and on centre pages (the `page_sections` hook)."""

import re

import pytest

from appointments.models import AppointmentRequest
from tests.appointments.conftest import form_data
from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory

pytestmark = pytest.mark.django_db


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
    html = client.get(centre.url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    response = client.post(
        "/en/request-an-appointment/",
        form_data(centre=str(centre.pk), form_token=token, zip_code=""),
    )
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
