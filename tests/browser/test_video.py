"""Click-to-load video in Chromium: nothing leaves the site until the patient presses the button.

Requests to other hosts are intercepted: the player's is answered by a stub (no real request to
YouTube), any other is aborted and recorded, so the test fails if the page reaches out on its own.
"""

import pytest
from playwright.sync_api import Page, Route, expect

from tests.factories import StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"


def test_clicking_the_button_inserts_the_player(live_server, page: Page, site_pages):
    StandardPageFactory(
        parent=site_pages,
        title="Exercises",
        slug="exercises",
        body=[("embed", "https://youtu.be/dQw4w9WgXcQ")],
    )
    outside: list[str] = []

    def intercept(route: Route) -> None:
        url = route.request.url
        if url.startswith(live_server.url):
            route.continue_()
            return
        outside.append(url)
        if url.startswith("https://www.youtube-nocookie.com/embed/"):
            route.fulfill(status=200, content_type="text/html", body="<p>Stub player</p>")
        else:
            route.abort()

    page.context.route("**/*", intercept)
    page.goto(f"{live_server.url}/en/exercises/")
    figure = page.locator("figure.video-embed")
    button = figure.get_by_role("button", name="Load the video here")

    expect(figure.get_by_role("link", name="Watch on YouTube")).to_have_attribute(
        "href", "https://youtu.be/dQw4w9WgXcQ"
    )
    expect(button).to_have_text("Load the video here (it loads content from youtube.com)")
    expect(figure.locator("iframe")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert outside == []

    button.click()

    iframe = figure.locator("iframe")
    expect(iframe).to_have_attribute("src", PLAYER)
    expect(iframe).to_have_attribute("title", "Video player (YouTube)")
    expect(button).to_have_count(0)
    expect(
        page.frame_locator("figure.video-embed iframe").get_by_text("Stub player")
    ).to_be_visible()
    assert outside == [PLAYER]
