"""Geocoding: offline ZIP and city lookups, clear errors, and the optional online geocoder (a double)."""

import hashlib
import hmac
import logging
import socket

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone
from geopy.exc import GeocoderTimedOut
from geopy.location import Location

from locations.geocoding import GeocodingError, Place, geocode, geocode_address
from locations.models import GeocodeCache

pytestmark = pytest.mark.django_db


class FakeGeocoder:
    """Stands in for a geopy geocoder: records queries, answers from `answers`, or times out."""

    calls: list[str] = []
    answers: dict[str, tuple[float, float, str]] = {}
    fail = False

    def __init__(self, timeout=None, **options):
        self.timeout = timeout
        self.options = options

    def geocode(self, query, **kwargs):
        FakeGeocoder.calls.append(query)
        if FakeGeocoder.fail:
            raise GeocoderTimedOut(f"Service timed out for {query}")
        answer = FakeGeocoder.answers.get(query)
        if answer is None:
            return None
        latitude, longitude, address = answer
        return Location(address, (latitude, longitude), {})


@pytest.fixture
def online():
    FakeGeocoder.calls = []
    FakeGeocoder.answers = {
        "1 Congress Ave, Austin, TX 78701": (30.2642, -97.7449, "1 Congress Ave, Austin, Texas"),
        "Zilker Park": (30.2669, -97.7729, "Zilker Park, Austin, Texas"),
    }
    FakeGeocoder.fail = False
    with override_settings(GEOCODER={"provider": FakeGeocoder, "timeout": 2}):
        yield FakeGeocoder


@pytest.mark.parametrize("query", ["78701", "78701-1234", " 78701 ", "787011234"])
def test_zip_codes(query):
    assert geocode(query) == Place(30.2713, -97.7426, "Austin, TX 78701")


