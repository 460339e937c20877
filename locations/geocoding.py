"""Turn what a patient types ("78701", "Austin, TX") or a centre's address into coordinates.

Offline first: US ZIP centroids live in the `ZipCentroid` table (loaded by a migration), so a lookup
is one indexed query and costs a web worker no memory, and the site never calls out to the internet
unless the network configures an online geocoder:

    GEOCODER = {
        "provider": "nominatim",          # a geopy service name, or a dotted path to a geopy class
        "timeout": 3,                     # seconds
        "options": {"user_agent": "..."},  # passed to the geopy geocoder's constructor
        "geocode_options": {"country_codes": "us"},  # passed to each geocode() call
        "cache_days": 30,                 # how long an online answer to a patient is kept
    }

What patients type (normalized by `network.text.normalize_input`) may be a home address, so the
online geocoder's answers to them are cached in `GeocodeCache` under an HMAC of the text keyed by
the site's SECRET_KEY, with only the point rounded to two decimals (about 1 km) and the nearest ZIP
code's name ("Austin, TX 78701"), never the street the geocoder resolved; entries expire after
`cache_days` and are deleted as new ones are written. The same text therefore goes out at most once
per period. A centre's own address is geocoded exactly and not cached (the page keeps its
coordinates). Nothing a patient types is logged.
"""

from __future__ import annotations

import functools
import logging
import math
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Max, Q
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.module_loading import import_string
from django.utils.translation import gettext
from geopy.exc import GeopyError
from geopy.geocoders import get_geocoder_for_service

from network.text import normalize_input

from .geodata import GeocodeCache, ZipCentroid
from .states import US_STATES
from .zip_codes import MILITARY_STATES

logger = logging.getLogger(__name__)

# Patients' coordinates are kept to two decimals (about 1 km): enough to find the nearest centers.
COORDINATE_DECIMALS = 2
DEFAULT_CACHE_DAYS = 30
_CACHE_SALT = "locations.geocoding.GeocodeCache"
_AREA_LABEL_DEGREES = 0.5  # how far (about 55 km) to look for the ZIP code that names a point

__all__ = ["GeocodingError", "Place", "geocode", "geocode_address", "round_coordinate"]


class GeocodingError(ValueError):
    """Input we cannot place. `str(error)` is a translated message meant for the patient."""


@dataclass(frozen=True)
class Place:
    """A point and a human label for it ("Austin, TX 78701")."""

    latitude: float
    longitude: float
    label: str


_ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
_TRAILING_ZIP_RE = re.compile(r"\s+(\d{5})(?:-?\d{4})?$")
# Abbreviations patients type; the GeoNames data spells them out ("Saint Louis", "Fort Worth").
_CITY_ABBREVIATIONS = (
    (re.compile(r"^st\.?\s+", re.IGNORECASE), "Saint "),
    (re.compile(r"^ste\.?\s+", re.IGNORECASE), "Sainte "),
    (re.compile(r"^ft\.?\s+", re.IGNORECASE), "Fort "),
    (re.compile(r"^mt\.?\s+", re.IGNORECASE), "Mount "),
)


_ABBREVIATION_DOT = re.compile(r"^(st|ste|ft|mt)\.\s*", re.IGNORECASE)


def round_coordinate(value: float) -> float:
    """A patient's latitude or longitude, as precise as finding a center needs and no more."""
    return round(value, COORDINATE_DECIMALS)


def _format_hint() -> str:
    return gettext("Enter a 5-digit ZIP code or a city and state, like Austin, TX.")


# Kept in each process: the table is reference data that only a migration writes (a deploy, which
# restarts the processes), and patients come from a few hundred ZIP codes around the centers. A
# place is immutable. Each lookup kept saves a POST or a finder search a query.
@functools.lru_cache(maxsize=4096)
def _zip_place(zip_code: str) -> Place | None:
    """The centroid of a 5-digit ZIP code: one primary-key lookup. Military ZIP codes (APO/FPO)
    have no place: the table holds them at (0, 0), off the coast of Africa."""
    row = (
        ZipCentroid.objects.filter(pk=zip_code)
        .exclude(state__in=MILITARY_STATES)
        .values_list("latitude", "longitude", "city", "state")
        .first()
    )
    if row is None:
        return None
    latitude, longitude, city, state = row
    return Place(latitude, longitude, f"{city}, {state} {zip_code}")


@functools.cache
def _state_names(language: str) -> dict[str, str]:
    """State names in English and in `language` ("texas", "nueva york") mapped to their codes."""
    names = {}
    for code in ("en", language):
        with translation.override(code):
            names.update({str(name).lower(): state for state, name in US_STATES})
    return names


def _state_code(text: str) -> str | None:
    """ "TX", "tx", "Texas" -> "TX". Any two letters pass: the centroid table has the territories
    too, and an unknown code simply finds no city."""
    text = " ".join(text.replace(".", " ").split()).lower()
    if len(text) == 2 and text.isalpha():
        return text.upper()
    return _state_names(translation.get_language() or "en").get(text)


