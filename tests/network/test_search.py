"""Search over public pages in the visitor's language; the same tests run on SQLite and PostgreSQL."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def result_links(html: str) -> list[str]:
    results = html.split('<ol class="search-results">', 1)[1].split("</ol>", 1)[0]
    return [chunk.split('"', 1)[0] for chunk in results.split('<a href="')[1:]]


def test_search_finds_a_page_by_a_word_in_its_body(client, about, about_es):
    english = client.get("/en/search/", {"q": "therapists"})
    spanish = client.get("/es/search/", {"q": "fisioterapeutas"})

    assert result_links(english.text) == ["/en/about-us/"]
    assert "1 result for “therapists”" in english.text
    assert result_links(spanish.text) == ["/es/quienes-somos/"]


def test_search_stays_in_the_visitors_language(client, about, about_es):
    assert result_links(client.get("/es/search/", {"q": "therapists"}).text) == []
    assert result_links(client.get("/en/search/", {"q": "fisioterapeutas"}).text) == []


def test_search_leaves_out_drafts_and_private_pages(client, home):
    draft = StandardPageFactory(parent=home, slug="draft", live=False, introduction="vertebra")
    private = StandardPageFactory(parent=home, slug="private", introduction="vertebra")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = StandardPageFactory(parent=home, slug="public", introduction="vertebra")

    links = result_links(client.get("/en/search/", {"q": "vertebra"}).text)

    assert links == [public.url]
    assert draft.url not in links


def test_search_without_a_query_shows_only_the_form(client, home):
    response = client.get("/en/search/", {"q": "   "})

    assert response.status_code == 200
    assert '<input id="search-q" type="search" name="q" value="">' in response.text
    assert 'class="search-results"' not in response.text


def test_search_rejects_post(client, home):
    assert client.post("/en/search/", {"q": "back"}).status_code == 405
