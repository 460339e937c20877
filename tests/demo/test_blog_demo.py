"""The blog demo: original articles in both languages, fully translated, and idempotent."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from blog.demo_heroes import HEROES
from blog.demo_images import ILLUSTRATIONS
from blog.models import BlogIndexPage, BlogPage
from blog.workflow import ARTICLES_COLLECTION, EDITORS_GROUP, REVIEWERS_GROUP
from network.demo import PEOPLE
from network.models import Person

pytestmark = pytest.mark.django_db


def test_articles_exist_in_both_languages_once(demo):
    check_articles_exist_in_both_languages_once()


def test_demo_accounts_join_the_editorial_groups(demo):
    check_demo_accounts_join_the_editorial_groups(demo)


def test_every_spanish_string_is_translated(demo):
    check_every_spanish_string_is_translated()


def test_massage_article_has_the_required_sections(demo, client):
    check_massage_article_has_the_required_sections(client)


def check_articles_exist_in_both_languages_once():
    english = BlogPage.objects.live().filter(locale__language_code="en")
    spanish = BlogPage.objects.live().filter(locale__language_code="es")

    assert english.count() == spanish.count() >= 12
    assert BlogIndexPage.objects.filter(title="Artículos de salud").count() == 1
    assert Person.objects.filter(locale__language_code="en").count() == len(PEOPLE)
    assert Person.objects.filter(locale__language_code="es").count() == len(PEOPLE)


def check_every_spanish_string_is_translated():
    english_locale = Locale.objects.get(language_code="en")
    for post in BlogPage.objects.filter(locale__language_code="es"):
        source = post.get_translation(english_locale)
        english_text = set(source.body.stream_block.get_searchable_content(source.body))
        spanish_text = set(post.body.stream_block.get_searchable_content(post.body))
        leftovers = {text for text in english_text & spanish_text if len(text.split()) > 3}
        assert leftovers == set(), post.slug
        assert post.title != source.title and post.introduction != source.introduction
        assert post.slug != source.slug
        assert all(link.person.locale_id == post.locale_id for link in post.authors.all())


def check_massage_article_has_the_required_sections(client):
    post = BlogPage.objects.get(slug="therapeutic-massage-for-back-pain")
    kinds = [block.block_type for block in post.body]
    headings = [block.value["text"] for block in post.body if block.block_type == "heading"]
    styles = [block.value["style"] for block in post.body if block.block_type == "callout"]

    assert post.title == "Therapeutic massage for back pain: what to expect"
    assert "What this can help with" in headings
    assert {"bulleted_list", "book_appointment"} <= set(kinds)
    assert "disclaimer" in styles
    assert post.reviewer is not None and post.last_reviewed is not None
    assert post.related_links.count() == 2
    assert client.get(post.url).status_code == 200


def check_demo_accounts_join_the_editorial_groups(printed: str):
    users = get_user_model().objects

    assert "Medical reviewer       username: reviewer     password: spine-reviewer-demo" in printed
    assert users.get(username="reviewer").groups.filter(name=REVIEWERS_GROUP).exists()
    assert users.get(username="reviewer").check_password("spine-reviewer-demo")
    assert users.get(username="editor").groups.filter(name=EDITORS_GROUP).exists()


def test_illustrated_articles_render_in_both_languages(demo, client):
    illustrated = [
        post
        for post in BlogPage.objects.live().filter(locale__language_code="en")
        if any(block.block_type == "image" for block in post.body)
    ]
    assert len(illustrated) == len(ILLUSTRATIONS) >= 3
    for post in illustrated:
        spanish = post.get_translation(Locale.objects.get(language_code="es"))
        image = next(block.value["image"] for block in spanish.body if block.block_type == "image")
        assert image.collection.name == ARTICLES_COLLECTION
        for page in (post, spanish):
            response = client.get(page.url)
            assert response.status_code == 200, page.url
        assert f'alt="{image.contextual_alt_text}"' in response.content.decode()
        assert image.contextual_alt_text in {i.alt[1] for i in ILLUSTRATIONS.values()}


def test_every_article_has_a_hero_of_its_own_described_in_both_languages(demo, client):
    english = list(BlogPage.objects.live().filter(locale__language_code="en"))
    spanish_locale = Locale.objects.get(language_code="es")

    assert len({post.hero_image_id for post in english}) == len(english) == len(HEROES)
    for post in english:
        spanish = post.get_translation(spanish_locale)
        assert spanish.hero_image_id == post.hero_image_id
        assert post.hero_image.collection.name == ARTICLES_COLLECTION
        assert (post.hero_image_alt, spanish.hero_image_alt) == tuple(
            HEROES[post.slug]["alt"].values()
        )
        html = client.get(spanish.url).text
        hero = re.search(r'<figure class="post__hero"><img [^>]+>', html)[0]
        assert f'alt="{spanish.hero_image_alt}"' in hero
        assert all(f'{attribute}="' in hero for attribute in ("srcset", "width", "height"))
    # In the article list the pictures are below the fold: lazily loaded renditions.
    index = client.get(english[0].get_parent().url).text
    cards = re.findall(r"<img [^>]*post-card__image[^>]*>", index)
    assert cards and all('loading="lazy"' in card and "srcset=" in card for card in cards)
