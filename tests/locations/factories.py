"""Factories for centre pages; coordinates are given explicitly so tests never geocode by accident."""

import factory
import wagtail_factories

from locations.models import (
    HoursException,
    LocationIndexPage,
    LocationPage,
    OpeningHours,
)


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Center {n}")
    street_address = factory.Sequence(lambda n: f"{100 + n} Main Street")
    city = "Austin"
    state = "TX"
    zip_code = "78701"
    latitude = "30.270700"
    longitude = "-97.742000"
    phone = "+15125550100"
    intake_emails = factory.Sequence(lambda n: f"centre{n}@example.org")
    time_zone = "America/Chicago"

    class Meta:
        model = LocationPage


def set_hours(page: LocationPage, weekly: dict[int, list[tuple[str, str]]], exceptions=()) -> None:
    """Give `page` weekly hours ({weekday: [(opens, closes)]}, Monday is 0) and dated exceptions
    (HoursException keyword dicts), saved directly: these child rows are synchronised data."""
    page.opening_hours.all().delete()
    page.hours_exceptions.all().delete()
    for weekday, ranges in weekly.items():
        for opens, closes in ranges:
            OpeningHours.objects.create(page=page, weekday=weekday, opens=opens, closes=closes)
    for values in exceptions:
        HoursException.objects.create(page=page, **values)


WEEKDAYS_9_TO_5 = {day: [("09:00", "17:00")] for day in range(5)}
