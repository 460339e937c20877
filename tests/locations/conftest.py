"""Fixtures of the locations tests: the finder page, a fully described centre, both languages."""

from types import SimpleNamespace

import pytest
from wagtail.models import Page, Site

from locations.models import LocationProvider
from network.localization import translate
from network.models import NetworkSettings
from tests.factories import (
    PersonFactory,
    ServiceFactory,
    StandardPageFactory,
    make_home,
    make_locales,
)
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


def make_physio():
    service = ServiceFactory(name="Physical therapy", slug="physical-therapy")
    translate(service, "es", {"Physical therapy": "Fisioterapia"})
    return service


def make_massage():
    service = ServiceFactory(name="Therapeutic massage", slug="therapeutic-massage")
    translate(service, "es", {"Therapeutic massage": "Masaje terapéutico"})
    return service


def make_provider(physio):
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


def make_centre(location_index, physio, provider):
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


def make_centres(centre, location_index, massage):
    """Austin (the `centre` fixture), Round Rock (massage), Dallas and Denver."""
    round_rock = LocationPageFactory(
        parent=location_index,
        title="Round Rock",
        city="Round Rock",
        zip_code="78664",
        latitude="30.508000",
        longitude="-97.678900",
    )
    round_rock.services.set([massage])
    round_rock.save_revision().publish()
    dallas = LocationPageFactory(
        parent=location_index,
        title="Dallas Uptown",
        city="Dallas",
        zip_code="75201",
        latitude="32.787600",
        longitude="-96.799700",
        accepts_requests=False,
    )
    denver = LocationPageFactory(
        parent=location_index,
        title="Denver Cherry Creek",
        city="Denver",
        state="CO",
        zip_code="80206",
        latitude="39.716000",
        longitude="-104.953000",
        time_zone="America/Denver",
    )
    for page in (round_rock, dallas, denver):
        set_hours(page, WEEKDAYS_9_TO_5)
    return {"austin": centre, "round_rock": round_rock, "dallas": dallas, "denver": denver}


@pytest.fixture
def physio(locales):
    return make_physio()


@pytest.fixture
def massage(locales):
    return make_massage()


@pytest.fixture
def provider(physio):
    return make_provider(physio)


@pytest.fixture
def centre(location_index, physio, provider):
    return make_centre(location_index, physio, provider)


@pytest.fixture
def centres(centre, location_index, massage):
    return make_centres(centre, location_index, massage)


def make_world() -> SimpleNamespace:
    """The home page, the finder and every centre above in English, made once: the `world` of a
    module whose tests share them (tests/locations/world.py)."""
    world = SimpleNamespace(locales=make_locales())
    world.home = make_home(world.locales)
    world.location_index = LocationIndexPageFactory(parent=world.home)
    world.physio = make_physio()
    world.massage = make_massage()
    world.provider = make_provider(world.physio)
    world.centre = make_centre(world.location_index, world.physio, world.provider)
    world.centres = make_centres(world.centre, world.location_index, world.massage)
    return world
