import pytest
from wagtail import hooks

from network.localization import translate
from tests.factories import ServiceFactory, StandardPageFactory

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


def test_standard_page_renders_in_both_languages(client, about, about_es):
    english = client.get("/en/about-us/")
    spanish = client.get("/es/quienes-somos/")

    assert english.status_code == 200
    assert "<h1>About us</h1>" in english.text
    assert "Our physical therapists use graded exercise first." in english.text
    assert spanish.status_code == 200
    assert "<h1>Quiénes somos</h1>" in spanish.text
    assert "Nuestros fisioterapeutas empiezan por el ejercicio progresivo." in spanish.text


def test_zip_box_sends_the_zip_to_the_finder_page(client, home, home_es, network_settings):
    finder = StandardPageFactory(parent=home, title="Find a center", slug="centres")
    translate(finder, "es", {"Find a center": "Buscar un centro", "centres": "centros"})
    network_settings.finder_page = finder
    network_settings.save()

    english = client.get("/en/").text
    spanish = client.get("/es/").text

    assert '<form class="zip-finder" action="/en/centres/" method="get"' in english
    assert '<label for="zip-finder-q">' in english
    assert (
        '<input id="zip-finder-q" name="q" type="text" inputmode="numeric" '
        'autocomplete="postal-code"' in english
    )
    assert '<form class="zip-finder" action="/es/centros/" method="get"' in spanish


def test_zip_box_is_hidden_without_a_finder_page(client, home, network_settings):
    assert network_settings.finder_page is None

    assert 'name="q" type="text" inputmode="numeric"' not in client.get("/en/").text


def test_featured_services_show_in_the_visitors_language(client, home, home_es):
    service = ServiceFactory(name="Physical therapy", description="Guided exercise.")
    home.featured_services.create(service=service)
    home.save_revision().publish()
    translate(service, "es", {"Physical therapy": "Fisioterapia", "Guided exercise.": "Ejercicio."})
    translate(home, "es", {"Home": "Inicio"})

    english = client.get("/en/").text
    spanish = client.get("/es/").text

    assert "<h3>Physical therapy</h3><p>Guided exercise.</p>" in english
    assert "<h3>Fisioterapia</h3><p>Ejercicio.</p>" in spanish
    assert "Physical therapy" not in spanish


def test_home_page_shows_sections_other_apps_add(client, home):
    def latest_articles(page, request):
        if page.specific_class.__name__ == "HomePage":
            return ("network/tags/hreflang.html", {"links": [{"code": "xx", "url": "/added/"}]})
        return None

    with hooks.register_temporarily("page_sections", latest_articles):
        response = client.get("/en/")

    assert 'hreflang="xx" href="/added/"' in response.text
