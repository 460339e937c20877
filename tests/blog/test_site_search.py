"""The site search ranks articles the way a patient expects, on SQLite and PostgreSQL alike (run
this file with DATABASE_URL pointing at PostgreSQL for the second): an article whose title or
topics name the words comes before pages and centers that only mention them."""

import pytest
from django.utils import translation

from network.localization import translate
from network.search_backend import _postgres_backend_class
from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory
from tests.factories import ConditionFactory, StandardPageFactory
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = pytest.mark.django_db

MENTIONS = "<p>We treat back pain, neck pain and sciatica. Back pain is common.</p>"


def links(html: str, tag: str) -> list[str]:
    start = html.index(f'<{tag} class="search-results">')
    block = html[start : html.index(f"</{tag}>", start)]
    return [chunk.split('"', 1)[0] for chunk in block.split('<a href="')[1:]]


@pytest.fixture
def site(home):
    blog = BlogIndexPageFactory(parent=home)
    finder = LocationIndexPageFactory(parent=home)
    centre = LocationPageFactory(
        parent=finder, title="Austin Downtown", body=[("paragraph", MENTIONS)]
    )
    about = StandardPageFactory(
        parent=home, title="About us", slug="about-us", body=[("paragraph", MENTIONS)]
    )
    sciatica = ConditionFactory(name="Sciatica", slug="sciatica")
    titled = BlogPageFactory(
        parent=blog, title="Back pain at work: first steps", slug="back-pain-at-work"
    )
    by_topic = BlogPageFactory(
        parent=blog,
        title="Why your leg hurts",
        slug="leg",
        introduction="Nerve pain.",
        topics=[sciatica],
    )
    return {"blog": blog, "centre": centre, "about": about, "titled": titled, "by_topic": by_topic}


def test_an_article_titled_with_the_words_outranks_pages_and_centers_that_mention_them(
    client, site
):
    html = client.get("/en/search/", {"q": "back pain"}).text

    results = links(html, "ol")
    assert results[0] == site["titled"].url
    assert site["about"].url in results
    assert site["centre"].url not in results  # centers are listed apart, after the results
    assert html.index(site["titled"].url) < html.index('id="search-centers-title"')
    assert links(html, "ul") == [site["centre"].url]
    assert "and 1 center." in html


def test_an_article_is_found_by_its_topic_name(client, site):
    html = client.get("/en/search/", {"q": "sciatica"}).text

    assert links(html, "ol")[0] == site["by_topic"].url


def test_each_result_shows_its_kind_date_and_snippet(client, site):
    html = client.get("/en/search/", {"q": "back pain"}).text

    date = site["titled"].date
    assert f'<p class="search-result__meta">Article · <time datetime="{date:%Y-%m-%d}">' in html
    assert '<p class="search-result__snippet">A short introduction.</p>' in html
    assert '<p class="search-result__meta">Page</p>' in html
    assert '<p class="search-result__meta">Center</p>' in html


def test_home_page_is_not_a_search_result(client, home, site):
    home.hero_text = "Back pain specialists."
    home.save_revision().publish()

    assert "/en/" not in links(client.get("/en/search/", {"q": "back pain"}).text, "ol")


def test_spanish_search_ranks_the_spanish_article_first(client, site, home_es):
    translate(site["blog"], "es", {"Health articles": "Artículos de salud", "blog": "articulos"})
    translate(
        site["titled"],
        "es",
        {
            "Back pain at work: first steps": "Dolor de espalda en el trabajo",
            "back-pain-at-work": "dolor-de-espalda-en-el-trabajo",
            "A short introduction.": "Una introducción breve.",
            "Some words about backs.": "Unas palabras sobre la espalda.",
        },
    )

    html = client.get("/es/search/", {"q": "dolor de espalda"}).text

    assert links(html, "ol")[0] == "/es/articulos/dolor-de-espalda-en-el-trabajo/"


def test_postgresql_indexes_and_queries_each_language_with_its_own_configuration():
    backend = _postgres_backend_class()(
        {"SEARCH_CONFIG": "simple", "SEARCH_CONFIGS": {"en": "english", "es": "spanish"}}
    )

    assert backend.config_for("es") == "spanish"
    assert backend.config_for("en-us") == "english"
    assert backend.config_for("fr") == "simple"
    with backend.configured_for("es"):
        assert backend.config == "spanish"  # what the upstream indexer reads
    assert backend.config == "simple"
    with translation.override("es"):
        assert backend.query_compiler_class.get_config(None, backend) == "spanish"
