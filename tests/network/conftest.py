"""Fixtures of the network app's tests: an about page in both languages and filled-in settings."""

import pytest
from wagtail.models import Site

from network.localization import translate
from network.models import NetworkSettings
from tests.factories import StandardPageFactory

ABOUT_ES = {"About us": "Quiénes somos", "about-us": "quienes-somos"}


@pytest.fixture
def about(home):
    return StandardPageFactory(
        parent=home,
        title="About us",
        slug="about-us",
        introduction="Clinicians who share one aim.",
        body=[("paragraph", "<p>Our physical therapists use graded exercise first.</p>")],
    )


@pytest.fixture
def about_es(about, home_es):
    return translate(
        about,
        "es",
        {
            **ABOUT_ES,
            "Clinicians who share one aim.": "Profesionales con un mismo objetivo.",
            "Our physical therapists use graded exercise first.": (
                "Nuestros fisioterapeutas empiezan por el ejercicio progresivo."
            ),
        },
    )


@pytest.fixture
def network_settings(home) -> NetworkSettings:
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.network_name = "Test Spine Network"
    settings.main_phone = "+18005550142"
    settings.save()
    return settings
