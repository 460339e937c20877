import re

import pytest
from wagtail import hooks

from network.localization import translate
from network.templatetags.network_tags import SERVICE_ICONS
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
    # What the finder accepts: a ZIP code or "City, ST" (San Antonio, TX is longer than a ZIP+4),
    # up to the finder field's own limit; no numeric keyboard on phones, since cities are words.
    assert (
        '<input id="zip-finder-q" name="q" type="text" autocomplete="postal-code" maxlength="100"'
        in english
    )
    assert "inputmode" not in english
    assert '<form class="zip-finder" action="/es/centros/" method="get"' in spanish


def test_zip_box_is_hidden_without_a_finder_page(client, home, network_settings):
    assert network_settings.finder_page is None

    assert 'id="zip-finder-q"' not in client.get("/en/").text


def test_home_leads_with_the_call_to_book(client, home, about, network_settings):
    network_settings.appointment_page = about
    network_settings.save()

    html = client.get("/en/").text
    hero = html[html.index('<section class="hero"') : html.index("</section>")]

    assert 'href="/en/about-us/">Request an appointment</a>' in hero
    assert '<a href="tel:+1-800-555-0142">or call (800) 555-0142</a>' in hero


def test_featured_services_show_in_the_visitors_language(client, home, home_es):
    service = ServiceFactory(name="Physical therapy", description="Guided exercise.")
    home.featured_services.create(service=service)
    home.save_revision().publish()
    translate(service, "es", {"Physical therapy": "Fisioterapia", "Guided exercise.": "Ejercicio."})
    translate(home, "es", {"Home": "Inicio"})

    english = client.get("/en/").text
    spanish = client.get("/es/").text

    assert "<h3>Physical therapy</h3>" in english
    assert "<p>Guided exercise.</p>" in english
    assert "<h3>Fisioterapia</h3>" in spanish
    assert "<p>Ejercicio.</p>" in spanish
    assert "Physical therapy" not in spanish


def test_service_cards_link_to_the_finder_for_that_service(client, home, network_settings):
    finder = StandardPageFactory(parent=home, title="Find a center", slug="centers")
    network_settings.finder_page = finder
    network_settings.save()
    home.featured_services.create(service=ServiceFactory(name="Physical therapy", slug="pt"))
    home.save_revision().publish()

    html = client.get("/en/").text

    assert (
        '<h3><a class="card__link" href="/en/centers/?service=pt">Physical therapy</a></h3>' in html
    )


def test_home_page_shows_sections_other_apps_add(client, home):
    def latest_articles(page, request):
        if page.specific_class.__name__ == "HomePage":
            return ("network/tags/hreflang.html", {"links": [{"code": "xx", "url": "/added/"}]})
        return None

    with hooks.register_temporarily("page_sections", latest_articles):
        response = client.get("/en/")

    assert 'hreflang="xx" href="/added/"' in response.text


def test_every_service_card_shows_its_own_icon_or_the_fallback(client, home):
    for slug in ("physical-therapy", "acupuncture", "a-service-added-later"):
        home.featured_services.create(service=ServiceFactory(slug=slug))
    home.save_revision().publish()

    html = client.get("/en/").text

    icons = re.findall(
        r'<svg class="service-card__icon"[^>]*><use href="([^"]+)"></use></svg>', html
    )
    assert icons == [
        "/static/network/img/services/physical-therapy.svg#icon",
        "/static/network/img/services/acupuncture.svg#icon",
        "/static/network/img/services/fallback.svg#icon",
    ]
    assert html.count('class="service-card__icon" viewBox="0 0 48 48" aria-hidden="true"') == 3


def test_service_icons_are_drawn_in_the_text_color():
    # currentColor: the icons follow the card's color, also in high contrast.
    icons = sorted(SERVICE_ICONS.glob("*.svg"))
    assert len(icons) >= 9  # the demo's eight services and the fallback
    for icon in icons:
        svg = icon.read_text()
        assert '<g id="icon" fill="none" stroke="currentColor"' in svg, icon.name
        assert "#" not in svg.replace('id="icon"', ""), icon.name  # no fixed color anywhere
