"""The site chrome every page shares: header, menus, language switcher, footer."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import translation

from network.localization import translate
from network.models import NavigationMenu, NavigationMenuItem
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_header_shows_the_settings(client, home, about, network_settings):
    network_settings.appointment_page = about
    network_settings.facebook_url = "https://www.facebook.com/example-network"
    network_settings.save()

    html = client.get("/en/").text

    assert '<a class="brand" href="/en/">' in html
    assert "<span>Test Spine Network</span></a>" in html
    assert '<a class="site-header__phone" href="tel:+1-800-555-0142">' in html
    assert '<span class="visually-hidden">Call us: </span>(800) 555-0142</span></a>' in html
    assert 'href="/en/about-us/">Request an appointment</a>' in html
    assert '<a href="https://www.facebook.com/example-network" rel="noopener">Facebook</a>' in html
    assert "Test Spine Network</title>" in html


def test_footer_shows_address_phone_hours_notices_and_social_links(
    client, home, home_es, about, about_es, network_settings
):
    network_settings.postal_address = "2100 Lamar Boulevard\nAustin, TX 78705"
    network_settings.phone_opens = datetime.time(7, 0)
    network_settings.phone_closes = datetime.time(19, 0)
    network_settings.phone_time_zone = "ET"
    network_settings.privacy_page = about
    network_settings.non_discrimination_page = about
    network_settings.instagram_url = "https://www.instagram.com/example-network"
    network_settings.save()

    english = client.get("/en/").text
    spanish = client.get("/es/").text

    assert "<address>2100 Lamar Boulevard<br>Austin, TX 78705</address>" in english
    assert "Phone lines open Monday to Friday, 7 a.m. to 7 p.m. (Eastern Time)." in english
    assert english.count('<a href="/en/about-us/">About us</a>') == 2  # privacy, nondiscrimination
    assert '<a href="https://www.instagram.com/example-network" rel="noopener">Instagram</a>' in (
        english
    )
    assert "de lunes a viernes, de 07:00 a 19:00 (hora del Este)." in spanish
    assert spanish.count('<a href="/es/quienes-somos/">Quiénes somos</a>') == 2


def test_header_leaves_out_what_is_not_set(client, home):
    html = client.get("/en/").text

    assert "tel:" not in html
    assert "Request an appointment" not in html


def test_menus_link_to_pages_in_the_visitors_language(client, home, home_es, about, about_es):
    for name, label in (("main", "About the network"), ("footer", "Who we are")):
        menu = NavigationMenu.objects.create(name=name, locale=home.locale)
        NavigationMenuItem.objects.create(
            menu=menu, link_page=about, label=label, locale=home.locale
        )
        translate(menu, "es", {"About the network": "Sobre la red", "Who we are": "Quiénes somos"})

    english = client.get("/en/").text
    spanish = client.get("/es/").text

    assert '<nav class="menu menu--main" aria-label="Main">' in english
    assert '<a href="/en/about-us/">About the network</a>' in english
    assert '<nav class="menu menu--footer" aria-label="Footer">' in english
    assert '<a href="/en/about-us/">Who we are</a>' in english
    assert '<a href="/es/quienes-somos/">Sobre la red</a>' in spanish
    assert '<a href="/es/quienes-somos/">Quiénes somos</a>' in spanish


def test_menu_skips_drafts_and_keeps_untranslated_pages(client, home, home_es, about, about_es):
    untranslated = StandardPageFactory(parent=home, title="Insurance", slug="insurance")
    draft = StandardPageFactory(parent=home, title="Coming soon", slug="coming-soon", live=False)
    menu = NavigationMenu.objects.create(name="main", locale=home.locale)
    for page in (about, untranslated, draft):
        NavigationMenuItem.objects.create(menu=menu, link_page=page, locale=home.locale)

    spanish = client.get("/es/").text

    assert '<a href="/es/quienes-somos/">Quiénes somos</a>' in spanish
    assert '<a href="/en/insurance/">Insurance</a>' in spanish  # no Spanish version yet
    assert "Coming soon" not in spanish


def test_menu_costs_the_same_queries_whatever_its_length(
    client, home, home_es, django_assert_max_num_queries
):
    menu = NavigationMenu.objects.create(name="main", locale=home.locale)

    def add_links(count: int) -> None:
        for _ in range(count):
            page = StandardPageFactory(parent=home)
            translate(page, "es", {})
            NavigationMenuItem.objects.create(menu=menu, link_page=page, locale=home.locale)

    add_links(1)
    client.get("/es/")  # warm caches shared by every request (site root paths, content types)
    cache.clear()  # the menu is computed again, as after any change
    with django_assert_max_num_queries(1000) as one_link:
        client.get("/es/")
    add_links(5)
    cache.clear()

    with django_assert_max_num_queries(len(one_link.captured_queries)):
        html = client.get("/es/").text

    assert html.count('<li><a href="/es/standard-page-') == 6


def test_menu_lists_links_in_their_order_not_the_order_they_were_stored(client, home, about):
    insurance = StandardPageFactory(parent=home, title="Insurance", slug="insurance")
    menu = NavigationMenu.objects.create(name="main", locale=home.locale)
    NavigationMenuItem.objects.create(menu=menu, link_page=about, sort_order=1, locale=home.locale)
    NavigationMenuItem.objects.create(
        menu=menu, link_page=insurance, sort_order=0, locale=home.locale
    )

    html = client.get("/en/").text

    assert html.index('href="/en/insurance/"') < html.index('href="/en/about-us/"')


def test_menu_marks_the_current_page(client, home, about):
    menu = NavigationMenu.objects.create(name="main", locale=home.locale)
    NavigationMenuItem.objects.create(menu=menu, link_page=about, locale=home.locale)

    html = client.get("/en/about-us/").text

    assert '<a href="/en/about-us/" aria-current="page">About us</a>' in html


def test_language_switcher_links_to_the_translation(client, about, about_es):
    response = client.get("/en/about-us/")

    assert '<a href="/es/quienes-somos/" hreflang="es" lang="es">Español</a>' in response.text
    assert '<span aria-current="true" lang="en">English</span>' in response.text


def test_language_switcher_falls_back_to_the_home_page_of_that_language(client, home, home_es):
    StandardPageFactory(parent=home, title="Only in English", slug="only-english")

    response = client.get("/en/only-english/")

    assert '<a href="/es/" hreflang="es" lang="es">Español</a>' in response.text


def test_language_switcher_on_views_that_are_not_pages(client, home, home_es):
    response = client.get("/es/search/")
    missing = client.get("/es/no-existe/")

    assert '<a href="/en/search/" hreflang="en" lang="en">English</a>' in response.text
    assert '<span aria-current="true" lang="es">Español</span>' in response.text
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in missing.text


def test_language_switcher_keeps_the_search_query(client, home, home_es):
    html = client.get("/en/search/", {"q": "dolor"}).text

    assert '<a href="/es/search/?q=dolor" hreflang="es" lang="es">Español</a>' in html


def test_language_switcher_keeps_the_query_on_a_translated_page(client, about, about_es):
    html = client.get("/en/about-us/", {"q": "78701", "radius": "25"}).text

    assert '<a href="/es/quienes-somos/?q=78701&amp;radius=25" hreflang="es" lang="es">' in html


def test_pages_have_a_description_a_canonical_url_and_a_share_image(client, home, about):
    home.hero_text = "Specialists in spine care near you."
    home.save_revision().publish()

    home_html = client.get("/en/").text
    about_html = client.get("/en/about-us/?utm=x").text

    assert '<meta name="description" content="Specialists in spine care near you.">' in home_html
    assert '<meta name="description" content="Clinicians who share one aim.">' in about_html
    assert '<link rel="canonical" href="http://testserver/en/about-us/">' in about_html
    assert (
        '<meta property="og:image" content="http://testserver/static/network/img/share.png">'
        in (about_html)
    )
    assert '<meta property="og:title" content="About us">' in about_html


def test_hreflang_alternates_include_x_default(client, about, about_es):
    html = client.get("/es/quienes-somos/").text

    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/about-us/">' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/quienes-somos/">' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/en/about-us/">' in html
    )


def test_untranslated_page_has_no_alternates(client, home, about):
    assert 'rel="alternate"' not in client.get("/en/about-us/").text


def test_base_template_accessibility_landmarks(client, home):
    html = client.get("/en/").text

    assert '<meta charset="utf-8">' in html
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main" tabindex="-1">' in html
    assert '<header class="site-header">' in html
    assert '<footer class="site-footer">' in html
    assert 'aria-controls="a11y-menu-panel" hidden>Accessibility</button>' in html
    for option in ("large-text", "high-contrast", "underline-links", "reduce-motion"):
        assert f'<button type="button" aria-pressed="false" data-a11y-option="{option}">' in html
    assert 'role="status" aria-live="polite" data-a11y-status data-on="on" data-off="off"' in html


def test_ui_strings_are_translated_into_spanish(client, home, home_es, network_settings):
    html = client.get("/es/").text

    with translation.override("es"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
    assert '<a class="skip-link" href="#main">Saltar al contenido principal</a>' in html
    assert "Llámenos:" in html
    assert 'data-on="activado" data-off="desactivado"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("related_posts_max", 9, "Asegúrese de que este valor es menor o igual a 6."),
        ("related_posts_max", 1, "Asegúrese de que este valor es mayor o igual a 3."),
        ("routing_radius_miles", 0, "Asegúrese de que este valor es mayor o igual a 1."),
    ],
)
def test_settings_refuse_out_of_range_values_with_a_translated_error(
    network_settings, field, value, message
):
    setattr(network_settings, field, value)

    with pytest.raises(ValidationError) as error:
        network_settings.full_clean()

    with translation.override("es"):
        assert error.value.message_dict == {field: [message]}
