"""The centre page: contact, hours, services, providers, call to action, JSON-LD, both languages."""

import json
import re
from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from locations.models import HoursException, LocationPage, LocationProvider, OpeningHours
from network.localization import translate
from network.models import StandardPage
from tests.factories import PersonFactory, ServiceFactory
from tests.locations.conftest import CENTRE_ES
from tests.locations.factories import (
    WEEKDAYS_9_TO_5,
    LocationPageFactory,
    set_hours,
)
from tests.locations.world import *  # noqa: F403  (this module's tests share one network)

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD in the page"
    return json.loads(match.group(1))


def test_centre_page_shows_contact_and_directions(client, centre):
    html = client.get(centre.url).text

    assert '<a href="tel:+15125550100">(512) 555-0100</a>' in html
    assert "400 Congress Avenue" in html
    assert (
        'href="https://www.google.com/maps/dir/?api=1&amp;destination='
        "Austin+Downtown%2C+400+Congress+Avenue%2C+Austin%2C+TX+78701" in html
    )
    assert "Free garage behind the building." in html
    assert "Step-free entrance on 4th Street." in html


def test_centre_page_lists_services_and_providers(client, centre):
    html = client.get(centre.url).text

    assert "Physical therapy" in html
    assert "Dana Whitfield, DPT" in html
    assert "Helps runners get back on track." in html


def test_request_an_appointment_here_preselects_the_centre(client, centre, appointment_page):
    html = client.get(centre.url).text

    assert f'href="/en/book/?location={centre.pk}"' in html


def test_no_request_button_when_the_centre_does_not_take_requests(client, centre, appointment_page):
    centre.accepts_requests = False
    centre.save_revision().publish()

    html = client.get(centre.url).text

    assert "?location=" not in html
    assert "not taking new appointment requests" in html


@time_machine.travel(
    datetime(2026, 12, 1, 16, 0, tzinfo=UTC), tick=False
)  # Tuesday, 10:00 in Austin
def test_hours_table_state_and_browser_data(client, centre):
    set_hours(
        centre,
        WEEKDAYS_9_TO_5,
        [{"start_date": date(2026, 12, 25), "closed": True, "reason": "holiday"}],
    )

    html = client.get(centre.url).text

    assert "Open now" in html
    assert re.search(r"<th scope=\"row\">Monday</th><td>9\s?a\.m\.\u20135\s?p\.m\.</td>", html)
    assert '<th scope="row">Sunday</th><td>Closed</td>' in html
    assert "Holiday" in html
    data = json.loads(
        re.search(
            r'<script id="hours-data-\d+" type="application/json">(.*?)</script>', html
        ).group(1)
    )
    assert data["timeZone"] == "America/Chicago"
    assert data["weekly"][1] == [["09:00", "17:00"]]
    assert data["exceptions"][0]["closed"] is True
    assert data["labels"] == {"open": "Open now", "closed": "Closed now"}


@time_machine.travel(datetime(2026, 12, 25, 16, 0, tzinfo=UTC), tick=False)
def test_a_holiday_shows_closed_today(client, centre):
    set_hours(
        centre,
        WEEKDAYS_9_TO_5,
        [{"start_date": date(2026, 12, 25), "closed": True, "reason": "holiday"}],
    )

    html = client.get(centre.url).text

    assert "Closed now" in html
    assert re.search(
        r"Today: <span data-hours-today>Closed</span> <span data-hours-reason>\(Holiday\)", html
    )


def test_json_ld_describes_the_clinic(client, centre):
    set_hours(
        centre,
        {0: [("08:00", "12:00"), ("13:00", "17:00")]},
        [
            {
                "start_date": date(2026, 12, 24),
                "closed": False,
                "opens": "09:00",
                "closes": "12:00",
                "reason": "special",
            },
            {"start_date": date(2026, 12, 25), "end_date": date(2026, 12, 26), "closed": True},
        ],
    )

    data = json_ld(client.get(centre.url).text)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalClinic"
    assert data["name"] == "Austin Downtown"
    assert data["url"] == "http://testserver/en/locations/austin-downtown/"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "400 Congress Avenue",
        "addressLocality": "Austin",
        "addressRegion": "TX",
        "postalCode": "78701",
        "addressCountry": "US",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 30.2707, "longitude": -97.742}
    assert data["telephone"] == "+15125550100"
    assert data["availableService"] == [{"@type": "MedicalTherapy", "name": "Physical therapy"}]
    # The providers are the network's people, described as in the articles' author data.
    assert data["employee"] == [
        {"@type": "Person", "name": "Dana Whitfield", "honorificSuffix": "DPT"}
    ]
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "08:00",
            "closes": "12:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Monday",
            "opens": "13:00",
            "closes": "17:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-24",
            "validThrough": "2026-12-24",
            "opens": "09:00",
            "closes": "12:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": "2026-12-25",
            "validThrough": "2026-12-26",
            "opens": "00:00",
            "closes": "00:00",
        },
    ]


