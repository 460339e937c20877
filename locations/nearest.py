"""The one nearest-centre search: used by the finder, the JSON endpoint and appointment routing.

Exact and fast. Distances are true geodesic distances on the WGS-84 ellipsoid, computed exactly as
`geopy.distance.geodesic` does (same geographiclib call, same ellipsoid), so the order is the order a
brute-force geopy scan gives, ties broken by page id. Speed comes from never running the 40-170 us
geodesic on centres that cannot make the list:

1. A bounding box on the indexed latitude/longitude columns, proven to contain every point within
   the radius (using the smallest radii of curvature of the ellipsoid, and splitting at the
   antimeridian and opening to all longitudes near the poles), fetches only (id, lat, lon) rows.
2. The straight-line (chord) distance through the Earth between the two points is a strict lower
   bound of the geodesic and costs ~1 us; candidates are visited in chord order and the geodesic is
   computed only until the k-th best exact distance is below the next chord.
3. Only the winning pages are loaded, in one query (plus the prefetches of the queryset given).

Without a radius but with a limit, the box grows until the k-th distance found lies within the
distance the box guarantees, so the answer is complete.

`FixedSearch` is the same search within a radius for a caller that runs it many times over the
same kind of centres (routing each appointment request): its SQL is built once per process for
each shape, not on every search.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import FloatField, Model, Q, QuerySet
from django.db.models.functions import Cast
from geographiclib.geodesic import Geodesic
from geopy.distance import ELLIPSOIDS
from geopy.units import miles as km_to_miles

from network.fixedsql import FixedQuery, db_value

if TYPE_CHECKING:  # the callers pass the centres: this module never loads the page models
    from .models import LocationPage

__all__ = ["FixedSearch", "NearbyCentre", "geodesic_km", "nearest_centres", "nearest_ids"]

# WGS-84 exactly as geopy.distance.geodesic sets it up (semi-major axis in km), so distances are
# bit-for-bit those of `geodesic(a, b).km`.
_A_KM, _B_KM, _F = ELLIPSOIDS["WGS-84"]
_GEOD = Geodesic(_A_KM, _F)
_E2 = _F * (2 - _F)
# The smallest meridional radius of curvature (at the equator): any path between two latitudes is
# at least this radius times their difference in radians.
_MIN_MERIDIAN_KM = _A_KM * (1 - _E2)
# Margin against floating-point rounding in the box and the chord bound.
_SAFETY = 1.000001
# First box when only a limit is given: about 50 miles, the usual routing radius.
_FIRST_SEARCH_KM = 80.0
_HALF_MERIDIAN_KM = math.pi * _MIN_MERIDIAN_KM
_MILES_PER_KM = km_to_miles(kilometers=1)
_DECIMALS = 6  # decimal places of LocationPage.latitude/longitude


@dataclass(frozen=True)
class NearbyCentre:
    """A centre and how far it is from the search origin."""

    location: LocationPage
    distance_miles: float
    distance_km: float


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in km, identical to `geopy.distance.geodesic((lat1, lon1), (lat2, lon2)).km`
    without geopy's per-call point parsing (which doubles the cost)."""
    return _GEOD.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]


def _ecef(lat: float, lon: float) -> tuple[float, float, float]:
    """Earth-centred Cartesian coordinates (km) of a point on the WGS-84 ellipsoid."""
    phi, lam = math.radians(lat), math.radians(lon)
    sin_phi, cos_phi = math.sin(phi), math.cos(phi)
    n = _A_KM / math.sqrt(1 - _E2 * sin_phi * sin_phi)
    return n * cos_phi * math.cos(lam), n * cos_phi * math.sin(lam), n * (1 - _E2) * sin_phi


@dataclass(frozen=True, slots=True)
class _Box:
    """Bounds on the indexed columns, rounded outward (`_bounds`): latitudes always; longitudes
    unless the band reaches a pole or spans every longitude (`west` and `east` None); `wraps` when
    they cross the antimeridian (`west` is then east of `east`, and either side matches)."""

    south: Decimal
    north: Decimal
    west: Decimal | None = None
    east: Decimal | None = None
    wraps: bool = False

    @property
    def shape(self) -> str:
        """What the filter's SQL depends on: "band", "box" or "wraps" (the values aside)."""
        return "band" if self.west is None else "wraps" if self.wraps else "box"

    def q(self) -> Q:
        band = Q(latitude__gte=self.south) & Q(latitude__lte=self.north)
        if self.west is None:
            return band
        if self.wraps:
            return band & (Q(longitude__gte=self.west) | Q(longitude__lte=self.east))
        return band & Q(longitude__gte=self.west) & Q(longitude__lte=self.east)

    def values(self) -> list[Decimal]:
        """The bounds in the order `q()` uses them."""
        if self.west is None:
            return [self.south, self.north]
        return [self.south, self.north, self.west, self.east]


