"""nearest_centres must give exactly what a brute-force geopy geodesic scan gives.

Centres are built once per test (Wagtail pages are slow to create); hypothesis then draws many
origins, radii, filters, limits and random subsets of the centres (through the queryset searched).
Run on PostgreSQL too: DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_geo pytest this file.
"""

import random
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from geopy.distance import geodesic
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from locations.models import LocationPage
from locations.nearest import FixedSearch, NearbyCentre, nearest_centres
from network.fixedsql import db_value
from tests.factories import ServiceFactory
from tests.locations.factories import LocationPageFactory

SERVICES = ["physical-therapy", "epidural-injection", "spine-surgery"]
EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _coordinate(value: float) -> str:
    return f"{value:.6f}"


def build_centres(index, points, *, seed):
    """Centres at `points` with random services and accepts_requests flags."""
    rng = random.Random(seed)
    services = {slug: ServiceFactory(slug=slug, name=slug) for slug in SERVICES}
    centres = []
    for lat, lon in points:
        page = LocationPageFactory(
            parent=index,
            latitude=_coordinate(lat),
            longitude=_coordinate(lon),
            accepts_requests=rng.random() < 0.7,
        )
        chosen = rng.sample(list(services.values()), rng.randint(0, 3))
        page.services.set(chosen)
        page.save()
        page.service_slugs = {service.slug for service in chosen}
        centres.append(page)
    return centres


def brute_force(
    centres, latitude, longitude, *, radius=None, service=None, accepts=None, limit=None
):
    """The reference answer: geopy's geodesic for every centre, sorted by (distance, id)."""
    answer = []
    for page in centres:
        if service is not None and service not in page.service_slugs:
            continue
        if accepts is not None and page.accepts_requests != accepts:
            continue
        distance = geodesic((latitude, longitude), (float(page.latitude), float(page.longitude)))
        if radius is not None and distance.miles > radius:
            continue
        answer.append((distance.miles, page.pk))
    answer.sort()
    return answer[:limit] if limit is not None else answer


def centres():
    """What the finder and the JSON endpoint search: the visible centres, services prefetched."""
    return LocationPage.objects.visible().prefetch_related("services")


def as_pairs(result: list[NearbyCentre]):
    return [(item.distance_miles, item.location.pk) for item in result]


# The centres of `ids`: one shape of SQL for each number of ids (and filter and box), its values
# checked against the ORM's own when it is first built, its SQL reused by later searches.
FIXED = FixedSearch(
    "tests.nearest",
    LocationPage,
    lambda ids: LocationPage.objects.live().filter(pk__in=ids),
    lambda connection, ids: [db_value(LocationPage, "page_ptr", pk, connection) for pk in ids],
)


def fixed_pairs(ids, latitude, longitude, radius, **search) -> list[tuple[float, int]]:
    """(miles, id) pairs of the fixed search over the centres of `ids`, like `brute_force`."""
    found = FIXED.nearest_ids((ids,), latitude, longitude, radius_miles=radius, **search)
    return [(km / 1.609344, pk) for km, pk in found]


@pytest.fixture
def us_centres(location_index):
    """About 60 centres spread over the contiguous US, a few clustered and two at the same point
    (so ties must be broken by id)."""
    rng = random.Random(1)
    points = [(rng.uniform(25, 49), rng.uniform(-124, -67)) for _ in range(50)]
    points += [(30.27 + rng.uniform(-0.3, 0.3), -97.74 + rng.uniform(-0.3, 0.3)) for _ in range(8)]
    points += [(40.7128, -74.006), (40.7128, -74.006)]
    return build_centres(location_index, points, seed=2)


@pytest.fixture
def world_centres(location_index):
    """Centres near the antimeridian, near both poles and around the equator."""
    rng = random.Random(3)
    points = [
        (rng.uniform(-60, 60), rng.choice([179.0, -179.0]) + rng.uniform(-1, 1)) for _ in range(20)
    ]
    points += [(rng.uniform(84, 90), rng.uniform(-180, 180)) for _ in range(10)]
    points += [(rng.uniform(-90, -84), rng.uniform(-180, 180)) for _ in range(10)]
    points += [(rng.uniform(-5, 5), rng.uniform(-180, 180)) for _ in range(20)]
    return build_centres(
        location_index, [(lat, max(-180, min(180, lon))) for lat, lon in points], seed=4
    )


us_latitudes = st.floats(min_value=20, max_value=52, allow_nan=False)
us_longitudes = st.floats(min_value=-128, max_value=-63, allow_nan=False)
radii = st.one_of(st.none(), st.floats(min_value=0, max_value=1500, allow_nan=False))
services = st.one_of(st.none(), st.sampled_from(SERVICES))
accepts = st.one_of(st.none(), st.booleans())
limits = st.one_of(st.none(), st.integers(min_value=1, max_value=70))