def test_json_ld_cannot_break_out_of_its_script_element(client, centre):
    centre.title = "Austin </script><script>alert(1)</script>"
    centre.save_revision().publish()

    html = client.get(centre.url).text

    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "Austin </script><script>alert(1)</script>"


def test_spanish_centre_page_translates_text_and_keeps_synchronised_data(client, centre, centre_es):
    response = client.get("/es/centros/austin-centro/")
    html = response.text

    assert response.status_code == 200
    assert '<html lang="es"' in html
    assert "Austin Centro" in html
    assert "Estacionamiento gratuito detrás del edificio." in html
    assert "Fisioterapia" in html and "Physical therapy" not in html
    assert "Ayuda a los corredores a volver a correr." in html
    assert '<a href="tel:+15125550100">(512) 555-0100</a>' in html
    assert '<th scope="row">Lunes</th>' in html  # Django's own Spanish weekday names
    assert json_ld(html)["availableService"] == [
        {"@type": "MedicalTherapy", "name": "Fisioterapia"}
    ]
    assert [h.weekday for h in centre_es.opening_hours.all()] == [0, 1, 2, 3, 4]


def test_translation_keeps_coordinates_phone_hours_and_services_synchronised(centre, centre_es):
    for field in (
        "latitude",
        "longitude",
        "phone",
        "intake_emails",
        "time_zone",
        "accepts_requests",
    ):
        assert getattr(centre_es, field) == getattr(centre, field)
    assert centre_es.schedule.weekly == centre.schedule.weekly
    assert [s.slug for s in centre_es.services.all()] == ["physical-therapy"]


def test_editors_may_add_content_pages_under_a_centre(centre):
    assert StandardPage in LocationPage.allowed_subpage_models()
    assert StandardPage.can_create_at(centre)


def test_content_pages_under_a_centre_are_linked_from_it(client, centre):
    centre.add_child(instance=StandardPage(title="Directions and parking", slug="directions"))

    html = client.get(centre.url).text

    assert 'href="/en/locations/austin-downtown/directions/"' in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_centre_page_renders_in_twelve_queries_whatever_it_holds(
    client, centre, centre_es, language, django_assert_max_num_queries
):
    """Services, providers, specialties and hours never add a query; the site chrome comes from
    its cache (network.chrome)."""
    url = centre.url if language == "en" else centre_es.url
    client.get(url)  # creates the site's settings row once
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    budget = len(small)  # now: the connection keeps a bounded log
    services = [ServiceFactory() for _ in range(8)]
    centre.services.add(*services)
    for _ in range(6):
        provider = PersonFactory()
        provider.specialties.set(services[:3])
        provider.save()
        centre.provider_links.add(LocationProvider(provider=provider))
    centre.save_revision().publish()
    set_hours(
        centre,
        {day: [("08:00", "12:00"), ("13:00", "18:00")] for day in range(6)},
        [{"start_date": date(2026, 12, d), "closed": True} for d in range(20, 31)],
    )
    if language == "es":
        translate(centre, "es", CENTRE_ES)

    client.get(url)
    with django_assert_max_num_queries(budget):
        response = client.get(url)

    assert response.text.count('class="card provider"') == 7
    assert budget <= 12  # the whole page, site chrome included


# --- Validation ---


def test_intake_emails_must_each_be_valid(centre):
    centre.intake_emails = "front@example.org, not-an-email, ok@example.org"

    with pytest.raises(ValidationError) as error:
        centre.full_clean()

    assert "Not a valid email address: not-an-email" in str(
        error.value.message_dict["intake_emails"]
    )
    centre.intake_emails = "front@example.org; back@example.org"
    centre.full_clean()
    assert centre.intake_email_list == ["front@example.org", "back@example.org"]


def test_time_zone_must_be_a_known_us_zone(centre):
    centre.time_zone = "Europe/Atlantis"

    with pytest.raises(ValidationError) as error:
        centre.full_clean()

    assert "time_zone" in error.value.message_dict


@pytest.mark.parametrize(("field", "value"), [("latitude", "91"), ("longitude", "-180.5")])
def test_coordinates_are_range_checked(centre, field, value):
    setattr(centre, field, value)

    with pytest.raises(ValidationError) as error:
        centre.full_clean()

    assert field in error.value.message_dict


