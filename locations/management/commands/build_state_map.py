"""`manage.py build_state_map STATES_10M_JSON`: draw the finder's state map from Census shapes.

How `locations/static/locations/img/us-states.svg` was produced (run again only to change it):

1. Get `states-10m.json` from the `us-atlas` package, version 3 (ISC licence; the shapes are the
   US Census Bureau's 2017 cartographic boundary files, 1:10,000,000, public domain), e.g.
   `cd /tmp && npm pack us-atlas && tar xzf us-atlas-*.tgz` (never into the project).
2. `manage.py build_state_map /tmp/package/states-10m.json`

The file is TopoJSON: each shared border ("arc") is stored once, as quantized, delta-encoded
integers that the file's `transform` turns back into longitude and latitude. This command decodes
the arcs, projects them with `locations.maps.project` (the function that places centers on the
map at run time), simplifies each arc once (Douglas-Peucker, so neighbouring states keep exactly
the same border) and writes one SVG path per contiguous state and DC, with the source named in
the file. Alaska, Hawaii and the territories are outside the map's frame and are left out.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from locations import maps
from locations.states import US_STATES

OUTPUT = Path(__file__).resolve().parents[2] / "static" / maps.STATE_MAP
# Outside the contiguous states' frame (the territories are not in the editors' state list).
LEFT_OUT = {
    "Alaska",
    "Hawaii",
    "Puerto Rico",
    "American Samoa",
    "Guam",
    "United States Virgin Islands",
    "Commonwealth of the Northern Mariana Islands",
}
# Half a pixel of the 960 px drawing: finer than the map is ever shown (at most 512 px wide).
TOLERANCE = 0.5

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Each arc as (longitude, latitude) points: TopoJSON stores the first point of an arc and
    then differences, all quantized; `transform` scales and shifts the integers back."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: keep the ends, and any point farther than `tolerance` from the chord."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = 0, 0.0
        for index in range(first + 1, last):
            x, y = points[index]
            if length:
                d = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                d = math.hypot(x - x1, y - y1)
            if d > distance:
                farthest, distance = index, d
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring's points from its arc indexes (a negative index, ~i, is arc i walked backwards);
    consecutive arcs share their joining point, which is kept once."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def path_data(polygons: list[list[list[int]]], arcs: list[list[Point]]) -> str:
    """SVG path data for a state's polygons; rings too small to see are dropped."""
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = ring_points(ring, arcs)
            xs, ys = [x for x, _ in points], [y for _, y in points]
            if max(xs) - min(xs) < 1.5 and max(ys) - min(ys) < 1.5:
                continue
            coordinates = []
            for x, y in points:
                pair = f"{x:.0f} {y:.0f}"
                if not coordinates or coordinates[-1] != pair:
                    coordinates.append(pair)
            if len(coordinates) >= 3:
                parts.append("M" + "L".join(coordinates) + "Z")
    return "".join(parts)


def build(topology: dict) -> str:
    """The SVG document: one path per state, with its postal code as id."""
    codes = {str(name): code for code, name in US_STATES}
    projected = [
        [maps.project(latitude, longitude) for longitude, latitude in arc]
        for arc in decode_arcs(topology)
    ]
    arcs = [simplify(arc, TOLERANCE) for arc in projected]
    paths = []
    for geometry in topology["objects"]["states"]["geometries"]:
        name = geometry["properties"]["name"]
        if name in LEFT_OUT:
            continue
        if (code := codes.get(name)) is None:
            raise CommandError(f"Unknown state {name!r}.")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for arc in (projected[i if i >= 0 else ~i] for p in polygons for r in p for i in r):
            for x, y in arc:
                if not (0 <= x <= maps.WIDTH and 0 <= y <= maps.HEIGHT):
                    raise CommandError(f"{code} leaves the map's frame at {x}, {y}.")
        paths.append((code, path_data(polygons, arcs)))
    body = "\n".join(f'<path id="{code}" d="{d}"/>' for code, d in sorted(paths))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {maps.WIDTH} {maps.HEIGHT}" '
        f'width="{maps.WIDTH}" height="{maps.HEIGHT}">\n'
        "<!-- States: US Census Bureau cartographic boundary files, 2017, 1:10,000,000 (public "
        "domain), via us-atlas 3 (ISC licence, Copyright 2013-2019 Michael Bostock); Albers "
        "projection and simplification by locations/management/commands/build_state_map.py. "
        "-->\n"
        "<style>path{fill:#e6f1f5;stroke:#0b5e7e;stroke-width:1.5;stroke-linejoin:round}</style>\n"
        f"{body}\n</svg>\n"
    )


class Command(BaseCommand):
    help = "Draw locations/static/locations/img/us-states.svg from us-atlas's states-10m.json."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("topojson", type=Path, help="Path to us-atlas's states-10m.json.")

    def handle(self, *args: object, topojson: Path, **options: object) -> None:
        try:
            topology = json.loads(topojson.read_text())
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {topojson}: {error}") from error
        OUTPUT.write_text(build(topology))
        self.stdout.write(f"Wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes).")