@pytest.mark.parametrize(
    "query", ["Austin, TX", "austin tx", "AUSTIN,TX", "Austin, Texas", "  austin ,  tx. "]
)
def test_city_and_state(query):
    place = geocode(query)
    assert place.label == "Austin, TX"
    # The average of Austin's ZIP centroids: downtown-ish, not another Austin.
    assert place.latitude == pytest.approx(30.31, abs=0.05)
    assert place.longitude == pytest.approx(-97.76, abs=0.05)


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("San Antonio TX", "San Antonio, TX"),
        ("New York New York", "New York, NY"),
        ("st. louis, mo", "Saint Louis, MO"),
        ("Ft Worth TX", "Fort Worth, TX"),
        ("St. Thomas, VI", "St Thomas, VI"),  # the data keeps a few names abbreviated
        ("Austin, TX 78702", "Austin, TX 78702"),
    ],
)
def test_multi_word_names_abbreviations_and_trailing_zip(query, label):
    assert geocode(query).label == label


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
        ("   ", "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
        ("00000", "We couldn't find the ZIP code 00000."),
        ("1234", "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
        ("!!!", "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
        ("Austin", "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
        ("Atlantis, TX", "We couldn't find Atlantis, TX. Check the spelling or enter a ZIP code."),
    ],
)
def test_errors_are_clear(query, message):
    with pytest.raises(GeocodingError) as error:
        geocode(query)
    assert str(error.value) == message
    assert isinstance(error.value, ValueError)


def test_no_network_call_by_default(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(GeocodingError):
        geocode("1600 Pennsylvania Avenue NW, Washington")
    assert geocode_address("1 Congress Ave", "Austin", "TX", "78701").label == "Austin, TX 78701"
    assert attempts == []
    assert not GeocodeCache.objects.exists()


def test_offline_answers_come_first_even_with_an_online_geocoder(online):
    assert geocode("78701").label == "Austin, TX 78701"
    assert geocode("Austin, TX").label == "Austin, TX"
    assert online.calls == []


def test_online_geocoder_places_other_text_and_caches_it(online):
    place = geocode("Zilker Park")
    # Rounded to about 1 km and named after the nearest ZIP code, like every patient's point.
    assert place == Place(30.27, -97.77, "Austin, TX 78703")
    assert geocode("  zilker   park ") == place  # same text, normalised: answered from the cache
    assert online.calls == ["Zilker Park"]
    cached = GeocodeCache.objects.get()
    assert "zilker" not in cached.query.lower()  # only an HMAC of what was typed is stored


def test_the_cache_keeps_no_street_and_an_hmac_under_the_secret_key(online):
    online.answers["1600 Congress Ave, Austin"] = (
        30.274665,
        -97.740352,
        "1600 Congress Ave, Austin, TX 78701",
    )

    place = geocode("1600 Congress Ave, Austin")

    cached = GeocodeCache.objects.get()
    assert (cached.latitude, cached.longitude) == (30.27, -97.74)
    assert cached.label == place.label == "Austin, TX 78701"
    assert "congress" not in " ".join(str(value).lower() for value in vars(cached).values())
    typed = b"1600 congress ave, austin"
    assert cached.query != hashlib.sha256(typed).hexdigest()  # a list of addresses cannot match it
    assert (
        cached.query
        == hmac.new(
            hashlib.sha256(
                b"locations.geocoding.GeocodeCache" + settings.SECRET_KEY.encode()
            ).digest(),
            typed,
            hashlib.sha256,
        ).hexdigest()
    )
    with override_settings(SECRET_KEY="another-secret-key-" * 3):
        geocode("1600 Congress Ave, Austin")
    assert GeocodeCache.objects.count() == 2  # another key, another HMAC


def test_cached_answers_expire_and_are_deleted(online):
    online.answers["1600 Congress Ave"] = (30.2747, -97.7404, "1600 Congress Ave, Austin, TX")
    with time_machine.travel("2026-03-01 12:00Z", tick=False):
        geocode("Zilker Park")
    with time_machine.travel("2026-03-31 11:00Z", tick=False):
        geocode("Zilker Park")
    assert online.calls == ["Zilker Park"]  # still fresh after 29 days
    with time_machine.travel("2026-04-01 12:00Z", tick=False):
        geocode("1600 Congress Ave")  # a new answer is written: the expired one goes
        assert not GeocodeCache.objects.filter(expires_at__lte=timezone.now()).exists()
        geocode("Zilker Park")
    assert online.calls == ["Zilker Park", "1600 Congress Ave", "Zilker Park"]


def test_a_point_far_from_any_zip_code_gets_a_neutral_label(online):
    online.answers["London"] = (51.5072, -0.1276, "London, England")

    place = geocode("London")

    assert place == Place(51.51, -0.13, "the place you entered")
    assert GeocodeCache.objects.get().label == ""


def test_online_no_match_is_a_clear_error_and_is_cached(online):
    for _ in range(2):
        with pytest.raises(GeocodingError, match="We couldn't find that place"):
            geocode("Nowhere Land")
    assert online.calls == ["Nowhere Land"]


def test_online_timeout_falls_back_with_a_message_and_no_query_in_logs(online, caplog):
    online.fail = True
    with caplog.at_level(logging.WARNING, logger="locations.geocoding"):
        with pytest.raises(GeocodingError, match="We can't look up places right now"):
            geocode("Zilker Park")
        # A centre's address falls back to its ZIP centroid.
        place = geocode_address("1 Congress Ave", "Austin", "TX", "78701")
    assert place.label == "Austin, TX 78701"
    assert "GeocoderTimedOut" in caplog.text
    assert "Zilker" not in caplog.text and "Congress" not in caplog.text
    assert not GeocodeCache.objects.exists()  # failures are not cached


def test_geocode_address_uses_the_online_geocoder_for_the_full_address(online):
    place = geocode_address("1 Congress Ave", "Austin", "TX", "78701")
    assert place == Place(30.2642, -97.7449, "1 Congress Ave, Austin, Texas")  # exact: a centre
    assert online.calls == ["1 Congress Ave, Austin, TX 78701"]
    assert not GeocodeCache.objects.exists()  # the page keeps its coordinates


def test_geocode_address_offline_fallbacks():
    assert geocode_address("1 Main St", "Austin", "TX", "78701-2200").label == "Austin, TX 78701"
    assert geocode_address("1 Main St", "Dallas", "TX", "").label == "Dallas, TX"
    assert geocode_address("1 Main St", "Dallas", "TX", "00000").label == "Dallas, TX"
    assert geocode_address("", "Atlantis", "TX", "00000") is None
    assert geocode_address("", "", "", "") is None
    assert geocode_address("x", "y", "not a state", "garbage") is None


def test_city_lookup_is_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        geocode("Austin, TX")
    with django_assert_num_queries(1):
        geocode("78701")
