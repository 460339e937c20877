"""Turn what a patient types ("78701", "Austin, TX") or a centre's address into coordinates.

Offline first: US ZIP centroids live in the `ZipCentroid` table (loaded by a migration), so a lookup
is one indexed query and costs a web worker no memory, and the site never calls out to the internet
unless the network configures an online geocoder:

    GEOCODER = {
        "provider": "nominatim",          # a geopy service name, or a dotted path to a geopy class
        "timeout": 3,                     # seconds
        "options": {"user_agent": "..."},  # passed to the geopy geocoder's constructor
        "geocode_options": {"country_codes": "us"},  # passed to each geocode() call
    }

Online answers are cached in `GeocodeCache` under a hash of the query, so the same text never goes out
twice and the table holds no readable patient input. What patients type is never logged.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Avg, Count, Max, Q
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from .models import GeocodeCache, ZipCentroid
from .states import US_STATES

logger = logging.getLogger(__name__)

__all__ = ["GeocodingError", "Place", "geocode", "geocode_address"]


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


def _format_hint() -> str:
    return gettext("Enter a 5-digit ZIP code or a city and state, like Austin, TX.")


def _normalise(text: str) -> str:
    return " ".join((text or "").split())


def _zip_place(zip_code: str) -> Place | None:
    """The centroid of a 5-digit ZIP code: one primary-key lookup."""
    row = (
        ZipCentroid.objects.filter(pk=zip_code)
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
    typed = _normalise(city).strip(" ,.")
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
    from geopy.geocoders import get_geocoder_for_service

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
    # Patients may type a home address: keep only a hash of it in the database.
    return hashlib.sha256(query.lower().encode("utf-8")).hexdigest()


def _online_place(query: str) -> Place | None:
    """Ask the configured online geocoder, through the database cache. None: no match."""
    config = _online_config()
    if config is None:
        return None
    provider = _provider(config)[0][:50]
    key = _cache_key(query)
    cached = GeocodeCache.objects.filter(provider=provider, query=key).first()
    if cached is not None:
        if cached.latitude is None or cached.longitude is None:
            return None
        return Place(cached.latitude, cached.longitude, cached.label)

    from geopy.exc import GeopyError

    try:
        geocoder = _geocoder(config)
        location = geocoder.geocode(query, **(config.get("geocode_options") or {}))
    except (GeopyError, OSError, ValueError) as error:
        # The exception text may quote the query (a URL with the address): log its type only.
        logger.warning("Online geocoder %s failed: %s", provider, type(error).__name__)
        raise _OnlineUnavailable from None

    place = None
    if location is not None:
        place = Place(
            float(location.latitude), float(location.longitude), str(location.address)[:255]
        )
    GeocodeCache.objects.update_or_create(
        provider=provider,
        query=key,
        defaults={
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "label": place.label if place else "",
        },
    )
    return place


# --- Public API -------------------------------------------------------------------------------------


def geocode(query: str) -> Place:
    """Place what a patient typed: a ZIP code, a "City, ST", or (with an online geocoder) any text.

    Raises `GeocodingError` with a translated, patient-friendly message for empty, malformed or
    unknown input, and when the online geocoder is unavailable.
    """
    text = _normalise(query)
    if not text:
        raise GeocodingError(_format_hint())

    zip_match = _ZIP_RE.match(text)
    if zip_match:
        place = _zip_place(zip_match.group(1))
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
    street, city, state, zip_code = (_normalise(part) for part in (street, city, state, zip_code))
    if _online_config() is not None and (street or city or zip_code):
        full = ", ".join(part for part in (street, city, f"{state} {zip_code}".strip()) if part)
        try:
            place = _online_place(full)
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
