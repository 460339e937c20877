"""Factories for centre pages; coordinates are given explicitly so tests never geocode by accident."""

import factory
import wagtail_factories

from locations.models import LocationIndexPage, LocationPage


class LocationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Locations"
    slug = "locations"

    class Meta:
        model = LocationIndexPage


class LocationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Centre {n}")
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
