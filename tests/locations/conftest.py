"""Fixtures of the locations tests: the finder page, a fully described centre, both languages."""

import pytest
from wagtail.models import Page, Site

from locations.models import LocationProvider
from network.localization import translate
from network.models import NetworkSettings
from tests.factories import PersonFactory, ServiceFactory, StandardPageFactory
from tests.locations.factories import (
    WEEKDAYS_9_TO_5,
    LocationIndexPageFactory,
    LocationPageFactory,
    set_hours,
)

FINDER_ES = {"Locations": "Centros", "locations": "centros"}


@pytest.fixture
def location_index(home):
    return LocationIndexPageFactory(parent=home)


@pytest.fixture
def location_index_es(location_index, home_es):
    return translate(location_index, "es", FINDER_ES)


@pytest.fixture
def appointment_page(home):
    page = StandardPageFactory(parent=home, title="Book", slug="book")
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.appointment_page = page
    settings.save()
    return page


@pytest.fixture
def physio(locales):
    service = ServiceFactory(name="Physical therapy", slug="physical-therapy")
    translate(service, "es", {"Physical therapy": "Fisioterapia"})
    return service


@pytest.fixture
def massage(locales):
    service = ServiceFactory(name="Therapeutic massage", slug="therapeutic-massage")
    translate(service, "es", {"Therapeutic massage": "Masaje terapéutico"})
    return service


@pytest.fixture
def provider(physio):
    provider = PersonFactory(
        name="Dana Whitfield", credentials="DPT", bio="Helps runners get back on track."
    )
    provider.specialties.set([physio])
    provider.save()
    translate(
        provider,
        "es",
        {"Helps runners get back on track.": "Ayuda a los corredores a volver a correr."},
    )
    return provider


@pytest.fixture
def centre(location_index, physio, provider):
    """Austin, weekdays 9 to 5 (Central time), physical therapy, one provider."""
    page = LocationPageFactory(
        parent=location_index,
        title="Austin Downtown",
        slug="austin-downtown",
        street_address="400 Congress Avenue",
        parking_notes="Free garage behind the building.",
        accessibility_notes="Step-free entrance on 4th Street.",
    )
    page.services.set([physio])
    page.provider_links.add(LocationProvider(provider=provider))
    page.save_revision().publish()
    set_hours(page, WEEKDAYS_9_TO_5)
    return Page.objects.get(pk=page.pk).specific


CENTRE_ES = {
    "Austin Downtown": "Austin Centro",
    "austin-downtown": "austin-centro",
    "Free garage behind the building.": "Estacionamiento gratuito detrás del edificio.",
}


@pytest.fixture
def centre_es(centre, location_index_es):
    return translate(centre, "es", CENTRE_ES)