def _bounds(latitude: float, longitude: float, distance_km: float) -> _Box | None:
    """Bounds that keep every point within `distance_km` (geodesic), or None when they would
    cover the whole globe.

    Latitude: a path's length is at least the smallest meridional radius times its change of
    latitude. Longitude: within the latitude band, a path's length is at least a * cos(max |lat|)
    times its change of longitude (the prime-vertical radius is never below a).
    """
    distance_km *= _SAFETY
    if distance_km >= _HALF_MERIDIAN_KM:
        return None
    dlat = math.degrees(distance_km / _MIN_MERIDIAN_KM)
    south, north = latitude - dlat, latitude + dlat
    band = (
        _outward(max(south, -90.0), ROUND_FLOOR),
        _outward(min(north, 90.0), ROUND_CEILING),
    )
    max_abs_lat = max(abs(south), abs(north))
    if max_abs_lat >= 90.0:
        return _Box(*band)  # the band reaches a pole: every longitude is reachable
    dlon = math.degrees(distance_km / (_A_KM * math.cos(math.radians(max_abs_lat))))
    if dlon >= 180.0:
        return _Box(*band)
    west, east = longitude - dlon, longitude + dlon
    if west < -180.0:  # crosses the antimeridian: two ranges
        return _Box(
            *band,
            _outward(west + 360.0, ROUND_FLOOR),
            _outward(east, ROUND_CEILING),
            wraps=True,
        )
    if east > 180.0:
        return _Box(
            *band,
            _outward(west, ROUND_FLOOR),
            _outward(east - 360.0, ROUND_CEILING),
            wraps=True,
        )
    return _Box(*band, _outward(west, ROUND_FLOOR), _outward(east, ROUND_CEILING))


def _bounding_q(latitude: float, longitude: float, distance_km: float) -> Q | None:
    """A filter on the indexed columns that keeps every point within `distance_km` (geodesic), or
    None when the box would cover the whole globe (`_bounds`)."""
    box = _bounds(latitude, longitude, distance_km)
    return box.q() if box is not None else None


def _outward(value: float, rounding: str) -> Decimal:
    """Round a bound outward to the columns' 6 decimals, plus one more unit: the database never
    narrows the box, even where SQLite stores a coordinate one unit in the last place off."""
    step = Decimal(1).scaleb(-_DECIMALS)
    bound = Decimal(repr(value)).quantize(step, rounding=rounding)
    return bound - step if rounding == ROUND_FLOOR else bound + step


def _rows_query(candidates: QuerySet[LocationPage], box: Q | None) -> QuerySet:
    """(id, latitude, longitude) of the centres in the box, the columns cast to floats in SQL:
    building Decimals costs more than the search."""
    if box is not None:
        candidates = candidates.filter(box)
    return (
        candidates.order_by()
        .annotate(_lat=Cast("latitude", FloatField()), _lon=Cast("longitude", FloatField()))
        .values_list("pk", "_lat", "_lon")
    )


def _distinct(rows) -> list[tuple[int, float, float]]:
    """The rows of `_rows_query` once each (a service join can repeat a centre), rounded to the
    columns' 6 decimals: SQLite's own text-to-real conversion can be one unit in the last place
    off, and `float(page.latitude)` (what a brute-force scan uses) is correctly rounded."""
    unique = dict.fromkeys(rows)
    return [(pk, round(lat, _DECIMALS), round(lon, _DECIMALS)) for pk, lat, lon in unique]


def _rows(candidates: QuerySet[LocationPage], box: Q | None) -> list[tuple[int, float, float]]:
    """(id, latitude, longitude) of the centres in the box, as floats: no model instances."""
    return _distinct(_rows_query(candidates, box))