def _split_city_state(text: str) -> tuple[str, str, str | None] | None:
    """("Austin", "TX", None) from "Austin, TX", "austin tx", "Austin, Texas 78701"; None otherwise.

    Done by hand rather than with one regex so multi-word cities and states ("San Antonio TX",
    "New York New York") split at the right word.
    """
    zip_code = None
    trailing = _TRAILING_ZIP_RE.search(text)
    if trailing:
        zip_code = trailing.group(1)
        text = text[: trailing.start()]
    if "," in text:
        city, state = text.rsplit(",", 1)
        code = _state_code(state)
        return (city, code, zip_code) if code and city.strip(" ,") else None
    words = text.split()
    for size in (3, 2, 1):
        if len(words) > size:
            code = _state_code(" ".join(words[-size:]))
            if code:
                return " ".join(words[:-size]), code, zip_code
    return None


def _city_place(city: str, state: str) -> Place | None:
    """The centre of a city: the average of its ZIP centroids, in one query on the (state, city) index.

    Averaging is good enough for "nearest centre" and keeps the data a plain ZIP table; cities span
    a few miles, and the finder shows distances rounded to 0.1 mile anyway.
    """
    typed = normalize_input(city).strip(" ,.")
    spelled_out = typed
    for pattern, replacement in _CITY_ABBREVIATIONS:
        spelled_out = pattern.sub(replacement, spelled_out)
    # The data spells most names out ("Saint Louis") but keeps a few abbreviated ("St Thomas").
    names = Q(city__iexact=spelled_out)
    if spelled_out != typed:
        names |= Q(city__iexact=_ABBREVIATION_DOT.sub(r"\1 ", typed))
    answer = ZipCentroid.objects.filter(names, state=state).aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude"), count=Count("pk"), name=Max("city")
    )
    if not answer["count"]:
        return None
    return Place(
        round(answer["latitude"], 6), round(answer["longitude"], 6), f"{answer['name']}, {state}"
    )


# --- Online geocoder (optional) -------------------------------------------------------------------


def _online_config() -> dict[str, Any] | None:
    config = getattr(settings, "GEOCODER", None)
    return config if config and config.get("provider") else None


def _provider(config: dict[str, Any]) -> tuple[str, type]:
    """(name, class) of the configured geocoder: a geopy service name ("nominatim"), a dotted path
    to a geopy-compatible class, or the class itself (how tests pass a double)."""
    provider = config["provider"]
    if not isinstance(provider, str):
        return provider.__name__, provider
    cls = import_string(provider) if "." in provider else get_geocoder_for_service(provider)
    return provider, cls


def _geocoder(config: dict[str, Any]) -> Any:
    """Build the configured geopy geocoder with its options and timeout."""
    name, cls = _provider(config)
    options = dict(config.get("options") or {})
    options.setdefault("timeout", config.get("timeout", 3))
    if name == "nominatim":
        options.setdefault("user_agent", getattr(settings, "WAGTAIL_SITE_NAME", "spine-network"))
    return cls(**options)


class _OnlineUnavailable(Exception):
    """The online geocoder failed (timeout, quota, network): callers fall back or explain."""


def _cache_key(query: str) -> str:
    """An HMAC of the text under the site's secret key: without the key, a list of addresses
    cannot be hashed and matched against the table (a plain hash could)."""
    return salted_hmac(_CACHE_SALT, query.lower(), algorithm="sha256").hexdigest()


def _area_label(latitude: float, longitude: float) -> str:
    """ "City, ST ZIP" of the ZIP centroid nearest the point, or "" when none is near (outside the
    US): what the finder says it searched from, never the street the geocoder resolved."""
    box = _AREA_LABEL_DEGREES
    rows = ZipCentroid.objects.filter(
        latitude__range=(latitude - box, latitude + box),
        longitude__range=(longitude - box, longitude + box),
    ).values_list("zip_code", "city", "state", "latitude", "longitude")
    scale = math.cos(math.radians(latitude)) ** 2
    nearest = min(
        rows,
        key=lambda row: (row[3] - latitude) ** 2 + scale * (row[4] - longitude) ** 2,
        default=None,
    )
    if nearest is None:
        return ""
    zip_code, city, state = nearest[:3]
    return f"{city}, {state} {zip_code}"


def _ask_online(config: dict[str, Any], provider: str, query: str) -> Any:
    """The geopy Location for `query`, or None for no match."""
    try:
        geocoder = _geocoder(config)
        return geocoder.geocode(query, **(config.get("geocode_options") or {}))
    except (GeopyError, OSError, ValueError) as error:
        # The exception text may quote the query (a URL with the address): log its type only.
        logger.warning("Online geocoder %s failed: %s", provider, type(error).__name__)
        raise _OnlineUnavailable from None


