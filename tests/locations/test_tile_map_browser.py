"""The interactive map in a browser: Leaflet is fetched only after "Show an interactive map" is
pressed, tiles come from the configured server only (routed here to a local handler, so no request
leaves the machine), and the site's policy lets them through."""

import io

import pytest
from PIL import Image
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import _allow_orm_beside_playwright, browser_type_launch_args

__all__ = ["_allow_orm_beside_playwright", "browser_type_launch_args"]  # fixtures used here

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TILE_HOST = "https://tiles.example.org"


def blank_tile() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (230, 241, 245)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("path", ["centre", "finder"])
def test_the_map_library_and_tiles_load_only_after_the_patient_asks(
    live_server, page: Page, settings, centre, path
):
    settings.MAP_TILE_URL = TILE_HOST + "/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Tiles: Example Network"
    tile = blank_tile()
    tiles: list[str] = []
    elsewhere: list[str] = []

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if url.startswith(live_server.url):
            request_route.continue_()
        elif url.startswith(TILE_HOST + "/"):
            tiles.append(url)
            request_route.fulfill(status=200, content_type="image/png", body=tile)
        else:
            elsewhere.append(url)
            request_route.abort()

    page.route("**/*", route)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    url = centre.url if path == "centre" else "/en/locations/?lat=30.27&lon=-97.74"
    page.goto(live_server.url + url)

    button = page.get_by_role("button", name="Show an interactive map")
    expect(button).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "leaflet" in u] and tiles == []

    button.click()

    region = page.get_by_role("region", name="Interactive map")
    expect(region).to_be_visible()
    expect(region.locator("path.tile-map__centre")).to_have_count(1)
    expect(region.locator("img.leaflet-tile-loaded").first).to_be_visible()
    expect(region).to_contain_text("Tiles: Example Network")
    expect(button).to_be_hidden()
    assert [u for u in fetched if u.endswith("/leaflet.js")]
    assert tiles and elsewhere == [] and blocked == []
    if path == "finder":
        expect(region.locator("path.tile-map__origin")).to_have_count(1)
