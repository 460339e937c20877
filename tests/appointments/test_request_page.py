"""The appointment page: the form in both languages, storing a request, errors, the thank-you page."""

import re
from html import unescape

import pytest
from django.test import Client

from appointments.models import AppointmentRequest
from tests.appointments.conftest import form_data
from tests.appointments.world import *  # noqa: F403  (this module's tests share one network)

pytestmark = pytest.mark.django_db
URL = "/en/request-an-appointment/"
URL_ES = "/es/solicitar-una-cita/"


def test_the_page_shows_the_form_with_centres_grouped_by_state(client, appointment_page, centres):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert '<option value="nearest" selected>The center nearest to me</option>' in html
    assert '<optgroup label="Texas">' in html
    assert f'<option value="{centres["round_rock"].pk}">Round Rock</option>' in html
    assert "Austin South" not in html  # takes no requests
    assert 'name="form_token"' in html
    for name in ("first_name", "last_name", "phone", "email", "zip_code", "reason", "consent"):
        assert f'name="{name}"' in html
    assert "I agree to be called about my request." in html


def test_location_preselects_the_centre_in_either_language(
    client, appointment_page_es, centres_es, centres
):
    english_id = centres["round_rock"].pk
    html = client.get(f"{URL}?location={english_id}").content.decode()
    assert f'<option value="{english_id}" selected>' in html
    spanish = client.get(f"{URL_ES}?location={english_id}").content.decode()
    assert f'<option value="{centres_es["round_rock"].pk}" selected>Round Rock (es)</option>' in (
        spanish
    )
    assert "El centro más cercano a mí" in spanish
    assert "Acepto que me llamen sobre mi solicitud." in spanish


@pytest.mark.parametrize("location", ["¹", "²³", "١٢", "-4", "x"])
def test_a_location_that_is_no_page_id_leaves_the_nearest_chosen(
    client, appointment_page, centres, location
):
    # "¹".isdigit() is true, and looking the page up with it was a server error.
    response = client.get(URL, {"location": location})
    assert response.status_code == 200
    [centre_choices] = re.findall(r'<select name="centre".*?</select>', response.text, re.S)
    assert '<option value="nearest" selected>The center nearest to me</option>' in centre_choices
    assert centre_choices.count(" selected>") == 1


def test_a_valid_request_is_stored_routed_and_thanked(client, appointment_page, centres):
    response = client.post(URL, form_data())
    assert response.status_code == 302
    assert response["Location"] == f"{URL}thank-you/"
    stored = AppointmentRequest.objects.get()
    assert (stored.centre, stored.routed, stored.status) == (
        centres["round_rock"],
        "nearest",
        "new",
    )
    assert (stored.first_name, stored.phone.as_e164, stored.language) == (
        "Maria",
        "+15125550199",
        "en",
    )
    assert stored.consent_text == "I agree to be called about my request."
    assert re.fullmatch(r"SN-[2-9A-Z]{4}-[2-9A-Z]{4}", stored.reference)

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert stored.reference in html
    assert "Round Rock will call you" in html
    assert "(512) 555-0100" in html  # the centre's phone
    assert "We call back within a working day." in html
    assert "no-store" in thanks["Cache-Control"]


def test_the_thank_you_page_refuses_another_browser(client, appointment_page, centres):
    client.post(URL, form_data())
    reference = AppointmentRequest.objects.get().reference
    stranger = Client()
    response = stranger.get(f"{URL}thank-you/")
    assert response.status_code == 302
    assert response["Location"] == URL
    assert reference not in stranger.get(f"{URL}thank-you/", follow=True).content.decode()


def test_central_intake_is_named_without_a_centre(client, appointment_page, centres):
    client.post(URL, form_data(zip_code="75201"))  # Dallas: nothing within 50 miles
    assert AppointmentRequest.objects.get().routed == "fallback"
    html = client.get(f"{URL}thank-you/").content.decode()
    assert "intake team will call you" in html
    assert "(800) 555-0100" in html
    assert "Round Rock" not in html


def test_a_spanish_request_is_stored_in_spanish_for_the_same_centre(
    client, appointment_page_es, centres_es, centres
):
    response = client.post(URL_ES, form_data())
    assert response["Location"] == f"{URL_ES}gracias/"
    stored = AppointmentRequest.objects.get()
    assert (stored.centre, stored.language) == (centres["round_rock"], "es")
    assert stored.consent_text == "Acepto que me llamen sobre mi solicitud."
    html = client.get(response["Location"]).content.decode()
    assert "Round Rock (es)" in html


