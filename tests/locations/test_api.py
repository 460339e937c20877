"""GET /api/locations/nearest/: answers, filters, limits, 400 errors and the rate limit."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation
from wagtail.models import Site

from network.models import NetworkSettings
from tests.factories import ServiceFactory
from tests.locations.factories import LocationPageFactory

URL = "/api/locations/nearest/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()  # rate-limit counters live in the cache
    yield
    cache.clear()


@pytest.fixture
def centres(location_index):
    physio = ServiceFactory(slug="physical-therapy", name="Physical therapy")
    injections = ServiceFactory(slug="epidural-injection", name="Epidural injection")
    downtown = LocationPageFactory(
        parent=location_index,
        title="Austin Downtown",
        slug="austin-downtown",
        latitude="30.270700",
        longitude="-97.742000",
        phone="+15125550100",
    )
    downtown.services.set([physio, injections])
    downtown.save()
    north = LocationPageFactory(
        parent=location_index,
        title="Austin North",
        slug="austin-north",
        latitude="30.400000",
        longitude="-97.720000",
        phone="(512) 555-0101",
        accepts_requests=False,
    )
    north.services.set([injections])
    north.save()
    dallas = LocationPageFactory(
        parent=location_index,
        title="Dallas",
        slug="dallas",
        city="Dallas",
        zip_code="75201",
        latitude="32.787800",
        longitude="-96.798700",
    )
    return {"downtown": downtown, "north": north, "dallas": dallas}


def names(response) -> list[str]:
    return [result["name"] for result in response.json()["results"]]


def test_zip_code(client, centres):
    response = client.get(URL, {"q": "78701"})
    assert response.status_code == 200
    body = response.json()
    assert body["origin"] == {
        "latitude": 30.2713,
        "longitude": -97.7426,
        "label": "Austin, TX 78701",
    }
    assert names(response) == ["Austin Downtown", "Austin North"]  # Dallas is beyond 50 miles
    first = body["results"][0]
    assert first == {
        "id": centres["downtown"].pk,
        "name": "Austin Downtown",
        "url": "http://testserver/en/locations/austin-downtown/",
        "distance_miles": 0.1,
        "distance_km": 0.1,
        "latitude": 30.2707,
        "longitude": -97.742,
        "phone": "+15125550100",
        "accepts_requests": True,
        "services": ["epidural-injection", "physical-therapy"],
    }
    assert body["results"][1]["phone"] == "+15125550101"
    assert body["results"][1]["accepts_requests"] is False


def test_city_and_state(client, centres):
    response = client.get(URL, {"q": "dallas tx"})
    assert response.status_code == 200
    assert response.json()["origin"]["label"] == "Dallas, TX"
    assert names(response) == ["Dallas"]


def test_coordinates_and_radius(client, centres):
    response = client.get(URL, {"lat": "30.27", "lon": "-97.74", "radius": "500"})
    assert response.status_code == 200
    assert names(response) == ["Austin Downtown", "Austin North", "Dallas"]
    distances = [result["distance_miles"] for result in response.json()["results"]]
    assert distances == sorted(distances)
    assert distances[2] == pytest.approx(182.6, abs=0.5)


def test_default_radius_comes_from_network_settings(client, centres):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.routing_radius_miles = 500
    settings.save()
    assert names(client.get(URL, {"q": "78701"})) == ["Austin Downtown", "Austin North", "Dallas"]


def test_service_filter_and_limit(client, centres):
    assert names(client.get(URL, {"q": "78701", "service": "physical-therapy"})) == [
        "Austin Downtown"
    ]
    assert names(client.get(URL, {"q": "78701", "limit": "1"})) == ["Austin Downtown"]


def test_empty_results(client, centres):
    response = client.get(URL, {"q": "99501"})  # Anchorage
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Enter a ZIP code or a city and state in q, or coordinates in lat and lon."),
        ({"q": "   "}, "Enter a ZIP code or a city and state in q, or coordinates in lat and lon."),
        ({"q": "00000"}, "We couldn't find the ZIP code 00000."),
        ({"q": "???"}, "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
        ({"lat": "91", "lon": "0"}, "lat must be a number between -90 and 90."),
        ({"lat": "north", "lon": "0"}, "lat must be a number between -90 and 90."),
        ({"lat": "30"}, "Give both lat and lon."),
        ({"lat": "30", "lon": "-200"}, "lon must be a number between -180 and 180."),
        ({"q": "78701", "radius": "far"}, "radius must be a number of miles."),
        ({"q": "78701", "radius": "-1"}, "radius must be a number of miles."),
        ({"q": "78701", "limit": "ten"}, "limit must be a whole number from 1 to 50."),
        ({"q": "78701", "limit": "51"}, "limit must be a whole number from 1 to 50."),
        ({"q": "78701", "limit": "0"}, "limit must be a whole number from 1 to 50."),
        ({"q": "78701", "service": "no-such-service"}, "There is no such service."),
        ({"q": "78701", "service": "not a slug!"}, "There is no such service."),
    ],
)
def test_bad_input_is_a_400_with_a_message(client, centres, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": message}


def test_only_get(client, centres):
    assert client.post(URL, {"q": "78701"}).status_code == 405


@override_settings(LOCATIONS_API_RATELIMIT="2/m")
def test_rate_limit_per_ip(client, centres):
    assert client.get(URL, {"q": "78701"}).status_code == 200
    assert client.get(URL, {"q": "78701"}).status_code == 200
    limited = client.get(URL, {"q": "78701"})
    assert limited.status_code == 429
    assert limited.json() == {"error": "Too many searches. Please wait a minute and try again."}
    # Another address has its own allowance.
    assert client.get(URL, {"q": "78701"}, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_errors_follow_the_visitors_language(client, centres):
    # LocaleMiddleware leaves Spanish active in this thread: restore the language afterwards.
    with translation.override("en"):
        response = client.get(URL, {"q": "00000"}, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 400
        assert response.json() == {"error": "No encontramos el código postal 00000."}
        response = client.get(URL, {"q": "78701", "limit": "0"}, HTTP_ACCEPT_LANGUAGE="es")
        assert response.json() == {"error": "limit debe ser un número entero del 1 al 50."}