def _online_place(query: str) -> Place | None:
    """Place what a patient typed with the online geocoder, through the cache. None: no match.

    What is kept of a patient's lookup is coarse: the point rounded like "Use my location" (about
    1 km) and the nearest ZIP code's name, under an HMAC of the text, for `cache_days`.
    """
    config = _online_config()
    if config is None:
        return None
    provider = _provider(config)[0][:50]
    key = _cache_key(query)
    now = timezone.now()
    cached = GeocodeCache.objects.filter(provider=provider, query=key, expires_at__gt=now).first()
    if cached is not None:
        if cached.latitude is None or cached.longitude is None:
            return None
        return Place(cached.latitude, cached.longitude, cached.label or _area_fallback())

    location = _ask_online(config, provider, query)
    place = None
    if location is not None:
        latitude = round_coordinate(float(location.latitude))
        longitude = round_coordinate(float(location.longitude))
        place = Place(latitude, longitude, _area_label(latitude, longitude))
    # Expired answers go as new ones come: the table never holds more than `cache_days` of them.
    GeocodeCache.objects.filter(expires_at__lte=now).delete()
    GeocodeCache.objects.update_or_create(
        provider=provider,
        query=key,
        defaults={
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "label": place.label if place else "",
            "expires_at": now + timedelta(days=config.get("cache_days", DEFAULT_CACHE_DAYS)),
        },
    )
    if place is not None and not place.label:
        return Place(place.latitude, place.longitude, _area_fallback())
    return place


def _online_address(query: str) -> Place | None:
    """Place a centre's full address with the online geocoder: exact, and not cached (a centre
    keeps its coordinates on its page; an address is geocoded again only when it changes)."""
    config = _online_config()
    if config is None:
        return None
    provider = _provider(config)[0][:50]
    location = _ask_online(config, provider, query)
    if location is None:
        return None
    return Place(float(location.latitude), float(location.longitude), str(location.address)[:255])


def _area_fallback() -> str:
    return gettext("the place you entered")


# --- Public API -------------------------------------------------------------------------------------


def geocode(query: str) -> Place:
    """Place what a patient typed: a ZIP code, a "City, ST", or (with an online geocoder) any text.

    Raises `GeocodingError` with a translated, patient-friendly message for empty, malformed or
    unknown input, and when the online geocoder is unavailable.
    """
    text = normalize_input(query)
    if not text:
        raise GeocodingError(_format_hint())

    zip_match = _ZIP_RE.match(text)
    if zip_match:
        place = _zip_place(zip_match.group(1))
        if (
            place is None
            and ZipCentroid.objects.filter(
                pk=zip_match.group(1), state__in=MILITARY_STATES
            ).exists()
        ):
            raise GeocodingError(
                gettext(
                    "%(zip)s is a military (APO/FPO) ZIP code, which has no place on the map. "
                    "Enter the ZIP code or the city and state where you are."
                )
                % {"zip": zip_match.group(1)}
            )
        if place is None:
            raise GeocodingError(
                gettext("We couldn't find the ZIP code %(zip)s.") % {"zip": zip_match.group(1)}
            )
        return place

    city_state = _split_city_state(text)
    if city_state:
        city, state, zip_code = city_state
        # A ZIP code typed after the city is the more precise of the two.
        place = (_zip_place(zip_code) if zip_code else None) or _city_place(city, state)
        if place is not None:
            return place

    if _online_config() is None:
        if city_state:
            raise GeocodingError(
                gettext("We couldn't find %(place)s. Check the spelling or enter a ZIP code.")
                % {"place": text}
            )
        raise GeocodingError(_format_hint())

    try:
        place = _online_place(text)
    except _OnlineUnavailable:
        raise GeocodingError(
            gettext(
                "We can't look up places right now. Enter a 5-digit ZIP code or a city and "
                "state, like Austin, TX."
            )
        ) from None
    if place is None:
        raise GeocodingError(
            gettext("We couldn't find that place. Check the spelling or enter a ZIP code.")
        )
    return place


def geocode_address(street: str, city: str, state: str, zip_code: str) -> Place | None:
    """Coordinates for a centre's address, to fill its latitude/longitude when an editor leaves them.

    The online geocoder (if configured) places the full address; otherwise, or when it fails, the ZIP
    centroid, then the city centroid. Returns None when nothing matches; never raises, because saving
    a page or importing a row must not fail on a geocoder.
    """
    street, city, state, zip_code = (
        normalize_input(part) for part in (street, city, state, zip_code)
    )
    if _online_config() is not None and (street or city or zip_code):
        full = ", ".join(part for part in (street, city, f"{state} {zip_code}".strip()) if part)
        try:
            place = _online_address(full)
        except _OnlineUnavailable:
            place = None
        if place is not None:
            return place
    zip_match = _ZIP_RE.match(zip_code)
    if zip_match:
        place = _zip_place(zip_match.group(1))
        if place is not None:
            return place
    state_code = _state_code(state) if state else None
    if city and state_code:
        return _city_place(city, state_code)
    return None
