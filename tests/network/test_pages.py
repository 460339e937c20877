import pytest

from network.localization import translate
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_both_languages(client, home, home_es):
    english = client.get("/en/")
    spanish = client.get("/es/")

    assert english.status_code == 200
    assert '<html lang="en"' in english.text
    assert home.hero_heading in english.text
    assert spanish.status_code == 200
    assert '<html lang="es"' in spanish.text
    assert "Alivio cerca de casa" in spanish.text


def test_language_switcher_links_to_the_translation(client, home, home_es):
    page = StandardPageFactory(parent=home, title="About us", slug="about-us")
    translate(page, "es", {"About us": "Quiénes somos", "about-us": "quienes-somos"})

    response = client.get("/en/about-us/")

    assert 'href="/es/quienes-somos/" hreflang="es"' in response.text
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/quienes-somos/">' in (
        response.text
    )
