"""sitemap.xml and robots.txt."""

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_pages_in_both_languages(client, about, about_es):
    StandardPageFactory(parent=about, title="Draft", slug="draft", live=False)

    xml = client.get("/sitemap.xml").text

    for url in (
        "http://testserver/en/",
        "http://testserver/es/",
        "http://testserver/en/about-us/",
        "http://testserver/es/quienes-somos/",
    ):
        assert f"<loc>{url}</loc>" in xml
    assert "/en/about-us/draft/" not in xml


def test_sitemap_links_translations_to_each_other(client, about, about_es):
    xml = client.get("/sitemap.xml").text

    entry = xml.split("<loc>http://testserver/es/quienes-somos/</loc>", 1)[1].split("</url>")[0]
    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/about-us/"/>' in entry
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="es" href="http://testserver/es/quienes-somos/"/>'
        in entry
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/en/about-us/"/>'
        in entry
    )


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, home):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain"
    assert response.text.splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_robots_txt_is_cached_by_browsers_and_proxies_not_in_the_page_cache(client, home):
    response = client.get("/robots.txt", {"cb": "random"})

    assert response["Cache-Control"] == "public, max-age=3600"
    assert not response.has_header("Expires")  # cache_page's mark: one entry per query string


def test_favicon_ico_is_served(client, home):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content).startswith(b"\x00\x00\x01\x00")  # ICO header
    assert 'rel="icon" href="/favicon.ico"' in client.get("/en/").text
