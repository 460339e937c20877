"""Which centre receives an appointment request: the patient's choice, else the nearest suitable one.

1. A chosen centre that accepts requests gets it (`chosen`).
2. Otherwise (the patient asked for "the centre nearest to me", or chose a centre that no longer
   accepts requests, which is then searched from that centre's own position) the nearest centre
   that accepts requests and offers the reason's service within the network's routing radius; if
   none offers it (or the reason is a condition or "other"), the nearest that accepts requests
   within the radius (`nearest`).
3. None within the radius, or no place to search from: the network's central intake (`fallback`,
   no centre).

Routing works on default-language (source) pages only: a Spanish page id is swapped for its English
source, and the search never sees Spanish pages, so a request reaches the same centre whichever
language the patient used. It uses the one centre search (`locations.nearest.FixedSearch`), costs a
fixed number of queries whatever the number of centres, and geocodes a ZIP code offline (an online
geocoder is asked only for other text, and only when one is configured).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from geopy.units import miles as km_to_miles
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from locations.geocoding import geocode
from locations.models import LocationPage
from locations.nearest import FixedSearch, geodesic_km
from network.fixedsql import FixedQuery, db_value
from network.models import NetworkSettings, Service
from network.visibility import exclude_paths, excluded_path_values, restricted_paths

__all__ = ["Route", "route", "routing_queryset", "source_centre"]

# What storing a request and queueing its notifications read of the centre it was routed to (with
# the child table's own key, `page_ptr_id`, which is the page's id: the model's primary key).
ROUTED_FIELDS = (
    "id",
    "title",
    "translation_key",
    "page_ptr_id",
    "intake_emails",
    "accepts_requests",
)

CHOSEN = "chosen"
NEAREST = "nearest"
FALLBACK = "fallback"


@dataclass(frozen=True)
class Route:
    """Where a request goes. `centre` is None for the central intake; `distance_miles` is measured
    from the point the search started from (the patient's ZIP code or position, or the chosen
    centre when it no longer accepts requests), None when there was no such point."""

    centre: LocationPage | None
    routed: str
    distance_miles: Decimal | None


def _default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _routing_pages(private_paths: Sequence[str]) -> QuerySet[LocationPage]:
    """Live centres in the default language outside the private sections at `private_paths`."""
    pages = exclude_paths(LocationPage.objects.live(), private_paths)
    return pages.filter(locale__language_code=_default_language())


def _routing_params(connection: BaseDatabaseWrapper, private_paths: Sequence[str]) -> list:
    """`_routing_pages`'s parameter values, in its SQL's order (`live` takes none: Django writes
    a comparison with True into the SQL)."""
    return [
        *excluded_path_values(connection, private_paths),
        db_value(Locale, "language_code", _default_language(), connection),
    ]


def routing_queryset() -> QuerySet[LocationPage]:
    """Live, public centres in the default language: the pages requests are stored against."""
    return _routing_pages(restricted_paths())


# The nearest-centre search over `routing_queryset()`, its SQL built once per shape (service or
# not, box, number of private sections) instead of on every request (docs/performance.md).
_SEARCH = FixedSearch("appointments.routing.search", LocationPage, _routing_pages, _routing_params)


def source_centre(page: LocationPage) -> LocationPage | None:
    """The default-language version of a centre page (itself when it is one), if live and public."""
    return routing_queryset().filter(translation_key=page.translation_key).first()


def _miles(km: float) -> Decimal:
    return Decimal(str(round(km_to_miles(kilometers=km), 1)))


def _origin(zip_code: str, latitude: float | None, longitude: float | None):
    """The patient's point: their position when given, else their ZIP code's centre, else None.
    The form has already validated the ZIP code, so it places (offline, one query)."""
    if latitude is not None and longitude is not None:
        return float(latitude), float(longitude)
    if zip_code:
        place = geocode(zip_code)
        return place.latitude, place.longitude
    return None


def route(
    reason: str,
    centre: LocationPage | None,
    zip_code: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    *,
    network: NetworkSettings | None = None,
) -> Route:
    """Route a request for `reason` (a Service slug, a Condition slug or "other") to a centre.

    `centre` is the page the patient chose (in either language), or None for "the centre nearest to
    me". `network` defaults to the default site's settings (a view passes the request's).
    Raises `locations.geocoding.GeocodingError` for a ZIP code that cannot be placed.
    """
    origin = _origin(zip_code, latitude, longitude)
    if centre is not None:
        chosen = source_centre(centre)
        if chosen is not None and chosen.accepts_requests:
            distance = None
            if origin is not None and chosen.latitude is not None:
                distance = _miles(
                    geodesic_km(*origin, float(chosen.latitude), float(chosen.longitude))
                )
            return Route(chosen, CHOSEN, distance)
        # No longer taking requests (or gone): search from where that centre is.
        place = chosen or centre
        if place.latitude is not None and place.longitude is not None:
            origin = float(place.latitude), float(place.longitude)

    if origin is None:
        return Route(None, FALLBACK, None)
    network = network or NetworkSettings.for_default_site()
    radius = network.routing_radius_miles
    pages = (restricted_paths(),)  # `_SEARCH` searches `routing_queryset()`
    search = {
        "radius_miles": radius,
        "accepts_requests": True,
        "limit": 1,
    }
    found = []
    if reason in Service.slugs():
        found = _SEARCH.nearest_ids(pages, *origin, service=reason, **search)
    if not found:
        found = _SEARCH.nearest_ids(pages, *origin, **search)
    if not found:
        return Route(None, FALLBACK, None)
    km, pk = found[0]
    return Route(_routed_centre(pk), NEAREST, _miles(km))


def _routed_columns() -> list[str]:
    """ROUTED_FIELDS in the model's order of fields, as `Model.from_db` takes them."""
    return [f.attname for f in LocationPage._meta.concrete_fields if f.attname in ROUTED_FIELDS]


_ROUTED = FixedQuery(
    "appointments.routed_centre",
    lambda pk: LocationPage.objects.filter(pk=pk).values_list(*_routed_columns()),
    lambda connection, pk: [db_value(LocationPage, "page_ptr", pk, connection)],
)


def _routed_centre(pk: int) -> LocationPage:
    """The centre the search found (it has already checked the page against the routing
    queryset), with only the columns storing the request and telling its centre read."""
    row = _ROUTED.first(pk)
    if row is None:
        raise LocationPage.DoesNotExist
    return LocationPage.from_db(DEFAULT_DB_ALIAS, _routed_columns(), row)
