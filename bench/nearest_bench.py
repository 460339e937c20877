"""Benchmark `nearest_centres` against a brute-force geopy geodesic scan.

    .venv/bin/python bench/nearest_bench.py              # SQLite, a temporary file
    .venv/bin/python bench/nearest_bench.py --db postgres  # a temporary database `bench_nearest`

Builds 100, 1,000, 10,000 and 100,000 live centres in a throwaway database (created, migrated and
deleted by this script; the project's own databases are never touched), placed like a real network:
at US ZIP centroids (ZIP density follows population) with a little jitter. Pages are bulk-inserted
with computed tree paths, because creating 100,000 Wagtail pages one by one through treebeard takes
hours. Origins are other ZIP centroids, as patients type ZIP codes.

Prints the mean and 95th-percentile time per query of `nearest_centres` (pages loaded, services
prefetched) and of `nearest_ids` (the search alone: ids and distances) for: radius 50 miles (every centre within it, as
the finder asks), radius 50 miles with limit 10 (the JSON endpoint's default), and the 10 nearest
without a radius (appointment routing's fallback), beside the brute-force scan (fetch every
centre's coordinates, geodesic to each, sort). Each answer is also checked against brute force.
This is a benchmark, not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (100, 1_000, 10_000, 100_000)
PG_SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
PG_NAME = "bench_nearest"
SERVICES = ["physical-therapy", "epidural-injections", "chiropractic-care", "acupuncture"]


def configure(db: str) -> str | None:
    """Point Django at a throwaway database before it loads settings; returns a path to delete."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "network.settings"
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    os.environ["LOG_LEVEL"] = "WARNING"
    if db == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
            admin.execute(f"CREATE DATABASE {PG_NAME}")
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
        return None
    path = tempfile.mktemp(prefix="bench_nearest_", suffix=".sqlite3")
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


def drop(db: str, path: str | None) -> None:
    from django.db import connections

    connections.close_all()
    if db == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_NAME}")
    elif path:
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)


def setup_tree():
    """A locale, a home page and the finder page, made the normal way (three pages)."""
    from wagtail.models import Locale, Page

    from locations.models import LocationIndexPage
    from network.models import Service

    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    index = root.add_child(instance=LocationIndexPage(title="Locations", slug="locations"))
    services = [Service.objects.create(name=slug, slug=slug) for slug in SERVICES]
    return index, services


def _path(parent_path: str, position: int) -> str:
    """Treebeard materialised path of the `position`-th child (1-based): 4 base-36 digits."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    for _ in range(4):
        position, rest = divmod(position, 36)
        step = digits[rest] + step
    return parent_path + step


def add_centres(index, services, start: int, stop: int, points, rng: random.Random) -> None:
    """Bulk-insert centres start+1..stop under `index`: page rows, then LocationPage rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from locations.models import LocationPage

    content_type = ContentType.objects.get_for_model(LocationPage)
    fields = [f for f in LocationPage._meta.local_concrete_fields if f.column != "page_ptr_id"]
    table = LocationPage._meta.db_table
    columns = ", ".join(
        connection.ops.quote_name(name) for name in ["page_ptr_id", *(f.column for f in fields)]
    )
    placeholders = ", ".join(["%s"] * (len(fields) + 1))
    through = LocationPage.services.through
    with transaction.atomic():
        for batch_start in range(start, stop, 5_000):
            batch = range(batch_start, min(batch_start + 5_000, stop))
            pages = [
                Page(
                    title=f"Center {n}",
                    draft_title=f"Center {n}",
                    slug=f"centre-{n}",
                    content_type=content_type,
                    locale_id=index.locale_id,
                    path=_path(index.path, n + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}centre-{n}/",
                    live=True,
                    translation_key=uuid.uuid4(),
                )
                for n in batch
            ]
            pages = Page.objects.bulk_create(pages)
            if pages[0].pk is None:  # backends that do not return ids
                by_path = dict(
                    Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
                )
                for page in pages:
                    page.pk = by_path[page.path]
            rows, links = [], []
            for n, page in zip(batch, pages, strict=True):
                lat, lon, city, state, zip_code = points[n]
                centre = LocationPage(
                    street_address=f"{n} Main Street",
                    city=city,
                    state=state,
                    zip_code=zip_code,
                    latitude=f"{lat + rng.uniform(-0.02, 0.02):.6f}",
                    longitude=f"{lon + rng.uniform(-0.02, 0.02):.6f}",
                    phone="+15125550100",
                    intake_emails=f"centre{n}@example.org",
                    time_zone="America/Chicago",
                    accepts_requests=rng.random() < 0.85,
                )
                rows.append(
                    [page.pk]
                    + [f.get_db_prep_save(getattr(centre, f.attname), connection) for f in fields]
                )
                links += [
                    through(locationpage_id=page.pk, service_id=service.pk)
                    for service in rng.sample(services, rng.randint(1, 3))
                ]
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
            through.objects.bulk_create(links)
        Page.objects.filter(pk=index.pk).update(numchild=stop)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, so the planner uses the coordinates index


