"""Kept parts of pages (network.caching.page_fragment, `{% page_fragment %}`) and kept routes
(network.routing): a page seen before is served without a query or a re-render, purged by any
content change, never kept for a preview or with a visitor's CSRF token."""

import pytest
from django.core.cache import caches
from django.middleware.csrf import get_token

from network.caching import generation, page_fragment
from network.models import NetworkSettings
from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_kept(settings):
    settings.FRAGMENT_CACHE_SECONDS = 300  # the default, which the tests' conftest turns off


@pytest.fixture
def articles(home):
    NetworkSettings.for_site(home.get_site())  # created now, not by the first visit (a purge)
    index = BlogIndexPageFactory(parent=home, slug="health-articles")
    other = BlogPageFactory(parent=index, title="Sitting well", slug="sitting-well")
    article = BlogPageFactory(
        parent=index,
        title="Sciatica",
        slug="sciatica",
        body=[("paragraph", "<p>Nerve pain down the leg.</p>")],
        related=[other],
    )
    return article, other


def test_an_article_seen_before_costs_no_query_and_reads_the_same(
    client, articles, settings, django_assert_num_queries
):
    article, _other = articles
    first = client.get(article.url)

    with django_assert_num_queries(0):
        again = client.get(article.url)
    settings.FRAGMENT_CACHE_SECONDS = 0
    rendered = client.get(article.url)

    assert again.content == first.content == rendered.content
    assert "Nerve pain down the leg." in again.text


def test_publishing_the_article_or_a_related_one_shows_at_once(client, articles):
    article, other = articles
    client.get(article.url)

    article.body = [("paragraph", "<p>Numbness in the foot too.</p>")]
    article.save_revision().publish()
    other.title = "Sitting without pain"
    other.save_revision().publish()

    html = client.get(article.url).text
    assert "Numbness in the foot too." in html
    assert "Nerve pain down the leg." not in html
    assert "Sitting without pain" in html  # the "Read more" card


def test_a_preview_renders_the_draft_not_the_kept_live_page(client, articles):
    article, _other = articles
    client.get(article.url)  # the live version kept

    article.title = "Sciatica (draft)"
    preview = article.make_preview_request()

    assert "Sciatica (draft)" in preview.content.decode()
    assert "Sciatica (draft)" not in client.get(article.url).text


def test_a_part_that_asked_for_a_csrf_token_is_never_kept(rf, articles):
    article, _other = articles
    renders = []

    def render_with_token(request):
        renders.append(get_token(request))
        return renders[-1]

    for _ in range(2):
        request = rf.get(article.url)
        get_token(request)  # the page asked for one before: the fragment's own is still seen
        page_fragment(request, article, "form", lambda request=request: render_with_token(request))

    assert len(renders) == 2
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # the cookie is still sent


def test_parts_are_kept_only_at_the_pages_own_url(rf, articles):
    article, _other = articles
    renders = []
    for path in (article.url + "?utm=1", "/en/health-articles//sciatica/", article.url):
        request = rf.get(path)
        page_fragment(request, article, "body", lambda: renders.append(1) or "html")
    request = rf.get(article.url)
    page_fragment(request, article, "body", lambda: renders.append(1) or "html")

    # The query string is not part of the path; the doubled slash is another URL: rendered, not
    # kept; the page's own URL is rendered once, then read.
    assert len(renders) == 2


def test_only_exact_page_urls_are_kept_by_the_router(client, home, articles, settings):
    article, _other = articles
    client.get(article.url)
    client.get("/en/health-articles/topic/made-up/")

    def kept_route(path):
        key = f"kept:{generation()}:route:{home.get_site().pk}:en:{path}"
        return caches[settings.CACHE_MIDDLEWARE_ALIAS].get(key)

    assert kept_route("health-articles/sciatica") is not None
    assert kept_route("health-articles/topic/made-up") is None


def test_the_language_links_carry_each_visitors_own_query_string(client, home_es):
    """The header is kept per page, but not its language links, which keep the query string
    (a search, a page number): kept with it, a visitor saw the previous visitor's search."""
    client.get("/en/", {"q": "78701"})
    html = client.get("/en/", {"page": "2"}).text

    assert '<a href="/es/?page=2" hreflang="es" lang="es">Español</a>' in html
    assert "78701" not in html
