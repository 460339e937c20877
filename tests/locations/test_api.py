"""GET /api/locations/nearest/: answers, filters, limits, 400 errors and the rate limit."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import translation
from wagtail.models import Site

from locations.models import LocationPage
from network.models import NetworkSettings
from tests.conftest import shared
from tests.factories import ServiceFactory, make_home, make_locales
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

URL = "/api/locations/nearest/"
LAT_ERROR = "The latitude (lat) must be a number between -90 and 90."
LON_ERROR = "The longitude (lon) must be a number between -180 and 180."
RADIUS_ERROR = "radius must be a number of miles from 0 to 12,500."


def make_centres(location_index) -> dict[str, LocationPage]:
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


@pytest.fixture(scope="module")
def world(module_transaction) -> SimpleNamespace:
    """Three centres made once for the module's tests (tests/conftest.py, `shared`)."""
    world = SimpleNamespace(locales=make_locales())
    world.home = make_home(world.locales)
    world.location_index = LocationIndexPageFactory(parent=world.home)
    world.centres = make_centres(world.location_index)
    return world


locales = shared("locales")
home = shared("home")
location_index = shared("location_index")
centres = shared("centres")


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
        ({"lat": "91", "lon": "0"}, LAT_ERROR),
        ({"lat": "north", "lon": "0"}, LAT_ERROR),
        ({"lat": "nan", "lon": "0"}, LAT_ERROR),
        ({"lat": "30", "lon": "inf"}, LON_ERROR),
        ({"lat": "30"}, "Give both the latitude (lat) and the longitude (lon)."),
        ({"lat": "30", "lon": "-200"}, LON_ERROR),
        ({"q": "78701", "radius": "far"}, RADIUS_ERROR),
        ({"q": "78701", "radius": "-1"}, RADIUS_ERROR),
        ({"q": "78701", "radius": "12501"}, RADIUS_ERROR),
        ({"q": "78701", "radius": "nan"}, RADIUS_ERROR),
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


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_answer_json_405_with_allow(centres, method):
    client = Client(enforce_csrf_checks=True)  # as a browser or script would meet it

    response = getattr(client, method)(URL, {"q": "78701"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "This address only answers GET requests."}


def test_head_is_answered_like_get(client, centres):
    get = client.get(URL, {"q": "78701"})
    head = client.head(URL, {"q": "78701"})

    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == "application/json"
    assert head["Content-Length"] == get["Content-Length"]


@pytest.mark.parametrize("path", ["/api/", "/api/locations/", "/api/locations/nearest", "/api/x/y"])
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_paths_under_api_answer_json_404(centres, path, method):
    response = getattr(Client(enforce_csrf_checks=True), method)(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": "There is nothing at this address."}


def test_a_server_error_under_api_answers_json(centres, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr("locations.api.nearest_centres", broken)
    client = Client(raise_request_exception=False)

    response = client.get(URL, {"q": "78701"})

    assert response.status_code == 500
    assert response.json() == {"error": "Something went wrong on our side. Please try again later."}


@pytest.mark.parametrize(
    "params", [{"q": "78701"}, {"q": "00000"}, {"lat": "30.27", "lon": "-97.74"}]
)
def test_answers_about_a_place_are_never_stored(client, centres, params):
    response = client.get(URL, params)

    assert response["Cache-Control"] == "private, no-store"


def test_coordinates_are_rounded_to_two_decimals(client, centres):
    response = client.get(URL, {"lat": "30.271234", "lon": "-97.742678"})

    assert response.json()["origin"] == {
        "latitude": 30.27,
        "longitude": -97.74,
        "label": "Your location",
    }


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\uff17\uff18\uff17\uff10\uff11"},  # full-width
        {"q": "\u0667\u0668\u0667\u0660\u0661"},  # Arabic-Indic
        {"q": "\u096d\u096e\u096d\u0966\u0967"},  # Devanagari
        {"lat": "\uff13\uff10\uff0e\uff12\uff17", "lon": "\uff0d\uff19\uff17\uff0e\uff17\uff14"},
    ],
)
def test_unicode_digits_mean_the_same_as_ascii_digits(client, centres, params):
    response = client.get(URL, {**params, "limit": "\uff11"})

    assert response.status_code == 200, response.json()
    assert names(response) == ["Austin Downtown"]


def test_service_slugs_match_whatever_their_case(client, centres):
    response = client.get(URL, {"q": "78701", "service": "Physical-THERAPY"})

    assert names(response) == ["Austin Downtown"]


@pytest.mark.usefixtures("frozen_clock")
@override_settings(LOCATIONS_SEARCH_RATELIMIT="2/m")
def test_rate_limit_per_ip(client, centres):
    assert client.get(URL, {"q": "78701"}).status_code == 200
    assert client.get(URL, {"q": "78701"}).status_code == 200
    limited = client.get(URL, {"q": "78701"})
    assert limited.status_code == 429
    assert limited.json() == {"error": "Too many searches. Please wait a minute and try again."}
    assert 0 < int(limited["Retry-After"]) <= 60
    # Another address has its own allowance.
    assert client.get(URL, {"q": "78701"}, REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.usefixtures("frozen_clock")
@override_settings(LOCATIONS_SEARCH_RATELIMIT="2/m")
def test_refusals_are_logged_once_per_address_and_window(client, centres, caplog):
    for _ in range(10):
        client.get(URL, {"q": "78701"})
        client.get("/en/locations/", {"q": "78701"})  # the finder shares the budget
    for _ in range(3):
        client.get(URL, {"q": "78701"}, REMOTE_ADDR="10.0.0.2")

    refusals = [r for r in caplog.records if r.levelname == "WARNING"]
    assert [r.name for r in refusals] == ["locations.throttle", "locations.throttle"]
    assert "Centre searches refused for client" in refusals[0].getMessage()
    assert not any("127.0.0.1" in r.getMessage() or "10.0.0.2" in r.getMessage() for r in refusals)


@pytest.mark.usefixtures("frozen_clock")
@override_settings(LOCATIONS_SEARCH_RATELIMIT="2/m")
def test_page_cache_churn_cannot_reset_a_limit(client, centres):
    for _ in range(3):
        client.get(URL, {"q": "78701"})
    # Far more entries than the page cache holds (300 by default): it culls, the counters stay.
    for n in range(1_000):
        cache.set(f"page-{n}", "x" * 100)
    for n in range(50):
        client.get("/robots.txt", {"cb": n})

    assert client.get(URL, {"q": "78701"}).status_code == 429


def test_errors_follow_the_visitors_language(client, centres):
    # LocaleMiddleware leaves Spanish active in this thread: restore the language afterwards.
    with translation.override("en"):
        response = client.get(URL, {"q": "00000"}, HTTP_ACCEPT_LANGUAGE="es")
        assert response.status_code == 400
        assert response.json() == {"error": "No encontramos el código postal 00000."}
        response = client.get(URL, {"q": "78701", "limit": "0"}, HTTP_ACCEPT_LANGUAGE="es")
        assert response.json() == {"error": "limit debe ser un número entero del 1 al 50."}


@pytest.mark.parametrize(
    "forwarded", ["203.0.113.5, 10.0.0.1", "203.0.113.5:443", "garbage", None, "", "\x00, ::1"]
)
@override_settings(TRUSTED_PROXY_HOPS=1)
def test_any_forwarded_header_gets_a_json_answer_behind_a_proxy(client, centres, forwarded):
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}

    response = client.get(URL, {"q": "78701"}, **headers)

    assert response.status_code == 200
    assert names(response) == ["Austin Downtown", "Austin North"]


@pytest.mark.usefixtures("frozen_clock")
@override_settings(TRUSTED_PROXY_HOPS=1, LOCATIONS_SEARCH_RATELIMIT="2/m")
def test_spoofed_forwarded_addresses_do_not_reset_a_limit(client, centres):
    def search(forwarded):
        return client.get(URL, {"q": "78701"}, HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The proxy appends the address it saw (203.0.113.5); what the client put before it varies.
    assert [search(f"198.51.100.{n}, 203.0.113.5") for n in range(4)] == [200, 200, 429, 429]
    # Another visitor behind the same proxy has their own allowance.
    assert search("203.0.113.5, 203.0.113.77") == 200


def test_radius_message_names_the_range_in_spanish(client, centres):
    with translation.override("en"):
        response = client.get(URL, {"q": "78701", "radius": "-5"}, HTTP_ACCEPT_LANGUAGE="es")

    assert response.json() == {"error": "radius debe ser un número de millas entre 0 y 12\xa0500."}