def brute_force(latitude, longitude, *, radius=None, service=None, limit=None):
    """The reference scan: every centre's coordinates, geopy geodesic to each, sorted."""
    from geopy.distance import geodesic

    from locations.models import LocationPage

    pages = LocationPage.objects.visible().filter(latitude__isnull=False)
    if service:
        pages = pages.filter(services__slug=service)
    answer = []
    for pk, lat, lon in pages.values_list("pk", "latitude", "longitude").distinct():
        miles = geodesic((latitude, longitude), (float(lat), float(lon))).miles
        if radius is None or miles <= radius:
            answer.append((miles, pk))
    answer.sort()
    return answer[:limit] if limit else answer


def timed(function, origins) -> tuple[list[float], list, float]:
    """Wall-clock ms per call, the answers, and the mean CPU ms of this process per call (on a
    shared machine the CPU time says what a query costs, the wall clock what a visitor waits)."""
    times, answers = [], []
    cpu = time.process_time()
    for lat, lon in origins:
        began = time.perf_counter()
        answers.append(function(lat, lon))
        times.append((time.perf_counter() - began) * 1000)
    return times, answers, (time.process_time() - cpu) * 1000 / len(origins)


def profile(function, origins, arguments) -> None:
    import cProfile
    import pstats

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        function(*origins[0], **arguments)
    for query in queries:
        print(query["sql"])
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN {'QUERY PLAN ' if connection.vendor == 'sqlite' else ''}" + query["sql"]
            )
            print("\n".join(str(row) for row in cursor.fetchall()))

    profiler = cProfile.Profile()
    profiler.enable()
    for lat, lon in origins:
        function(lat, lon, **arguments)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def summary(times: list[float]) -> str:
    p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
    return f"{statistics.mean(times):12.2f} {p95:8.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--queries", type=int, default=200, help="origins per size (default 200)")
    parser.add_argument(
        "--brute-seconds",
        type=float,
        default=20,
        help="time budget per size and kind for the brute-force scan (default 20 s)",
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of centers to build"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print a cProfile of the search (nearest_ids) and the SQL plan per kind",
    )
    options = parser.parse_args()
    path = configure(options.db)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation

    from locations.models import LocationPage, ZipCentroid
    from locations.nearest import nearest_centres, nearest_ids

    def centres():
        """What the finder and the JSON endpoint search: visible centres, services prefetched."""
        return LocationPage.objects.visible().prefetch_related("services")

    try:
        print(f"Preparing a throwaway {options.db} database (migrations load 42,789 ZIPs)...")
        call_command("migrate", verbosity=0)
        translation.activate("en")
        rng = random.Random(20261130)
        zips = list(
            ZipCentroid.objects.exclude(state__in=["AA", "AE", "AP"]).values_list(
                "latitude", "longitude", "city", "state", "zip_code"
            )
        )
        points = [rng.choice(zips) for _ in range(max(options.sizes))]
        origins = [(lat, lon) for lat, lon, *_ in rng.sample(zips, options.queries)]
        index, services = setup_tree()

        kinds = {
            "radius 50 mi": {"radius_miles": 50},
            "radius 50 mi, limit 10": {"radius_miles": 50, "limit": 10},
            "10 nearest, no radius": {"limit": 10},
        }
        print(
            f"\n{connection.vendor}, {options.queries} origins per size; times in ms per query "
            "(mean, p95)\n"
        )
        print(
            f"{'centres':>8}  {'query':<24}{'nearest_centres':>17} {'p95':>8}  "
            f"{'search only':>12} {'p95':>8} {'cpu':>6}   {'brute force':>12} {'p95':>8}  "
            f"{'results':>7}"
        )
        built = 0
        for size in options.sizes:
            add_centres(index, services, built, size, points, rng)
            built = size
            for label, arguments in kinds.items():
                nearest_centres(centres(), *origins[0], **arguments)  # warm caches
                times, answers, _ = timed(
                    lambda lat, lon, a=arguments: nearest_centres(centres(), lat, lon, **a),
                    origins,
                )
                search_times, _, search_cpu = timed(
                    lambda lat, lon, a=arguments: nearest_ids(centres(), lat, lon, **a), origins
                )
                # Brute force is slow at 100,000 centres: run it on as many origins as fit the budget.
                brute_times, checked = [], 0
                budget_end = time.perf_counter() + options.brute_seconds
                for (lat, lon), answer in zip(origins, answers, strict=True):
                    began = time.perf_counter()
                    expected = brute_force(
                        lat, lon, radius=arguments.get("radius_miles"), limit=arguments.get("limit")
                    )
                    brute_times.append((time.perf_counter() - began) * 1000)
                    got = [(c.distance_miles, c.location.pk) for c in answer]
                    if got != expected:
                        raise SystemExit(f"MISMATCH at {(lat, lon)} {label}: {got} != {expected}")
                    checked += 1
                    if time.perf_counter() > budget_end and checked >= 3:
                        break
                if options.profile:
                    profile(nearest_ids, origins, arguments)
                results = statistics.mean(len(a) for a in answers)
                print(
                    f"{size:>8,}  {label:<24}{summary(times):>26}  {summary(search_times):>21}"
                    f" {search_cpu:6.2f}"
                    f"   {summary(brute_times):>21}"
                    f"  {results:7.1f}   (brute force on {checked}, all equal)"
                )
    finally:
        drop(options.db, path)


if __name__ == "__main__":
    main()
