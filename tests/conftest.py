"""Fixtures shared by every app's tests: locales, the English home page and its Spanish translation."""

import pytest
from wagtail.models import Locale, Page, Site

from network.localization import translate
from tests.factories import HomePageFactory


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {
        "en": Locale.objects.get_or_create(language_code="en")[0],
        "es": Locale.objects.get_or_create(language_code="es")[0],
    }


@pytest.fixture
def home(locales):
    """An English HomePage as the default site's root (Wagtail's placeholder page removed)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Home", slug="network-home")
    site = Site.objects.get(is_default_site=True)
    placeholder = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    placeholder.delete()
    return home


@pytest.fixture
def home_es(home):
    """The Spanish translation of the home page, made the way editors do with wagtail-localize."""
    return translate(home, "es", {"Home": "Inicio", home.hero_heading: "Alivio cerca de casa"})