def test_missing_coordinates_are_filled_from_the_address(location_index):
    page = LocationPageFactory.build(
        title="Tucson",
        street_address="1 Main Street",
        city="Tucson",
        state="AZ",
        zip_code="85701",
        latitude=None,
        longitude=None,
        time_zone="America/Phoenix",
    )
    location_index.add_child(instance=page)

    page.refresh_from_db()
    assert 32.1 < float(page.latitude) < 32.3
    assert -111.1 < float(page.longitude) < -110.8


def test_an_address_we_cannot_place_asks_for_coordinates(location_index):
    page = LocationPageFactory.build(
        title="Nowhere", city="Nowhere", state="TX", zip_code="00000", latitude=None, longitude=None
    )
    page.path, page.depth = "00010001999", 4  # validate without saving

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "enter the latitude and longitude yourself" in str(error.value.message_dict["latitude"])


def test_both_coordinates_or_neither(centre):
    centre.longitude = None

    with pytest.raises(ValidationError) as error:
        centre.full_clean()

    assert "Give both latitude and longitude" in str(error.value.message_dict["longitude"])


def test_special_hours_need_times_and_a_sensible_date_range(centre):
    exception = HoursException(
        page=centre, start_date=date(2026, 12, 24), end_date=date(2026, 12, 20), closed=False
    )

    with pytest.raises(ValidationError) as error:
        exception.full_clean()

    assert set(error.value.message_dict) == {"end_date", "opens"}


def test_publishing_a_centre_updates_its_translations_synchronised_data(client, centre, centre_es):
    centre.phone = "+15125550199"
    centre.opening_hours = [OpeningHours(weekday=5, opens=time(9), closes=time(13))]
    centre.save_revision().publish()

    spanish = LocationPage.objects.get(pk=centre_es.pk)
    html = client.get("/es/centros/austin-centro/").text

    assert spanish.phone.as_e164 == "+15125550199"
    assert [(h.weekday, str(h.opens)) for h in spanish.opening_hours.all()] == [(5, "09:00:00")]
    assert "(512) 555-0199" in html
    assert "Estacionamiento gratuito detrás del edificio." in html  # the translation is kept


# --- The admin form ---


def centre_form_data(**overrides) -> dict:
    data = {
        "title": "El Paso Central",
        "slug": "el-paso-central",
        "street_address": "100 North Oregon Street",
        "city": "El Paso",
        "state": "TX",
        "zip_code": "79901",
        "country": "US",
        "latitude": "",
        "longitude": "",
        "phone": "915-555-0100",
        "intake_emails": "elpaso@example.org",
        "time_zone": "America/Denver",
        "accepts_requests": "on",
        "body": streamfield([]),
        "opening_hours": inline_formset([{"weekday": "0", "opens": "08:00", "closes": "17:00"}]),
        "hours_exceptions": inline_formset([]),
        "provider_links": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_creates_a_centre_and_the_coordinates_are_filled_in(admin_client, location_index):
    url = f"/admin/pages/add/locations/locationpage/{location_index.pk}/"

    response = admin_client.post(url, centre_form_data(action_publish="action-publish"))

    assert response.status_code == 302
    centre = LocationPage.objects.get(slug="el-paso-central")
    assert 31.6 < float(centre.latitude) < 31.9
    assert centre.phone.as_e164 == "+19155550100"
    assert [(h.weekday, h.opens) for h in centre.opening_hours.all()] == [(0, time(8))]


def test_the_admin_form_explains_an_address_it_cannot_place(admin_client, location_index):
    url = f"/admin/pages/add/locations/locationpage/{location_index.pk}/"

    response = admin_client.post(url, centre_form_data(zip_code="00000", city="Nowhere"))

    assert response.status_code == 200
    assert "enter the latitude and longitude yourself" in response.text
    assert not LocationPage.objects.filter(slug="el-paso-central").exists()


@pytest.mark.parametrize(
    ("zip_code", "message"),
    [
        ("7520", "Enter a ZIP code of 5 digits"),
        ("10001", "ZIP code 10001 is in NY, not TX."),
        ("09001", "military (APO/FPO) ZIP code"),
    ],
)
def test_the_admin_form_refuses_a_zip_code_the_center_cannot_have(
    admin_client, location_index, zip_code, message
):
    url = f"/admin/pages/add/locations/locationpage/{location_index.pk}/"

    response = admin_client.post(url, centre_form_data(zip_code=zip_code))

    assert response.status_code == 200
    assert message in response.text
    assert not LocationPage.objects.filter(slug="el-paso-central").exists()
