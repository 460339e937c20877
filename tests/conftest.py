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
    """An English HomePage as the default site's root (Wagtail's placeholder page removed).

    Transactional tests (live_server, browser tests) start from a flushed database without the
    root page and site that Wagtail's migrations create, so both are created when missing.
    """
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    home = HomePageFactory(parent=root, title="Home", slug="network-home")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    placeholder = site.root_page if site.pk else None
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    if placeholder is not None:
        placeholder.delete()
    return home


@pytest.fixture
def home_es(home):
    """The Spanish translation of the home page, made the way editors do with wagtail-localize."""
    return translate(home, "es", {"Home": "Inicio", home.hero_heading: "Alivio cerca de casa"})
