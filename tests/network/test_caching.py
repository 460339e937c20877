"""The cached chrome and routing (network.caching, network.chrome, network.routing): what editors
change shows on the next page view, and pages are found as Wagtail finds them."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from wagtail.models import PageViewRestriction

from network.caching import GENERATION_KEY, cached, generation, new_generation
from network.localization import translate
from network.models import NavigationMenu, NavigationMenuItem, NetworkSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_cached_values_last_until_the_content_changes():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert cached("probe", compute) == 1
    assert cached("probe", compute) == 1
    new_generation()
    assert cached("probe", compute) == 2


def test_a_request_reads_the_generation_once_and_sees_its_own_changes():
    request_started.send(sender=None)
    try:
        held = generation()
        cache.set(GENERATION_KEY, held + 1)  # another process publishes meanwhile
        assert generation() == held  # seen from the next request on
        new_generation()  # this request publishes: it sees its own change at once
        own = generation()
        assert own not in (held, held + 1)
    finally:
        request_finished.send(sender=None)
    cache.set(GENERATION_KEY, own + 5)
    assert generation() == own + 5  # outside a request, every read asks the cache


def test_a_page_view_asks_the_cache_for_the_generation_once_and_for_no_chrome_kept_here(
    client, home, about
):
    for _ in range(2):  # the first view also creates the network settings (a new generation)
        client.get("/en/about-us/")  # the chrome is cached, and kept in this process
    real_get = cache.get
    asked = []

    def counting_get(key, *args, **kwargs):
        asked.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(cache, "get", counting_get):
        assert client.get("/en/about-us/").status_code == 200
    assert asked.count(GENERATION_KEY) == 1
    assert [key for key in asked if key.startswith("chrome:")] == []


def test_chrome_kept_in_the_process_is_a_copy_and_follows_the_generation():
    first = cached("probe-list", lambda: ["a"])
    first.append("changed by a caller")
    assert cached("probe-list", lambda: ["b"]) == ["a"]  # a copy: the caller's change stays there
    cache.set(GENERATION_KEY, generation() + 1)  # another process published something
    assert cached("probe-list", lambda: ["b"]) == ["b"]


def test_menu_changes_show_on_the_next_view(client, home, about):
    menu = NavigationMenu.objects.create(name="main", locale=home.locale)
    item = NavigationMenuItem.objects.create(menu=menu, link_page=about, locale=home.locale)
    assert ">About us</a>" in client.get("/en/").text

    item.label = "Who we are"
    item.save()
    assert ">Who we are</a>" in client.get("/en/").text

    about.unpublish()
    assert "Who we are" not in client.get("/en/").text


def test_settings_changes_show_on_the_next_view(client, home, network_settings):
    assert "Test Spine Network" in client.get("/en/").text

    settings = NetworkSettings.objects.get(pk=network_settings.pk)
    settings.network_name = "Backbone Clinics"
    settings.save()

    assert "Backbone Clinics" in client.get("/en/").text


def test_a_new_translation_shows_in_the_switcher_and_alternates(client, home, home_es, about):
    assert "/es/quienes-somos/" not in client.get(about.url).text

    translate(about, "es", {"About us": "Quiénes somos", "about-us": "quienes-somos"})
    html = client.get(about.url).text

    assert '<a href="/es/quienes-somos/" hreflang="es" lang="es">' in html
    assert '<link rel="alternate" hreflang="es" href="http://testserver/es/quienes-somos/">' in html


def test_a_new_view_restriction_applies_at_once(client, home, about):
    assert client.get(about.url).status_code == 200

    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get(about.url)
    assert response.status_code == 200
    assert "secret" not in response.text
    assert 'name="password"' in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/en/no-such-page/",
        "/en/about-us/no-such-child/",
        "/en/about-us/draft/",
    ],
)
def test_unknown_and_unpublished_pages_are_not_found(client, home, about, path):
    draft = StandardPageFactory(parent=about, title="Draft", slug="draft")
    draft.unpublish()

    assert client.get(path).status_code == 404


def test_pages_are_routed_in_the_visitors_language(client, home, home_es, about, about_es):
    assert client.get("/es/quienes-somos/").context["page"].pk == about_es.pk
    assert client.get("/en/about-us/").context["page"].pk == about.pk
    assert client.get("/es/about-us/").status_code == 404
