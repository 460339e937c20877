"""Static maps: drawn on the server from coordinates over Census state shapes shipped with the
site, no request to another host."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from locations import maps
from locations.management.commands.build_state_map import build, decode_arcs, simplify

pytestmark = pytest.mark.django_db

STATES_SVG = Path(finders.find(maps.STATE_MAP))


def state_rings(code: str) -> list[list[tuple[float, float]]]:
    """The rings of one state's path in the shipped SVG."""
    path = re.search(rf'<path id="{code}" d="([^"]+)"', STATES_SVG.read_text())[1]
    return [
        [tuple(map(float, pair.split())) for pair in ring.split("L")]
        for ring in re.findall(r"M([^MZ]+)Z", path)
    ]


def inside(point: tuple[float, float], code: str) -> bool:
    """Even-odd point-in-polygon over all of a state's rings."""
    x, y = point
    crossings = 0
    for ring in state_rings(code):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


@pytest.mark.parametrize(
    ("city", "latitude", "longitude", "state"),
    [
        ("Seattle", 47.61, -122.33, "WA"),
        ("Austin", 30.27, -97.74, "TX"),
        ("Miami", 25.76, -80.19, "FL"),
        ("Denver", 39.74, -104.99, "CO"),
        ("Boston", 42.36, -71.06, "MA"),
        ("Chicago", 41.88, -87.63, "IL"),
    ],
)
def test_a_city_is_drawn_inside_its_state_on_the_shipped_census_shapes(
    city, latitude, longitude, state
):
    # The dots and the shapes use one projection: a city lands in its own state, not a neighbour.
    assert inside(maps.project(latitude, longitude), state), city
    assert not inside(maps.project(latitude, longitude), "NM")


def test_the_shipped_state_map_is_small_complete_and_credits_its_source():
    svg = STATES_SVG.read_text()

    assert STATES_SVG.stat().st_size < 150_000
    assert len(re.findall(r'<path id="[A-Z]{2}"', svg)) == 49  # 48 contiguous states and DC
    assert "Census Bureau" in svg and "public domain" in svg and "ISC" in svg
    assert 'id="AK"' not in svg and 'id="HI"' not in svg


def test_projection_keeps_the_contiguous_states_in_the_frame_and_in_order():
    seattle = maps.project(47.61, -122.33)
    miami = maps.project(25.76, -80.19)
    austin = maps.project(30.27, -97.74)

    assert 0 < seattle[0] < austin[0] < miami[0] < maps.WIDTH
    assert 0 < seattle[1] < austin[1] < miami[1] < maps.HEIGHT
    assert maps.map_point(21.3, -157.9, "Honolulu") is None  # outside this map's frame


def test_the_build_decodes_quantized_delta_arcs_and_keeps_shared_borders_identical():
    # Two squares around Kansas and Missouri sharing one border (arc 1), in TopoJSON's encoding:
    # quantized integers, each point after the first a difference from the previous one.
    topology = {
        "transform": {"scale": [0.5, 0.5], "translate": [-102.0, 36.0]},
        "arcs": [
            [[16, 0], [0, 0], [-16, 0], [0, 8], [16, 0]],  # west: from (-94, 36) around
            [[16, 8], [0, -4], [0, -4]],  # the shared border, x = -94
            [[16, 0], [16, 0], [0, 8], [-16, 0]],  # east
        ],
        "objects": {
            "states": {
                "geometries": [
                    {"type": "Polygon", "properties": {"name": "Kansas"}, "arcs": [[0, 1]]},
                    {"type": "Polygon", "properties": {"name": "Missouri"}, "arcs": [[-3, -2]]},
                    {"type": "Polygon", "properties": {"name": "Hawaii"}, "arcs": [[0]]},
                ]
            }
        },
    }
    assert decode_arcs(topology)[1] == [(-94.0, 40.0), (-94.0, 38.0), (-94.0, 36.0)]

    svg = build(topology)
    kansas = re.search(r'<path id="KS" d="([^"]+)"', svg)[1]
    missouri = re.search(r'<path id="MO" d="([^"]+)"', svg)[1]
    border = {f"{x:.0f} {y:.0f}" for x, y in (maps.project(40, -94), maps.project(36, -94))}
    assert border <= set(re.split("[MLZ]", kansas)) and border <= set(re.split("[MLZ]", missouri))
    assert 'id="HI"' not in svg
    # The straight border's middle point is dropped by the simplification.
    assert simplify([(0, 0), (0, 5), (0, 10)], 0.5) == [(0, 0), (0, 10)]


def test_centre_page_shows_where_the_centre_is_over_the_shipped_states(client, centre):
    html = client.get(centre.url).text
    x, y = maps.project(float(centre.latitude), float(centre.longitude))
    figure = html.split('<figure class="static-map">', 1)[1].split("</figure>")[0]

    assert '<svg viewBox="0 0 960 615"' in figure
    assert '<image class="static-map__land" href="/static/locations/img/us-states' in figure
    assert f'cx="{x}" cy="{y}" r="12"><title>{centre.title}</title>' in figure
    assert "https://" not in figure and "http://" not in figure


def test_finder_results_map_the_centres_and_the_search_origin(client, centre_es):
    html = client.get("/es/centros/", {"q": "78701"}).text

    assert '<figure class="static-map">' in html
    assert f"<title>{centre_es.title}</title>" in html
    assert "Austin, TX 78701</title></g>" in html  # the origin
