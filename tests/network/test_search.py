"""Search over public pages in the visitor's language; the same tests run on SQLite and PostgreSQL."""

import pytest
from django.db import OperationalError
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from network.search import MAX_QUERY_LENGTH, MAX_TERMS, clean_query
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def result_links(html: str) -> list[str]:
    if '<ol class="search-results">' not in html:
        return []
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


# --- Hostile and odd input: every search entry point cleans its query the same way -------------

HOSTILE_QUERIES = [
    'therapists"',
    '"',
    '" OR 1=1 --',
    '"><img src=x onerror=alert(1)>',
    "therapists\x00",
    "a\x00",
    "NEAR(therapists graded)",
    "physio* -graded ^first AND NOT :title",
    "(((",
    "\x1b[31mtherapists\x07",
    "x" * 5000,
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_site_search_never_fails_on_hostile_input(client, about, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert "\x00" not in response.text


def test_site_search_still_finds_words_around_stray_syntax(client, about):
    for query in ('therapists"', "therapists\x00", '"graded" "exercise'):
        assert result_links(client.get("/en/search/", {"q": query}).text) == ["/en/about-us/"]


def test_site_search_shows_what_was_typed_without_control_characters(client, about):
    response = client.get("/en/search/", {"q": 'graded\x00 "exercise'})

    assert 'value="graded &quot;exercise"' in response.text


@pytest.mark.parametrize(
    ("raw", "text", "terms"),
    [
        ('sciatica"', 'sciatica"', "sciatica"),
        ('" OR 1=1 --', '" OR 1=1 --', "or 1 1"),
        ("a\x00b", "ab", "ab"),
        ("  low\tback\npain ", "low back pain", "low back pain"),
        (
            "ZIP \uff17\uff18\uff17\uff10\uff11 or \u0667\u0668\u0667\u0660\u0661",
            "ZIP 78701 or 78701",
            "zip 78701 or 78701",
        ),
        ("NEAR(disc hernia)", "NEAR(disc hernia)", "near disc hernia"),
        ("ciática lumbar", "ciática lumbar", "ciática lumbar"),
        ("\x00\x01\x02", "", ""),
    ],
)
def test_clean_query(raw, text, terms):
    query = clean_query(raw)

    assert (query.text, query.terms) == (text, terms)


def test_clean_query_caps_length_and_words():
    query = clean_query("word " * 500)

    assert len(query.text) <= MAX_QUERY_LENGTH
    assert len(query.terms.split()) == MAX_TERMS


def test_a_search_that_still_fails_shows_no_results_and_logs_only_the_error_class(
    client, about, monkeypatch, caplog
):
    def broken_search(self, *args, **kwargs):
        raise OperationalError("fts5: syntax error near therapists")

    monkeypatch.setattr(PageQuerySet, "search", broken_search)

    response = client.get("/en/search/", {"q": "therapists"})

    assert response.status_code == 200
    assert "0 results for “therapists”" in response.text
    assert "OperationalError" in caplog.text
    assert "therapists" not in caplog.text
