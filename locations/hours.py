"""Opening-hours arithmetic: which ranges apply on a day, and whether a centre is open right now.

Plain data in, plain answers out, so the rules are tested without a database and mirrored exactly
by `static/locations/js/hours.js` (which recomputes "open now" in the browser: a cached page must
not keep saying "Open now" after closing time). Rules:

- Everything is in the centre's own time zone, whatever the server's or the visitor's.
- A dated exception covering a day replaces that day's weekly hours; a closed exception wins over
  special-hours exceptions on the same day.
- A range whose closing time is not after its opening time runs past midnight (22:00-02:00, or
  18:00-00:00 meaning "until midnight").
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone


@dataclass(frozen=True, order=True)
class TimeRange:
    opens: time
    closes: time

    @property
    def overnight(self) -> bool:
        return self.closes <= self.opens

    def covers_same_day(self, moment: time) -> bool:
        if self.overnight:
            return moment >= self.opens
        return self.opens <= moment < self.closes

    def covers_next_morning(self, moment: time) -> bool:
        return self.overnight and moment < self.closes


@dataclass(frozen=True)
class DatedHours:
    """Hours that replace the weekly schedule from `start` to `end` (inclusive)."""

    start: date
    end: date
    closed: bool
    ranges: tuple[TimeRange, ...] = ()
    reason: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class HoursStatus:
    is_open: bool
    local_time: datetime
    today: tuple[TimeRange, ...]
    exception: DatedHours | None


@dataclass(frozen=True)
class Schedule:
    time_zone: str
    weekly: dict[int, tuple[TimeRange, ...]] = field(default_factory=dict)  # Monday is 0
    exceptions: tuple[DatedHours, ...] = ()

    @classmethod
    def build(
        cls,
        time_zone: str,
        weekly: Iterable[tuple[int, time, time]],
        exceptions: Iterable[DatedHours] = (),
    ) -> "Schedule":
        days: dict[int, list[TimeRange]] = {}
        for weekday, opens, closes in weekly:
            days.setdefault(weekday, []).append(TimeRange(opens, closes))
        return cls(
            time_zone,
            {day: tuple(sorted(ranges)) for day, ranges in days.items()},
            tuple(sorted(exceptions, key=lambda e: (e.start, e.end))),
        )

    def exceptions_on(self, day: date) -> list[DatedHours]:
        return [exception for exception in self.exceptions if exception.covers(day)]

    def ranges_on(self, day: date) -> tuple[TimeRange, ...]:
        covering = self.exceptions_on(day)
        if covering:
            if any(exception.closed for exception in covering):
                return ()
            return tuple(sorted(r for exception in covering for r in exception.ranges))
        return self.weekly.get(day.weekday(), ())

    def local_time(self, now: datetime | None = None) -> datetime:
        return (now or timezone.now()).astimezone(ZoneInfo(self.time_zone))

    def is_open_at(self, local: datetime) -> bool:
        moment, day = local.time(), local.date()
        if any(r.covers_same_day(moment) for r in self.ranges_on(day)):
            return True
        yesterday = self.ranges_on(day - timedelta(days=1))
        return any(r.covers_next_morning(moment) for r in yesterday)

    def status(self, now: datetime | None = None) -> HoursStatus:
        local = self.local_time(now)
        today = local.date()
        covering = self.exceptions_on(today)
        exception = next((e for e in covering if e.closed), covering[0] if covering else None)
        return HoursStatus(self.is_open_at(local), local, self.ranges_on(today), exception)

    def upcoming_exceptions(self, now: datetime | None = None) -> list[DatedHours]:
        today = self.local_time(now).date()
        return [exception for exception in self.exceptions if exception.end >= today]

    def as_data(self) -> dict:
        """The schedule as JSON-ready data for the browser-side clock."""
        return {
            "timeZone": self.time_zone,
            "weekly": [
                [_range_data(r) for r in self.weekly.get(weekday, ())] for weekday in range(7)
            ],
            "exceptions": [
                {
                    "start": e.start.isoformat(),
                    "end": e.end.isoformat(),
                    "closed": e.closed,
                    "ranges": [_range_data(r) for r in e.ranges],
                }
                for e in self.exceptions
            ],
        }


def _range_data(time_range: TimeRange) -> list[str]:
    return [time_range.opens.strftime("%H:%M"), time_range.closes.strftime("%H:%M")]
