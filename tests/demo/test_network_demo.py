"""`manage.py load_demo` builds the demo network and can run again without duplicating anything."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Site

from locations.models import LocationPage
from network.models import HomePage, NavigationMenu, NetworkSettings

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"network", "locations", "blog", "appointments"}
ALSO_COUNTED = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "auth.user",
    "auth.group",
    "wagtail_localize.translationsource",
    "wagtail_localize.translation",
}


DEMO_ACCOUNTS = [
    ("admin", "spine-admin-demo"),
    ("manager", "spine-manager-demo"),
    ("editor", "spine-editor-demo"),
]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS or model._meta.label_lower in ALSO_COUNTED
    }


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def test_load_demo_prints_every_account(demo):
    assert "Network administrator" in demo
    for username, password in DEMO_ACCOUNTS:
        assert f"username: {username:<12} password: {password}" in demo


def test_load_demo_again_duplicates_nothing_and_repairs_what_was_changed(demo, settings):
    """One reload for every app (a load costs tens of seconds)."""
    first = row_counts()
    austin = LocationPage.objects.get(slug="austin-downtown", locale__language_code="en")
    austin.opening_hours.all().delete()
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"  # `make run PORT=8123` sets BASE_URL

    load_demo()

    assert row_counts() == first
    assert austin.opening_hours.count() == 6
    assert LocationPage.objects.filter(slug="austin-downtown").count() == 2
    assert first["network.condition"] == first["network.service"] == 16  # 8 terms x 2 languages
    assert first["network.navigationmenu"] == 4  # main and footer x 2 languages
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)  # follows the address served


def test_demo_network_in_both_languages(demo, client):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)  # the address the demo was loaded for
    assert isinstance(site.root_page.specific, HomePage)
    assert NetworkSettings.for_site(site).main_phone.as_e164 == "+18005550142"
    menu_es = NavigationMenu.objects.get(name="main", locale__language_code="es")
    # The locations and blog demos add their sections to the network's menu.
    assert [item.label for item in menu_es.items.all()] == [
        "Inicio",
        "Quiénes somos",
        "Buscar un centro",
        "Artículos de salud",
    ]

    english = client.get("/en/")
    spanish = client.get("/es/quienes-somos/")

    assert "Relief for your back and neck, close to home" in english.text
    assert '<a href="/en/locations/">Find a center</a>' in english.text
    assert '<a href="/en/health-articles/">Health articles</a>' in english.text
    home_es = client.get("/es/").text
    assert 'href="/es/centros/?service=physical-therapy">Fisioterapia</a></h3>' in home_es
    # The footer's notices, in the visitor's language.
    assert '<a href="/es/aviso-de-privacidad/">Aviso de privacidad</a>' in home_es
    assert '<a href="/es/aviso-de-no-discriminacion/">Aviso de no discriminación</a>' in home_es
    assert "Atención telefónica de lunes a viernes" in home_es
    assert spanish.status_code == 200
    assert "Nuestro enfoque" in spanish.text
    assert 'hreflang="en" href="http://testserver/en/about-us/"' in spanish.text
    for username, password in DEMO_ACCOUNTS:
        client.logout()
        assert client.login(username=username, password=password)
        assert client.get("/admin/").status_code == 200, username
