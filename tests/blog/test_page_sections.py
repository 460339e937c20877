"""Articles on other apps' pages: a centre's latest posts and the home page's latest articles."""

import pytest

from network.localization import translate
from tests.blog.factories import BlogPageFactory
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def centres(home):
    finder = LocationIndexPageFactory(parent=home)
    return LocationPageFactory(parent=finder, slug="austin"), LocationPageFactory(
        parent=finder, slug="dallas"
    )


def section_titles(html, heading=None):
    if 'class="container latest-posts"' not in html:
        return []
    section = html.split('class="container latest-posts"')[1].split("</section>")[0]
    assert heading is None or heading in section
    return [
        part.split("</a>")[0].split(">")[-1]
        for part in section.split('class="post-card__title">')[1:]
    ]


def test_centre_page_lists_its_latest_three_live_posts(client, blog_index, centres):
    austin, dallas = centres
    for day in range(1, 5):
        BlogPageFactory(
            parent=blog_index, title=f"Austin {day}", date=f"2026-01-0{day}", centres=[austin]
        )
    BlogPageFactory(parent=blog_index, title="Dallas only", date="2026-02-01", centres=[dallas])
    draft = BlogPageFactory(
        parent=blog_index, title="Austin draft", date="2026-03-01", centres=[austin]
    )
    draft.unpublish()

    html = client.get(austin.url).text

    assert section_titles(html, "Articles about this center") == [
        "Austin 4",
        "Austin 3",
        "Austin 2",
    ]


def test_centre_without_posts_shows_no_section(client, blog_index, centres):
    assert section_titles(client.get(centres[0].url).text) == []


def test_spanish_centre_shows_spanish_posts(client, blog_index, centres, home_es):
    austin, _ = centres
    post = BlogPageFactory(parent=blog_index, title="English title", centres=[austin])
    translate(blog_index, "es", {})
    translate(austin.get_parent(), "es", {})
    austin_es = translate(austin, "es", {})
    translate(post, "es", {"English title": "Título en español"})

    html = client.get(austin_es.url).text

    assert section_titles(html) == ["Título en español"]


def test_home_page_shows_latest_articles_in_its_language(client, blog_index, home_es):
    for day in range(1, 5):
        BlogPageFactory(parent=blog_index, title=f"Post {day}", date=f"2026-01-0{day}")

    html = client.get("/en/").text

    assert section_titles(html, "Latest articles") == ["Post 4", "Post 3", "Post 2"]
    assert "Post 4" not in client.get("/es/").text
