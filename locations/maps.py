"""Static maps drawn from coordinates, with no request to a map or tile server.

The outline of the 48 contiguous states is a coarse polygon traced for this project from
well-known coastal and border points (capes, ports, border crossings); it places centers and a
search's origin at a glance, it is no survey. Points are projected equirectangularly with the
longitude scaled by the cosine of the map's middle latitude, which keeps shapes recognizable at
this scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WEST, EAST, SOUTH, NORTH = -125.5, -66.0, 24.0, 49.8
WIDTH = 960
_SCALE_X = math.cos(math.radians((SOUTH + NORTH) / 2))
HEIGHT = round(WIDTH * (NORTH - SOUTH) / ((EAST - WEST) * _SCALE_X))

# (longitude, latitude), clockwise from Cape Flattery.
US_OUTLINE = [
    (-124.7, 48.4), (-123.0, 49.0), (-95.2, 49.0), (-94.8, 49.3), (-89.6, 48.0), (-84.8, 46.5),
    (-82.4, 43.0), (-83.0, 42.0), (-79.0, 42.9), (-76.0, 44.2), (-74.7, 45.0), (-71.5, 45.0),
    (-70.0, 46.7), (-69.2, 47.4), (-67.8, 47.1), (-67.0, 44.8), (-70.2, 43.6), (-70.6, 42.6),
    (-70.0, 41.7), (-71.9, 41.3), (-74.0, 40.6), (-74.0, 39.5), (-74.9, 38.9), (-75.5, 38.0),
    (-76.0, 37.0), (-75.5, 35.2), (-77.9, 33.9), (-79.9, 32.8), (-81.1, 32.0), (-81.4, 30.4),
    (-80.0, 26.7), (-80.4, 25.2), (-81.1, 25.1), (-82.8, 27.9), (-84.3, 30.0), (-85.4, 29.7),
    (-87.6, 30.3), (-89.6, 30.2), (-89.4, 29.0), (-90.5, 29.1), (-93.8, 29.7), (-94.8, 29.3),
    (-97.2, 27.6), (-97.4, 25.9), (-99.5, 27.5), (-101.4, 29.8), (-103.0, 29.0), (-104.7, 29.9),
    (-106.5, 31.8), (-108.2, 31.3), (-111.1, 31.3), (-114.8, 32.5), (-117.1, 32.5),
    (-118.4, 34.0), (-120.6, 34.6), (-121.9, 36.6), (-122.5, 37.8), (-123.8, 39.8),
    (-124.4, 42.0), (-124.0, 46.2),
]  # fmt: skip


@dataclass(frozen=True)
class MapPoint:
    x: float
    y: float
    label: str


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """SVG coordinates of a point on the map (outside the frame for Alaska, Hawaii...)."""
    x = (longitude - WEST) / (EAST - WEST) * WIDTH
    y = (NORTH - latitude) / (NORTH - SOUTH) * HEIGHT
    return round(x, 1), round(y, 1)


def outline_path() -> str:
    """The outline as an SVG path."""
    points = [project(lat, lon) for lon, lat in US_OUTLINE]
    return "M" + " L".join(f"{x} {y}" for x, y in points) + " Z"


def map_point(latitude: float, longitude: float, label: str) -> MapPoint | None:
    """A point to draw, or None when it falls outside the contiguous states' frame."""
    x, y = project(float(latitude), float(longitude))
    if not (0 <= x <= WIDTH and 0 <= y <= HEIGHT):
        return None
    return MapPoint(x, y, label)
