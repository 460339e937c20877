"""The page cache and HTTP caching headers (network.pagecache): public pages are answered from the
cache and purged by any content change; nothing personal or searched is ever stored."""

from unittest import mock

import pytest
from django.middleware import cache as cache_middleware
from django.middleware.csrf import get_token
from django.test import Client
from wagtail import hooks

from network.models import NavigationMenu, NavigationMenuItem
from tests.blog.factories import BlogIndexPageFactory
from tests.locations.factories import LocationIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 60  # the default, which other tests turn off


def test_public_pages_are_cached_and_say_so(client, home, about, django_assert_num_queries):
    first = client.get(about.url)

    with django_assert_num_queries(0):
        second = client.get(about.url)

    assert second.content == first.content
    assert first["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert client.get(about.url, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_publishing_purges_the_page_and_every_page_that_shows_it(client, home, about):
    NavigationMenuItem.objects.create(
        menu=NavigationMenu.objects.create(name="main", locale=home.locale),
        link_page=about,
        locale=home.locale,
    )
    assert ">About us</a>" in client.get("/en/").text

    about.title = "About the network"
    about.save_revision().publish()

    assert "<h1>About the network</h1>" in client.get(about.url).text
    assert ">About the network</a>" in client.get("/en/").text  # another page's menu


def test_unpublished_pages_leave_the_cache(client, home, about):
    assert client.get(about.url).status_code == 200

    about.unpublish()

    assert client.get(about.url).status_code == 404


def test_signed_in_editors_get_private_uncached_pages(admin_client, home, about):
    first = admin_client.get(about.url)
    second = admin_client.get(about.url)

    assert first["Cache-Control"] == "private"
    assert "userbar" in second.text


def test_a_page_whose_html_carries_a_csrf_token_is_never_shared(client, home, about):
    """A form's token belongs to one visitor: such a page is private (forms on cached pages take
    a fresh token from /api/form-token/ instead: docs/performance.md)."""

    def form_section(page, request):
        get_token(request)

    with hooks.register_temporarily("page_sections", form_section):
        response = client.get("/en/")

    assert response["Cache-Control"] == "private"


@pytest.mark.parametrize(
    "url",
    ["/en/search/?q=sciatica", "/en/locations/?q=78701", "/en/health-articles/?q=sciatica"],
)
def test_searches_are_never_stored(client, home, url):
    BlogIndexPageFactory(parent=home, slug="health-articles")
    LocationIndexPageFactory(parent=home)

    response = client.get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_the_language_redirect_follows_each_visitor(client, home, home_es):
    client.get("/en/")  # a cached page in the way changes nothing

    english = client.get("/", headers={"accept-language": "en"})
    spanish = client.get("/", headers={"accept-language": "es"})

    assert (english.status_code, english["Location"]) == (302, "/en/")
    assert (spanish.status_code, spanish["Location"]) == (302, "/es/")


def test_a_form_on_a_cached_page_gets_a_fresh_token_that_the_site_accepts(home):
    browser = Client(enforce_csrf_checks=True)

    response = browser.get("/api/form-token/")
    token = response.json()["csrfToken"]
    posted = browser.post(
        "/admin/login/", {"username": "nobody", "password": "x", "csrfmiddlewaretoken": token}
    )
    forged = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": "nobody", "password": "x", "csrfmiddlewaretoken": token}
    )

    assert "no-store" in response["Cache-Control"]
    assert posted.status_code == 200  # the sign-in form again (wrong password), not a 403
    assert forged.status_code == 403  # a token without its visitor's cookie is refused


def test_answers_under_api_are_not_looked_up_in_the_page_cache(client, home, about):
    """Only Wagtail pages are kept: each patient's token GET skips the lookup (two round trips to
    Redis), and is still never stored; pages are still looked up and served from the cache."""
    looked_up = mock.patch.object(
        cache_middleware, "get_cache_key", wraps=cache_middleware.get_cache_key
    )
    with looked_up as lookup:
        first = client.get("/api/form-token/")
        second = client.get("/api/form-token/")
    assert lookup.call_count == 0
    assert first.status_code == second.status_code == 200
    assert first.json()["fields"]["form_token"] != second.json()["fields"]["form_token"]
    assert "no-store" in second["Cache-Control"]

    client.get(about.url)
    with looked_up as lookup:
        assert client.get(about.url)["Cache-Control"].startswith("public")
    assert lookup.call_count == 1
