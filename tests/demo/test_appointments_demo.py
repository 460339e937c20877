"""The appointments demo: the request page in both languages, and every button opening it."""

import pytest
from wagtail.models import Site

from appointments.models import AppointmentPage, AppointmentRequest
from blog.models import BlogPage
from locations.models import LocationPage
from network.models import NetworkSettings
from tests.appointments.conftest import form_data

pytestmark = pytest.mark.django_db


def test_demo_request_page_in_both_languages_and_a_request_from_each_entry(client, demo):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    page = AppointmentPage.objects.get(locale__language_code="en")
    assert settings.appointment_page_id == page.pk
    assert page.url == "/en/request-an-appointment/"
    assert AppointmentPage.objects.get(locale__language_code="es").url == "/es/solicitar-una-cita/"

    home = client.get("/en/").text
    assert 'href="/en/request-an-appointment/">Request an appointment</a>' in home
    spanish = client.get("/es/solicitar-una-cita/").text
    assert "El centro más cercano a mí" in spanish and "Solicitar una cita" in spanish

    austin = LocationPage.objects.get(slug="austin-downtown", locale__language_code="en")
    article = BlogPage.objects.live().filter(locale__language_code="en").first()
    assert 'action="/en/request-an-appointment/"' in client.get(article.url).text
    assert f'<option value="{austin.pk}" selected>' in client.get(austin.url).text

    demo_requests = list(AppointmentRequest.objects.values_list("pk", flat=True))
    client.post("/es/solicitar-una-cita/", form_data(reason="other"))
    stored = AppointmentRequest.objects.exclude(pk__in=demo_requests).get()
    assert (stored.centre, stored.routed, stored.language) == (austin, "nearest", "es")