@EXAMPLES
@given(
    latitude=us_latitudes,
    longitude=us_longitudes,
    radius=radii,
    service=services,
    accepts_requests=accepts,
    limit=limits,
    subset_seed=st.integers(0, 2**32),
)
def test_matches_brute_force_in_the_us(
    us_centres, latitude, longitude, radius, service, accepts_requests, limit, subset_seed
):
    subset = random.Random(subset_seed).sample(
        us_centres, random.Random(subset_seed).randint(0, 60)
    )
    queryset = centres().filter(pk__in=[page.pk for page in subset])
    result = nearest_centres(
        queryset,
        latitude,
        longitude,
        radius_miles=radius,
        service=service,
        accepts_requests=accepts_requests,
        limit=limit,
    )
    expected = brute_force(
        subset,
        latitude,
        longitude,
        radius=radius,
        service=service,
        accepts=accepts_requests,
        limit=limit,
    )
    assert as_pairs(result) == expected
    if radius is not None and subset:  # the same search with its SQL built once per shape
        search = {"service": service, "accepts_requests": accepts_requests, "limit": limit}
        found = fixed_pairs([page.pk for page in subset], latitude, longitude, radius, **search)
        assert [pk for _, pk in found] == [pk for _, pk in expected]
        assert [miles for miles, _ in found] == pytest.approx([m for m, _ in expected], rel=1e-12)


@EXAMPLES
@given(
    latitude=st.floats(min_value=-90, max_value=90, allow_nan=False),
    longitude=st.floats(min_value=-180, max_value=180, allow_nan=False),
    radius=st.one_of(st.none(), st.floats(min_value=0, max_value=13000, allow_nan=False)),
    limit=limits,
)
def test_matches_brute_force_around_the_antimeridian_and_poles(
    world_centres, latitude, longitude, radius, limit
):
    result = nearest_centres(centres(), latitude, longitude, radius_miles=radius, limit=limit)
    expected = brute_force(world_centres, latitude, longitude, radius=radius, limit=limit)
    assert as_pairs(result) == expected
    if radius is not None:  # the same search with its SQL built once per shape
        ids = [page.pk for page in world_centres]
        found = fixed_pairs(ids, latitude, longitude, radius, limit=limit)
        assert [pk for _, pk in found] == [pk for _, pk in expected]


@EXAMPLES
@given(
    latitude=st.sampled_from([89.9, -89.9, 0.0, 60.0]),
    longitude=st.sampled_from([180.0, -180.0, 179.95, -179.95, 0.0]),
    limit=st.integers(min_value=1, max_value=12),
)
def test_k_nearest_without_radius_across_the_antimeridian(
    world_centres, latitude, longitude, limit
):
    result = nearest_centres(centres(), latitude, longitude, limit=limit)
    assert as_pairs(result) == brute_force(world_centres, latitude, longitude, limit=limit)


def test_the_fixed_search_builds_its_sql_once_per_shape(location_index):
    """Every kind of box (a band reaching a pole, a plain box, one across the antimeridian, the
    whole globe), with and without a service, with each `accepts_requests`: the ORM builds each
    shape's SQL once, checked against its own values, and later searches of that shape reuse it."""
    ServiceFactory(slug="physical-therapy")
    pages = [
        LocationPageFactory(parent=location_index, latitude=lat, longitude=lon)
        for lat, lon in [("30.270000", "-97.740000"), ("-16.500000", "179.900000")]
    ]
    ids = [page.pk for page in pages]
    search = FixedSearch(
        "tests.shapes",
        LocationPage,
        lambda ids: LocationPage.objects.filter(pk__in=ids),
        lambda connection, ids: [db_value(LocationPage, "page_ptr", pk, connection) for pk in ids],
    )
    # A box, one across the antimeridian, a band reaching the pole, the whole globe (20,000 miles)
    origins = [(30.0, -97.0), (-16.0, -179.9), (89.5, 0.0), (0.0, 0.0)]
    compiling = mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql
    )
    for built in (24, 0):  # 2 services x 3 accepts x 4 boxes, then none
        with compiling as compiled, CaptureQueriesContext(connection) as queries:
            for service in (None, "physical-therapy"):
                for accepts in (None, True, False):
                    for latitude, longitude in origins:
                        search.nearest_ids(
                            (ids,),
                            latitude,
                            longitude,
                            radius_miles=100 if latitude else 20_000,
                            service=service,
                            accepts_requests=accepts,
                        )
        assert compiled.call_count == built
        assert len(queries) == 24  # one query a search
    shapes = {shape[-1] for shape in search._queries}
    assert shapes == {"box", "wraps", "band", None}
    found = search.nearest_ids((ids,), -16.0, -179.9, radius_miles=100)
    assert [pk for _, pk in found] == [pages[1].pk]


