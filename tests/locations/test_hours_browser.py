"""hours.js recomputes "open now" in the browser, in each centre's time zone: a page served from a
cache (rendered on another day, or before closing time) must not keep the state it was rendered with.
"""

from datetime import UTC, datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import _allow_orm_beside_playwright, browser_type_launch_args
from tests.locations.factories import WEEKDAYS_9_TO_5, LocationPageFactory, set_hours

__all__ = ["_allow_orm_beside_playwright", "browser_type_launch_args"]  # fixtures used here

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Tuesday 4 June 2030, 15:30 UTC: 11:30 in New York (open), 8:30 in Los Angeles (not yet open).
BROWSER_NOW = datetime(2030, 6, 4, 15, 30, tzinfo=UTC)


def test_open_now_is_recomputed_in_the_browser(live_server, page: Page, location_index):
    centres = {}
    for zone, city in (("America/New_York", "New York"), ("America/Los_Angeles", "Los Angeles")):
        centre = LocationPageFactory(parent=location_index, title=city, time_zone=zone)
        # The server renders today (its today) as a closure; the browser lives on another day.
        set_hours(
            centre,
            WEEKDAYS_9_TO_5,
            [{"start_date": timezone.now().date(), "closed": True, "reason": "training"}],
        )
        centres[city] = centre
    page.clock.set_fixed_time(BROWSER_NOW)

    # Each center's own page (the finder's full list no longer shows hours; its results do).
    page.goto(live_server.url + centres["New York"].url)
    new_york = page.locator(f'[data-hours-clock="hours-data-{centres["New York"].pk}"]')
    expect(new_york.locator("[data-hours-state]")).to_have_text("Open now")
    expect(new_york.locator("[data-hours-today]")).to_have_text("9 a.m.\u20135 p.m.")
    expect(new_york.locator("[data-hours-reason]")).to_have_text("")

    page.goto(live_server.url + centres["Los Angeles"].url)
    los_angeles = page.locator(f'[data-hours-clock="hours-data-{centres["Los Angeles"].pk}"]')
    expect(los_angeles.locator("[data-hours-state]")).to_have_text("Closed now")
    expect(los_angeles.locator("[data-hours-state]")).to_have_class(
        "hours-now__state hours-now__state--closed"
    )