def test_a_spanish_page_id_is_stored_as_the_english_centre(
    client, appointment_page_es, centres_es, centres
):
    client.post(URL_ES, form_data(centre=str(centres_es["round_rock"].pk)))
    stored = AppointmentRequest.objects.get()
    assert (stored.centre, stored.routed) == (centres["round_rock"], "chosen")


ERRORS = [
    # (field, posted value, English message, Spanish message)
    ("first_name", "", "Enter your first name.", "Escriba su nombre."),
    ("last_name", "", "Enter your last name.", "Escriba su apellido."),
    ("phone", "", "Enter a phone number we can call you on.", "Escriba un teléfono"),
    (
        "phone",
        "(512) 123-4567",
        "This phone number cannot exist.",
        "Este número de teléfono no puede existir.",
    ),
    (
        "email",
        "maria@",
        "Enter an email address like name@example.com.",
        "Escriba un correo electrónico",
    ),
    (
        "zip_code",
        "",
        "Enter your ZIP code so we can find the center nearest to you.",
        "Escriba su código postal",
    ),
    (
        "zip_code",
        "7870",
        "Enter a 5-digit ZIP code, like 78701.",
        "Escriba un código postal de 5 dígitos",
    ),
    (
        "zip_code",
        "00000",
        "We couldn't find the ZIP code 00000.",
        "No encontramos el código postal 00000.",
    ),
    ("centre", "999999", "Choose a center from the list.", "Elija un centro de la lista."),
    ("reason", "", "Choose the reason for your visit.", "Elija el motivo de su visita."),
    ("reason", "juggling", "Choose a reason from the list.", "Elija un motivo de la lista."),
    ("contact_time", "midnight", "Choose a time from the list.", "Elija un horario de la lista."),
    ("message", "x" * 1001, "Keep your message to 1000 characters at most (it has 1001).", "1001"),
    ("consent", None, "Please agree to being contacted", "Acepte que le contactemos"),
    # A posted "no" is not consent (Django's checkbox reads any value but "false" as ticked).
    ("consent", "0", "Please agree to being contacted", "Acepte que le contactemos"),
    ("consent", "off", "Please agree to being contacted", "Acepte que le contactemos"),
]


@pytest.mark.parametrize(("field", "value", "english", "spanish"), ERRORS)
def test_every_error_is_specific_linked_and_translated(
    client, appointment_page_es, centres, field, value, english, spanish
):
    for url, message in ((URL, english), (URL_ES, spanish)):
        data = form_data(**{field: value})
        response = client.post(url, data)
        html = unescape(response.content.decode())
        assert response.status_code == 200, url
        assert message in html, url
        field_id = f"id_{field}"
        # Listed in the summary with a link to the field, and tied to it for screen readers.
        assert re.search(rf'<li><a href="#{field_id}">[^<]*{re.escape(message[:20])}', html), url
        tag = re.search(rf'<(input|select|textarea)[^>]*id="{field_id}"[^>]*>', html).group(0)
        assert f"{field_id}-error" in tag and 'aria-invalid="true"' in tag, url
        # Everything else the patient typed is kept.
        if field != "first_name":
            assert 'value="Maria"' in html
        if field != "message":
            assert "My lower back hurts when I sit." in html
    assert not AppointmentRequest.objects.exists()


def test_an_expired_or_forged_token_asks_to_send_again_keeping_the_data(
    client, appointment_page, centres
):
    response = client.post(URL, form_data(form_token="forged"))
    html = response.content.decode()
    assert "This form has expired. Check your details and send it again." in html
    assert 'href="#appointment-form"' in html
    assert 'value="Maria"' in html
    assert not AppointmentRequest.objects.exists()
    fresh = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert fresh != "forged"


def test_position_without_zip_code_is_enough_for_nearest(client, appointment_page, centres):
    client.post(URL, form_data(zip_code="", latitude="30.5083", longitude="-97.6789"))
    assert AppointmentRequest.objects.get().centre == centres["round_rock"]


def test_the_form_works_without_javascript(client, appointment_page, centres):
    html = client.get(URL).content.decode()
    form = re.search(r'<form class="appointment-form".*?</form>', html, re.S).group(0)
    assert 'method="post"' in form and "<script" not in form
    assert '<button type="submit"' in form


def test_every_label_of_the_spanish_form_starts_with_a_capital(
    client, appointment_page_es, centres
):
    """Labels are headings of their fields in both languages ("ZIP code" shares its Spanish with
    the model field's name, which once made the label "código postal")."""
    html = unescape(client.get(URL_ES).content.decode())
    labels = re.findall(r"<label[^>]*>\s*([^<]+)", html)

    assert "Código postal" in [label.strip() for label in labels]
    assert [label for label in labels if not label.lstrip("¿¡")[:1].isupper()] == []
