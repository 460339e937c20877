"""Opening hours and "open now", in each centre's own time zone, with a frozen clock."""

from datetime import UTC, date, datetime, time
from zoneinfo import available_timezones

import pytest
import time_machine

from locations.hours import DatedHours, Schedule, TimeRange
from locations.states import US_TIME_ZONES

NINE_TO_FIVE = [(day, time(9), time(17)) for day in range(5)]


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def schedule(zone: str, weekly=NINE_TO_FIVE, exceptions=()) -> Schedule:
    return Schedule.build(zone, weekly, exceptions)


@time_machine.travel(at(2026, 12, 1, 16, 30), tick=False)  # a Tuesday
def test_open_now_is_computed_in_each_centres_time_zone():
    los_angeles = schedule("America/Los_Angeles").status()  # 8:30 there
    new_york = schedule("America/New_York").status()  # 11:30 there

    assert los_angeles.is_open is False
    assert los_angeles.local_time.hour == 8
    assert new_york.is_open is True
    assert new_york.today == (TimeRange(time(9), time(17)),)


def test_arizona_keeps_standard_time_in_summer():
    now = at(2026, 7, 1, 15, 30)

    assert schedule("America/Phoenix").status(now).is_open is False  # 8:30, no DST
    assert schedule("America/Denver").status(now).is_open is True  # 9:30 MDT


@pytest.mark.parametrize(
    ("utc_hour", "utc_minute", "expected"),
    [(13, 59, False), (14, 0, True), (21, 59, True), (22, 0, False)],  # New York is UTC-5
)
def test_opening_and_closing_minutes_are_inclusive_and_exclusive(utc_hour, utc_minute, expected):
    now = at(2026, 12, 1, utc_hour, utc_minute)

    assert schedule("America/New_York").status(now).is_open is expected


def test_a_holiday_closure_replaces_the_weekly_hours():
    christmas = DatedHours(date(2026, 12, 25), date(2026, 12, 25), closed=True, reason="Holiday")
    centre = schedule("America/New_York", exceptions=[christmas])

    status = centre.status(at(2026, 12, 25, 16, 0))  # Friday 11:00 in New York

    assert status.is_open is False
    assert status.today == ()
    assert status.exception == christmas
    assert centre.status(at(2026, 12, 24, 16, 0)).is_open is True  # the day before: usual hours


def test_special_hours_replace_the_day_and_a_closure_wins_over_them():
    short_day = DatedHours(
        date(2026, 12, 24), date(2026, 12, 24), closed=False, ranges=(TimeRange(time(9), time(12)),)
    )
    centre = schedule("America/Chicago", exceptions=[short_day])

    assert centre.status(at(2026, 12, 24, 16, 0)).is_open is True  # 10:00 in Chicago
    assert centre.status(at(2026, 12, 24, 19, 0)).is_open is False  # 13:00: closed early
    closure = DatedHours(date(2026, 12, 23), date(2026, 12, 26), closed=True)
    both = schedule("America/Chicago", exceptions=[short_day, closure])
    assert both.status(at(2026, 12, 24, 16, 0)).is_open is False


def test_special_hours_open_a_usually_closed_day():
    saturday = DatedHours(
        date(2026, 12, 5), date(2026, 12, 5), closed=False, ranges=(TimeRange(time(8), time(12)),)
    )
    centre = schedule("America/New_York", exceptions=[saturday])

    assert centre.status(at(2026, 12, 5, 14, 0)).is_open is True  # Saturday 9:00
    assert centre.status(at(2026, 12, 12, 14, 0)).is_open is False  # the next Saturday


def test_an_overnight_range_stays_open_past_midnight():
    friday_night = [(4, time(22), time(2))]
    centre = schedule("America/New_York", weekly=friday_night)

    assert centre.status(at(2026, 12, 5, 4, 0)).is_open is True  # Friday 23:00
    assert centre.status(at(2026, 12, 5, 6, 30)).is_open is True  # Saturday 1:30
    assert centre.status(at(2026, 12, 5, 7, 0)).is_open is False  # Saturday 2:00
    assert centre.status(at(2026, 12, 4, 6, 30)).is_open is False  # Thursday night: not open


def test_until_midnight_means_the_end_of_the_day():
    centre = schedule("America/New_York", weekly=[(1, time(18), time(0))])

    assert centre.status(at(2026, 12, 2, 4, 59)).is_open is True  # Tuesday 23:59
    assert centre.status(at(2026, 12, 2, 5, 0)).is_open is False  # Wednesday 0:00


def test_several_ranges_a_day_leave_the_lunch_break_closed():
    split = [(0, time(8), time(12)), (0, time(13), time(17))]
    centre = schedule("America/New_York", weekly=split)

    assert centre.status(at(2026, 11, 30, 16, 30)).is_open is True  # 11:30
    assert centre.status(at(2026, 11, 30, 17, 30)).is_open is False  # 12:30
    assert centre.status(at(2026, 11, 30, 18, 30)).is_open is True  # 13:30


def test_schedule_data_for_the_browser_clock():
    closure = DatedHours(date(2026, 12, 25), date(2026, 12, 26), closed=True)
    data = schedule("America/Denver", exceptions=[closure]).as_data()

    assert data["timeZone"] == "America/Denver"
    assert data["weekly"][0] == [["09:00", "17:00"]]
    assert data["weekly"][6] == []
    assert data["exceptions"] == [
        {"start": "2026-12-25", "end": "2026-12-26", "closed": True, "ranges": []}
    ]


def test_every_time_zone_offered_to_editors_exists_in_zoneinfo():
    assert {zone for zone, _label in US_TIME_ZONES} <= available_timezones()
