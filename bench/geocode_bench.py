"""Memory and time cost of offline geocoding in a fresh process.

    .venv/bin/python bench/geocode_bench.py          # uses DATABASE_URL, or db.sqlite3 (migrated)

Reports the process's resident memory after Django starts, after the first `geocode()` call and after
many calls, and the time per lookup for ZIP codes and for "City, ST". The centroids stay in the
database (one indexed query per lookup), so a web worker should pay ~0 MB for them; compare with
+139 MB for loading the `zipcodes` package's list in memory (docs/STACK-NOTES).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no /proc/self/status")


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.db import connection

    from locations.geocoding import geocode
    from locations.models import ZipCentroid

    connection.ensure_connection()
    start = rss_mb()
    zips = list(ZipCentroid.objects.values_list("zip_code", flat=True).order_by("?")[:2000])
    cities = list(ZipCentroid.objects.values_list("city", "state").distinct().order_by("?")[:2000])
    after_sample = rss_mb()

    first = time.perf_counter()
    geocode("78701")
    first_ms = (time.perf_counter() - first) * 1000
    after_first = rss_mb()

    rng = random.Random(1)
    began = time.perf_counter()
    for code in zips:
        geocode(code)
    zip_ms = (time.perf_counter() - began) * 1000 / len(zips)
    queries = [f"{city}, {state}" for city, state in cities]
    rng.shuffle(queries)
    began = time.perf_counter()
    for query in queries:
        geocode(query)
    city_ms = (time.perf_counter() - began) * 1000 / len(queries)
    end = rss_mb()

    print(f"database: {connection.vendor}")
    print(f"RSS after Django setup and DB connection: {start:7.1f} MB")
    print(
        f"RSS after the first geocode('78701'):     {after_first:7.1f} MB  (+{after_first - after_sample:.1f} MB, {first_ms:.1f} ms)"
    )
    print(
        f"RSS after {len(zips)} ZIP + {len(queries)} city lookups:  {end:7.1f} MB  (+{end - after_sample:.1f} MB in all)"
    )
    print(f"time per ZIP lookup:        {zip_ms:.3f} ms")
    print(f"time per 'City, ST' lookup: {city_ms:.3f} ms")


if __name__ == "__main__":
    main()
