"""The interactive tile map: offered only when the network configures its own tile server, and
loaded only when the patient asks (the script side is in tests/locations/test_tile_map_browser.py).
"""

import json
import re

import pytest
from django.test import override_settings

from network.middleware import tile_origin
from tests.network.test_security import directives

pytestmark = pytest.mark.django_db

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"
FINDER_SEARCH = ("/en/locations/", {"q": "78701"})


def img_sources(response) -> list[str]:
    return directives(response["Content-Security-Policy"])["img-src"]


def test_without_a_tile_server_no_page_mentions_leaflet_or_another_host(client, centre):
    for response in (client.get(centre.url), client.get(*FINDER_SEARCH)):
        html = response.text

        assert "static-map" in html
        assert "leaflet" not in html.lower() and "tile-map" not in html
        assert "Show an interactive map" not in html
        assert img_sources(response) == ["'self'", "data:"]


@override_settings(MAP_TILE_URL=TILES, MAP_TILE_ATTRIBUTION="Tiles © Example Network")
def test_with_a_tile_server_the_pages_offer_the_map_without_loading_it(client, centre):
    for response in (client.get(centre.url), client.get(*FINDER_SEARCH)):
        html = response.text

        assert "Show an interactive map</button>" in html
        # The library is named for the script to fetch on a click, never loaded by the page.
        assert re.search(r"<(script|link)[^>]+leaflet", html) is None
        assert 'data-script="/static/locations/vendor/leaflet/leaflet.js"' in html
        assert '<script src="/static/locations/js/tile-map.js" defer></script>' in html
        assert 'data-attribution="Tiles © Example Network"' in html
        assert img_sources(response) == ["'self'", "data:", "https://tiles.example.org"]


@override_settings(MAP_TILE_URL=TILES)
def test_the_map_data_carries_the_centres_and_the_search_origin(client, centre):
    html = client.get(*FINDER_SEARCH).text
    box = re.search(r"<div class=\"tile-map\"[^>]*>", html)[0]
    places = json.loads(re.search(r'data-places="([^"]+)"', box)[1].replace("&quot;", '"'))
    origin = json.loads(re.search(r'data-origin="([^"]+)"', box)[1].replace("&quot;", '"'))

    assert places == [
        {
            "lat": float(centre.latitude),
            "lon": float(centre.longitude),
            "label": centre.title,
            "url": centre.url,
        }
    ]
    assert origin["label"] == "Austin, TX 78701"


@override_settings(MAP_TILE_URL=TILES)
def test_the_button_is_translated(client, centre_es):
    html = client.get(centre_es.url).text

    assert "Mostrar un mapa interactivo</button>" in html


@override_settings(MAP_TILE_URL=TILES)
def test_the_admin_policy_does_not_gain_the_tile_host(client):
    assert "tiles.example.org" not in client.get("/admin/login/")["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        (TILES, "https://tiles.example.org"),
        (
            "https://{s}.maps.example.net:8443/tiles/{z}/{x}/{y}@2x.png",
            "https://*.maps.example.net:8443",
        ),
    ],
)
def test_the_policy_names_the_tile_servers_origin_only(url, origin):
    assert tile_origin(url) == origin