def _candidates(
    centres: QuerySet[LocationPage], service: str | None, accepts_requests: bool | None
) -> QuerySet[LocationPage]:
    candidates = centres.filter(latitude__isnull=False, longitude__isnull=False)
    if service is not None:
        candidates = candidates.filter(services__slug=service)
    if accepts_requests is not None:
        candidates = candidates.filter(accepts_requests=accepts_requests)
    return candidates


def _check_origin(latitude: float, longitude: float) -> None:
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        raise ValueError("latitude must be within [-90, 90] and longitude within [-180, 180]")


def _rank(
    latitude: float,
    longitude: float,
    rows: list[tuple[int, float, float]],
    *,
    limit: int | None,
    radius_miles: float | None,
) -> list[tuple[float, int]]:
    """The best (km, id) pairs, exactly ordered, computing geodesics only where they can matter."""
    ox, oy, oz = _ecef(latitude, longitude)
    bounded: list[tuple[float, int, float, float]] = []
    for pk, lat, lon in rows:
        x, y, z = _ecef(lat, lon)
        chord = math.sqrt((x - ox) ** 2 + (y - oy) ** 2 + (z - oz) ** 2) / _SAFETY
        if radius_miles is not None and km_to_miles(kilometers=chord) > radius_miles:
            continue
        bounded.append((chord, pk, lat, lon))
    bounded.sort()

    best: list[tuple[float, int]] = []  # max-heap on (km, id) through negation, size <= limit
    for chord, pk, lat, lon in bounded:
        if limit is not None and len(best) == limit and chord > -best[0][0]:
            break  # every remaining chord, hence every remaining geodesic, is farther
        km = geodesic_km(latitude, longitude, lat, lon)
        if radius_miles is not None and km_to_miles(kilometers=km) > radius_miles:
            continue
        item = (-km, -pk)
        if limit is None or len(best) < limit:
            heapq.heappush(best, item)
        elif item > best[0]:
            heapq.heapreplace(best, item)
    return sorted((-neg_km, -neg_pk) for neg_km, neg_pk in best)


def nearest_ids(
    centres: QuerySet[LocationPage],
    latitude: float,
    longitude: float,
    *,
    radius_miles: float | None = None,
    service: str | None = None,
    accepts_requests: bool | None = None,
    limit: int | None = None,
) -> list[tuple[float, int]]:
    """The search without loading pages: (distance in km, page id) pairs, nearest first.

    Same arguments and order as `nearest_centres`, which builds on it; useful where only ids and
    distances matter (routing a request), and to time the search apart from page loading. Costs
    the box queries of `nearest_centres` and nothing else.
    """
    _check_origin(latitude, longitude)
    if limit is not None and limit <= 0:
        return []
    candidates = _candidates(centres, service, accepts_requests)

    if radius_miles is not None or limit is None:
        box = None
        if radius_miles is not None:
            box = _bounding_q(latitude, longitude, radius_miles / _MILES_PER_KM)
        return _rank(
            latitude,
            longitude,
            _rows(candidates, box),
            limit=limit,
            radius_miles=radius_miles,
        )
    search_km = _FIRST_SEARCH_KM
    while True:
        box = _bounding_q(latitude, longitude, search_km)
        rows = _rows(candidates, box)
        ranked = _rank(latitude, longitude, rows, limit=limit, radius_miles=None)
        # Complete once the k-th distance is within what the box guarantees to contain.
        if box is None or (len(ranked) == limit and ranked[-1][0] <= search_km):
            return ranked
        if len(ranked) == limit:
            # The k-th distance found bounds the true k-th: one more box settles it.
            search_km = ranked[-1][0]
        else:
            # Too few centres: grow by the density seen (area ~ distance squared).
            growth = math.sqrt(limit / len(rows)) * 1.5 if rows else 8.0
            search_km *= min(max(growth, 2.0), 64.0)


