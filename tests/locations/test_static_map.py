"""Static maps: drawn on the server from coordinates, no request to another host."""

import pytest

from locations import maps

pytestmark = pytest.mark.django_db


def test_projection_keeps_the_contiguous_states_in_the_frame_and_in_order():
    seattle = maps.project(47.61, -122.33)
    miami = maps.project(25.76, -80.19)
    austin = maps.project(30.27, -97.74)

    assert 0 < seattle[0] < austin[0] < miami[0] < maps.WIDTH
    assert 0 < seattle[1] < austin[1] < miami[1] < maps.HEIGHT
    assert maps.map_point(21.3, -157.9, "Honolulu") is None  # outside this map's frame
    assert maps.outline_path().startswith("M") and maps.outline_path().endswith("Z")


def test_centre_page_shows_where_the_centre_is(client, centre):
    html = client.get(centre.url).text
    x, y = maps.project(float(centre.latitude), float(centre.longitude))

    assert '<svg viewBox="0 0 960 ' in html
    assert f'cx="{x}" cy="{y}" r="12"><title>{centre.title}</title>' in html
    assert "https://" not in html.split('<figure class="static-map">', 1)[1].split("</figure>")[0]


def test_finder_results_map_the_centres_and_the_search_origin(client, centre_es):
    html = client.get("/es/centros/", {"q": "78701"}).text

    assert '<figure class="static-map">' in html
    assert f"<title>{centre_es.title}</title>" in html
    assert "Austin, TX 78701</title></g>" in html  # the origin
