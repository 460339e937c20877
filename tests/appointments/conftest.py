"""Fixtures of the appointments tests: a small Texas network around Austin (ZIP 78701).

austin       Austin Downtown, 0.2 mi from 78701, accepts requests, massage only
south        Austin South, about 5 mi, physical therapy, NOT accepting requests
round_rock   Round Rock, about 17 mi, accepts requests, physical therapy
san_antonio  San Antonio, about 74 mi (beyond the 50-mile radius), physical therapy
"""

import secrets
import socket
import time
from types import SimpleNamespace
from unittest import mock

import django
import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from wagtail.models import Page, Site

from appointments.forms import FormToken
from appointments.models import AppointmentPage
from locations.models import LocationPage
from network.localization import translate
from network.models import NetworkSettings, Service
from tests.factories import (
    ConditionFactory,
    ServiceFactory,
    make_home,
    make_home_es,
    make_locales,
)
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory


def make_centre(index, title, slug, latitude, longitude, services=(), **extra):
    page = LocationPageFactory(
        parent=index,
        title=title,
        slug=slug,
        latitude=latitude,
        longitude=longitude,
        **extra,
    )
    page.services.set(services)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def make_network(home) -> NetworkSettings:
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.central_intake_email = "intake@example.org"
    settings.main_phone = "+18005550100"
    settings.routing_radius_miles = 50
    settings.save()
    return settings


def make_centres(location_index, physio, massage) -> dict[str, LocationPage]:
    return {
        "austin": make_centre(
            location_index,
            "Austin Downtown",
            "austin-downtown",
            "30.269200",
            "-97.746000",
            [massage],
        ),
        "south": make_centre(
            location_index,
            "Austin South",
            "austin-south",
            "30.200000",
            "-97.770000",
            [physio],
            accepts_requests=False,
        ),
        "round_rock": make_centre(
            location_index, "Round Rock", "round-rock", "30.508300", "-97.678900", [physio]
        ),
        "san_antonio": make_centre(
            location_index, "San Antonio", "san-antonio", "29.424100", "-98.493600", [physio]
        ),
    }


def make_centres_es(centres, location_index) -> dict[str, LocationPage]:
    translate(location_index, "es", {"Locations": "Centros", "locations": "centros"})
    return {
        key: translate(page, "es", {page.title: f"{page.title} (es)", page.slug: f"{page.slug}-es"})
        for key, page in centres.items()
    }


def make_appointment_page(home, network) -> AppointmentPage:
    page = home.add_child(
        instance=AppointmentPage(
            title="Request an appointment",
            slug="request-an-appointment",
            intro="Tell us what brings you in.",
            consent_text="I agree to be called about my request.",
            thank_you_text="<p>We call back within a working day.</p>",
        )
    )
    page.save_revision().publish()
    network.appointment_page = page
    network.save()
    return AppointmentPage.objects.get(pk=page.pk)


def make_appointment_page_es(appointment_page) -> AppointmentPage:
    return translate(
        appointment_page,
        "es",
        {
            "Request an appointment": "Solicitar una cita",
            "request-an-appointment": "solicitar-una-cita",
            "I agree to be called about my request.": "Acepto que me llamen sobre mi solicitud.",
        },
    )


def make_world() -> SimpleNamespace:
    """Every fixture below, in both languages, made once: the `world` of a module whose tests
    share them (`tests.conftest.shared`, `module_transaction`)."""
    world = SimpleNamespace(locales=make_locales())
    world.home = make_home(world.locales)
    world.home_es = make_home_es(world.home)
    world.network = make_network(world.home)
    world.location_index = LocationIndexPageFactory(parent=world.home)
    world.physio = make_physio()
    world.massage = make_massage()
    world.centres = make_centres(world.location_index, world.physio, world.massage)
    world.centres_es = make_centres_es(world.centres, world.location_index)
    world.appointment_page = make_appointment_page(world.home, world.network)
    world.appointment_page_es = make_appointment_page_es(world.appointment_page)
    return world


def make_physio() -> Service:
    return ServiceFactory(name="Physical therapy", slug="physical-therapy")


def make_massage() -> Service:
    return ServiceFactory(name="Therapeutic massage", slug="therapeutic-massage")


@pytest.fixture
def network(home):
    return make_network(home)


@pytest.fixture
def location_index(home):
    return LocationIndexPageFactory(parent=home)


@pytest.fixture
def physio(locales):
    return make_physio()


@pytest.fixture
def massage(locales):
    return make_massage()


@pytest.fixture
def surgery(locales):
    """A service no centre offers."""
    return ServiceFactory(name="Spine surgery consult", slug="spine-surgery-consult")


@pytest.fixture
def sciatica(locales):
    return ConditionFactory(name="Sciatica", slug="sciatica")


@pytest.fixture
def centres(network, location_index, physio, massage):
    return make_centres(location_index, physio, massage)


@pytest.fixture
def centres_es(centres, home_es, location_index):
    return make_centres_es(centres, location_index)


@pytest.fixture
def appointment_page(home, network):
    return make_appointment_page(home, network)


@pytest.fixture
def appointment_page_es(appointment_page, home_es):
    return make_appointment_page_es(appointment_page)


def form_data(**overrides) -> dict:
    """A valid request for Round Rock (about 17 miles from 78701), as a browser sends it, with a
    token shown a minute ago."""
    token = FormToken(secrets.token_urlsafe(24), time.time() - 60).dumps()
    data = {
        "first_name": "Maria",
        "last_name": "Lopez",
        "phone": "(512) 555-0199",
        "email": "maria@example.com",
        "centre": "nearest",
        "zip_code": "78701",
        "latitude": "",
        "longitude": "",
        "reason": "physical-therapy",
        "contact_time": "morning",
        "message": "My lower back hurts when I sit.",
        "consent": "on",
        "website": "",
        "form_token": token,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- A real SMTP server on 127.0.0.1, the database queue and `db_worker` -------------------------

DATABASE_TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "notifications"],
    }
}


class Inbox:
    """An SMTP server's handler keeping each message and the address of each client connection."""

    def __init__(self):
        self.messages = []
        self.peers = set()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content.decode())
        self.peers.add(session.peer)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Mail through SMTP on a free local port, and no server there yet (`start()` starts one)."""
    port = free_port()
    backend = "django.core.mail.backends.smtp.EmailBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {
            "default": {
                "BACKEND": backend,
                "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
            }
        }
    else:
        settings.EMAIL_BACKEND = backend
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    inbox.start = controller.start
    yield inbox
    if controller._thread is not None:
        controller.stop()


def run_worker(*args: str) -> None:
    # The worker recycles connections between tasks, which would end the test's transaction.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", *args, verbosity=0
        )
