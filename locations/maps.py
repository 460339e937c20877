"""Static maps drawn from coordinates, with no request to a map or tile server.

The states are the US Census Bureau's cartographic boundaries (public domain), as redistributed
in the `us-atlas` TopoJSON (ISC licence), projected and simplified once by
`manage.py build_state_map` into `locations/static/locations/img/us-states.svg`. The page draws
that file as the map's background and puts centers and a search's origin on it with `project`,
the very function the file was drawn with, so dots land where the shapes say they should.

The projection is an Albers equal-area conic (standard parallels 29.5° and 45.5° N, centered
on 96° W), the usual one for maps of the 48 contiguous states: their shapes and relative areas
look as people know them. Alaska, Hawaii and the territories fall outside this map's frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Albers equal-area conic, spherical form (Snyder, "Map Projections: A Working Manual", p. 100).
_PARALLEL_1, _PARALLEL_2, _ORIGIN_LAT, _ORIGIN_LON = 29.5, 45.5, 37.5, -96.0
_N = (math.sin(math.radians(_PARALLEL_1)) + math.sin(math.radians(_PARALLEL_2))) / 2
_C = math.cos(math.radians(_PARALLEL_1)) ** 2 + 2 * _N * math.sin(math.radians(_PARALLEL_1))
_RHO_0 = math.sqrt(_C - 2 * _N * math.sin(math.radians(_ORIGIN_LAT))) / _N

# SVG frame: the projected contiguous states span about 0.722 x 0.457 sphere radii; this scale
# and offset leave a margin of about 10 px around them in a 960 px wide picture.
WIDTH, HEIGHT = 960, 615
_SCALE, _X0, _Y0 = 1300.0, 490.0, 330.0

STATE_MAP = "locations/img/us-states.svg"


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    label: str


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """SVG coordinates of a point on the map (outside the frame for Alaska, Hawaii...)."""
    rho = math.sqrt(_C - 2 * _N * math.sin(math.radians(latitude))) / _N
    theta = _N * math.radians(longitude - _ORIGIN_LON)
    x = _X0 + _SCALE * rho * math.sin(theta)
    y = _Y0 - _SCALE * (_RHO_0 - rho * math.cos(theta))
    return round(x, 1), round(y, 1)


def map_point(latitude: float, longitude: float, label: str) -> MapPoint | None:
    """A point to draw, or None when it falls outside the contiguous states' frame."""
    x, y = project(float(latitude), float(longitude))
    if not (0 <= x <= WIDTH and 0 <= y <= HEIGHT):
        return None
    return MapPoint(x, y, label)