def test_radius_service_and_accepts_filters(location_index):
    physio = ServiceFactory(slug="physical-therapy")
    near = LocationPageFactory(parent=location_index, latitude="30.270000", longitude="-97.740000")
    near.services.set([physio])
    near.save()
    closed = LocationPageFactory(
        parent=location_index, latitude="30.300000", longitude="-97.700000", accepts_requests=False
    )
    far = LocationPageFactory(parent=location_index, latitude="32.780000", longitude="-96.800000")

    everything = nearest_centres(centres(), 30.27, -97.74)
    assert [c.location.pk for c in everything] == [near.pk, closed.pk, far.pk]
    assert everything[0].distance_miles == pytest.approx(0.0)
    assert everything[2].distance_miles == pytest.approx(182.6, abs=1)
    assert everything[2].distance_km == pytest.approx(everything[2].distance_miles * 1.609344)
    assert [c.location.pk for c in nearest_centres(centres(), 30.27, -97.74, radius_miles=50)] == [
        near.pk,
        closed.pk,
    ]
    assert [
        c.location.pk for c in nearest_centres(centres(), 30.27, -97.74, service="physical-therapy")
    ] == [near.pk]
    assert nearest_centres(centres(), 30.27, -97.74, service="no-such-service") == []
    assert [
        c.location.pk for c in nearest_centres(centres(), 30.27, -97.74, accepts_requests=False)
    ] == [closed.pk]
    assert [c.location.pk for c in nearest_centres(centres(), 30.27, -97.74, limit=1)] == [near.pk]


def test_skips_drafts_and_centres_without_coordinates(location_index):
    shown = LocationPageFactory(parent=location_index)
    LocationPageFactory(parent=location_index, live=False)
    unplaced = LocationPageFactory(parent=location_index)
    # Saving fills coordinates from the address; an import can still leave them empty.
    LocationPage.objects.filter(pk=unplaced.pk).update(latitude=None, longitude=None)
    assert [c.location.pk for c in nearest_centres(centres(), 30.27, -97.74)] == [shown.pk]


def test_spanish_visitors_see_translations_and_untranslated_centres(location_index, locales):
    translated = LocationPageFactory(parent=location_index, title="Austin North")
    untranslated = LocationPageFactory(parent=location_index, latitude=Decimal("31.000000"))
    # Wagtail's own copy (wagtail-localize's `translate` is exercised by the pages' tests).
    translated_es = translated.copy_for_translation(locales["es"], copy_parents=True)
    translated_es.save_revision().publish()

    with translation.override("es"):
        spanish = [c.location.pk for c in nearest_centres(centres(), 30.27, -97.74)]
    with translation.override("en"):
        english = [c.location.pk for c in nearest_centres(centres(), 30.27, -97.74)]

    assert spanish == [translated_es.pk, untranslated.pk]
    assert english == [translated.pk, untranslated.pk]


def test_constant_number_of_queries(location_index):
    service = ServiceFactory(slug="physical-therapy")
    for offset in range(12):
        page = LocationPageFactory(
            parent=location_index, latitude=_coordinate(30 + offset / 10), longitude="-97.740000"
        )
        page.services.set([service])
        page.save()

    nearest_centres(centres(), 30.0, -97.74, limit=1)  # caches which pages are private (none)

    def count(**kwargs) -> int:
        with CaptureQueriesContext(connection) as queries:
            result = nearest_centres(centres(), 30.0, -97.74, **kwargs)
            [list(c.location.services.all()) for c in result]
        return len(queries)

    assert count(limit=1) == count(limit=6)
    assert count(radius_miles=5) == count(radius_miles=100)


def test_rejects_coordinates_out_of_range(db):
    with pytest.raises(ValueError):
        nearest_centres(centres(), 91, 0)
    with pytest.raises(ValueError):
        nearest_centres(centres(), 0, -181)


def test_zero_limit_is_empty(db):
    assert nearest_centres(centres(), 0, 0, limit=0) == []


def test_brute_force_helper_sees_every_centre(us_centres):
    # Guards the reference itself: without filters it returns every centre, ordered.
    answer = brute_force(us_centres, 30.27, -97.74)
    assert len(answer) == len(us_centres) == len(LocationPage.objects.all())
    assert answer == sorted(answer)


def test_skips_centres_behind_a_view_restriction(location_index):
    shown = LocationPageFactory(parent=location_index)
    private = LocationPageFactory(parent=location_index)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert [c.location.pk for c in nearest_centres(centres(), 30.27, -97.74)] == [shown.pk]
    PageViewRestriction.objects.create(page=location_index, restriction_type="login")
    assert nearest_centres(centres(), 30.27, -97.74) == []


def test_distances_use_the_stored_decimal_coordinates_exactly(location_index):
    # SQLite converts these decimal strings to the float one unit in the last place off; the
    # distances must still be those of `geodesic` on float(page.latitude), bit for bit.
    pages = [
        LocationPageFactory(parent=location_index, latitude=latitude, longitude="10.000000")
        for latitude in ("-69.325291", "-87.554589", "-74.409084", "-33.933643")
    ]
    result = nearest_centres(centres(), 0.0, 0.0)
    assert as_pairs(result) == brute_force(pages, 0.0, 0.0)