def nearest_centres(
    centres: QuerySet[LocationPage],
    latitude: float,
    longitude: float,
    *,
    radius_miles: float | None = None,
    service: str | None = None,
    accepts_requests: bool | None = None,
    limit: int | None = None,
) -> list[NearbyCentre]:
    """The centres of `centres` nearest to a point, by true geodesic distance (ties by page id).

    `centres` says which pages may be found (the callers pass `LocationPage.objects.visible()` or
    routing's default-language pages); its prefetches apply to the pages returned. `radius_miles`
    keeps centres within that distance (inclusive); `service` is a Service slug (the same in every
    language); `accepts_requests` filters on the page flag; `limit` keeps the first n.

    Queries: one per search box tried, one for the pages, one per prefetch of `centres`. With
    `radius_miles`, or no `limit`, that is one box. With a `limit` and no radius the box widens
    until it holds the `limit` nearest: one or two boxes where centres are dense, more in empty
    country (the box at least doubles each time, so never more than ten), never one per centre.
    """
    ranked = nearest_ids(
        centres,
        latitude,
        longitude,
        radius_miles=radius_miles,
        service=service,
        accepts_requests=accepts_requests,
        limit=limit,
    )
    if not ranked:
        return []
    by_pk = {page.pk: page for page in centres.filter(pk__in=[pk for _, pk in ranked])}
    return [
        NearbyCentre(location=by_pk[pk], distance_miles=km_to_miles(kilometers=km), distance_km=km)
        for km, pk in ranked
        if pk in by_pk
    ]


class FixedSearch:
    """`nearest_ids` within a radius, its SQL built once per process for each shape of the search
    (network.fixedsql) instead of on every search: for a caller that searches the same centres
    many times, such as routing each appointment request.

    `centres(*args)` gives the centres searched (pages of `model`), and `params(connection, *args)`
    that QuerySet's parameter values in its SQL's order. Each argument is a sequence (the paths of
    private sections, say), and `centres` must build the same SQL for arguments of the same
    lengths. A search's shape is those lengths, whether a service is given, `accepts_requests`
    (None, True or False), and its box's kind (none, a latitude band, a box, or one across the antimeridian); on
    the first search of each shape its values are checked against the ORM's own. Same answers as
    `nearest_ids` over `centres(*args)` with the same arguments, in one query.
    """

    def __init__(
        self,
        name: str,
        model: type[Model],
        centres: Callable[..., QuerySet],
        params: Callable[..., Sequence[Any]],
    ) -> None:
        self.name = name
        self._model = model
        self._centres = centres
        self._params = params
        self._queries: dict[tuple, FixedQuery] = {}

    def _build(
        self, args: tuple, service: str | None, accepts: bool | None, box: _Box | None
    ) -> QuerySet:
        candidates = _candidates(self._centres(*args), service, accepts)
        return _rows_query(candidates, box.q() if box is not None else None)

    def _values(
        self,
        connection: BaseDatabaseWrapper,
        args: tuple,
        service: str | None,
        accepts: bool | None,
        box: _Box | None,
    ) -> list[Any]:
        # `accepts` takes no parameter: Django writes a comparison with True or False into the SQL
        # (`WHERE "accepts_requests"`), so its value is part of the shape.
        model = self._model
        values = list(self._params(connection, *args))
        if service is not None:
            services = model._meta.get_field("services").related_model
            values.append(db_value(services, "slug", service, connection))
        if box is not None:  # two latitudes, then two longitudes unless it is a band
            columns = ("latitude", "latitude", "longitude", "longitude")
            values += [
                db_value(model, column, value, connection)
                for column, value in zip(columns, box.values(), strict=False)
            ]
        return values

    def nearest_ids(
        self,
        args: tuple[Sequence[Any], ...],
        latitude: float,
        longitude: float,
        *,
        radius_miles: float,
        service: str | None = None,
        accepts_requests: bool | None = None,
        limit: int | None = None,
    ) -> list[tuple[float, int]]:
        """(distance in km, page id) pairs, nearest first, of `centres(*args)` within
        `radius_miles` of the point (the other arguments as for `nearest_ids`)."""
        _check_origin(latitude, longitude)
        if limit is not None and limit <= 0:
            return []
        box = _bounds(latitude, longitude, radius_miles / _MILES_PER_KM)
        shape = (
            tuple(len(arg) for arg in args),
            service is not None,
            accepts_requests,
            box.shape if box is not None else None,
        )
        query = self._queries.get(shape)
        if query is None:
            query = self._queries[shape] = FixedQuery(
                f"{self.name}{shape}", self._build, self._values
            )
        rows = query.rows(args, service, accepts_requests, box)
        return _rank(latitude, longitude, _distinct(rows), limit=limit, radius_miles=radius_miles)
