"""Demo content of the blog: the article index and original articles in English and Spanish, with
their authors and reviewers (the network's demo people, some of whom practise at the demo centres),
curated links, featured posts, and the editorial workflow with its accounts.

Idempotent: running it again updates what exists. The texts live in demo/blog/: the index and the
shared texts in blog.toml, one file per article in articles/ (read by `network.demo_content`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page

from blog.demo_heroes import HEROES, load_heroes
from blog.demo_images import ILLUSTRATIONS, load_images
from blog.models import (
    BlogIndexFeaturedPost,
    BlogIndexPage,
    BlogPage,
    BlogPageAuthor,
    BlogPageCentre,
    BlogPageCondition,
    BlogPageRelatedLink,
    BlogPageService,
)
from blog.workflow import EDITORS_GROUP, REVIEWERS_GROUP, ensure_editorial_setup
from locations.models import LocationPage
from network.demo import add_menu_link, demo_people
from network.demo_content import read, read_folder, text_block, translations
from network.localization import translate
from network.models import Condition, HomePage, Person, Service

REVIEWER_ACCOUNT = ("Medical reviewer", "reviewer", "spine-reviewer-demo")
EDITOR_USERNAME = "editor"  # created by the network demo
REVIEWER_PERSON = "Dr. Elena Marsh"  # the demo person behind the reviewer account

CONTENT = read("blog/blog.toml")
INDEX = CONTENT["index"]
ARTICLES = read_folder("blog/articles")


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    with transaction.atomic():
        people = demo_people(english)
        images = load_images()
        heroes = load_heroes()
        index = _load_index(home)
        posts = {
            article["slug"]["en"]: _load_post(index, article, people, images, heroes)
            for article in ARTICLES
        }
        for article in ARTICLES:
            _link_post(posts[article["slug"]["en"]], article, posts, english)
        index.featured_posts.set(
            [
                BlogIndexFeaturedPost(post=posts[article["slug"]["en"]])
                for article in ARTICLES
                if article["featured"]
            ]
        )
        index.save_revision().publish()
    # Translations publish page by page, outside the transaction above (see STACK-NOTES). The
    # people are translated by the network demo, so the Spanish posts link the Spanish people.
    translate(Page.objects.get(pk=index.pk), "es", translations(INDEX))
    add_menu_link("main", index, INDEX["menu_label"])
    for article in ARTICLES:
        post = BlogPage.objects.get(pk=posts[article["slug"]["en"]].pk)
        translate(post, "es", _article_strings(article))
    ensure_editorial_setup()
    accounts = _load_accounts()
    stdout.write(f"  blog: {len(ARTICLES)} articles in English and Spanish, review workflow")
    return accounts


def _load_index(home: HomePage) -> BlogIndexPage:
    index = BlogIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=BlogIndexPage(title=INDEX["title"]["en"], slug=INDEX["slug"]["en"])
        )
    index.title, index.slug = INDEX["title"]["en"], INDEX["slug"]["en"]
    index.introduction = INDEX["introduction"]["en"]
    index.save_revision().publish()
    return BlogIndexPage.objects.get(pk=index.pk)


def _expand(body: list[dict]) -> list[dict]:
    """The body with the shared texts of blog.toml in place of the "red_flags" and "disclaimer"
    blocks: the warning-signs section and the closing disclaimer every article repeats."""
    red_flags = CONTENT["red_flags"]
    expanded = []
    for block in body:
        if block["type"] == "red_flags":
            expanded += [
                {"type": "heading", **red_flags["heading"]},
                {"type": "paragraph", **red_flags["introduction"]},
                {"type": "list", "items": red_flags["items"]},
            ]
        elif block["type"] == "disclaimer":
            expanded.append({"type": "disclaimer", **CONTENT["disclaimer"]})
        else:
            expanded.append(block)
    return expanded


def _body(body: list[dict], images: dict[str, Any]) -> list[tuple[str, Any]]:
    """The English StreamField data of an article body."""
    blocks = []
    for block in _expand(body):
        kind = block["type"]
        if kind == "list":
            blocks.append(("bulleted_list", [item["en"] for item in block["items"]]))
        elif kind == "disclaimer":
            text = f"<p>{block['en']}</p>"
            blocks.append(("callout", {"style": "disclaimer", "title": "", "text": text}))
        elif kind == "quote":
            blocks.append(("quote", {"text": block["en"], "attribution": block["attribution"]}))
        elif kind == "book":
            heading, text = block.get("heading", {}), block.get("text", {})
            value = {"heading": heading.get("en", ""), "text": text.get("en", "")}
            blocks.append(("book_appointment", value))
        elif kind == "image":
            illustration = ILLUSTRATIONS[block["illustration"]]
            image = images[block["illustration"]]
            image.contextual_alt_text, image.decorative = illustration.alt[0], False
            blocks.append(("image", {"image": image, "caption": illustration.caption[0]}))
        else:
            blocks.append(text_block(block))
    return blocks


def _article_strings(article: dict) -> dict[str, str]:
    """English text -> Spanish text for every translatable string of an article."""
    strings = translations(
        article["title"], article["introduction"], article["slug"], _expand(article["body"])
    )
    for block in article["body"]:
        if block["type"] == "image":
            illustration = ILLUSTRATIONS[block["illustration"]]
            strings.update(dict([illustration.alt, illustration.caption]))
    hero_alt = HEROES[article["slug"]["en"]]["alt"]
    strings[hero_alt["en"]] = hero_alt["es"]
    return strings


def _load_post(
    index: BlogIndexPage,
    article: dict,
    people: dict[str, Person],
    images: dict[str, Any],
    heroes: dict[str, Any],
) -> BlogPage:
    post = BlogPage.objects.child_of(index).filter(slug=article["slug"]["en"]).first()
    if post is None:
        post = index.add_child(
            instance=BlogPage(
                title=article["title"]["en"],
                slug=article["slug"]["en"],
                introduction=article["introduction"]["en"],
                body=[],
                live=False,
            )
        )
    post.title = article["title"]["en"]
    post.introduction = article["introduction"]["en"]
    post.date = date.fromisoformat(article["date"])
    post.reviewer = people[article["reviewer"]]
    post.last_reviewed = date.fromisoformat(article["last_reviewed"])
    post.body = _body(article["body"], images)
    post.hero_image = heroes[article["slug"]["en"]]
    post.hero_image_alt = HEROES[article["slug"]["en"]]["alt"]["en"]
    post.authors.set([BlogPageAuthor(person=people[key]) for key in article["authors"]])
    locale = index.locale
    conditions = Condition.objects.filter(slug__in=article["topics"], locale=locale)
    services = Service.objects.filter(slug__in=article["topics"], locale=locale)
    post.condition_topics.set([BlogPageCondition(condition=term) for term in conditions])
    post.service_topics.set([BlogPageService(service=term) for term in services])
    post.save()
    return post


def _link_post(post: BlogPage, article: dict, posts: dict[str, BlogPage], locale: Locale) -> None:
    """Curated links and centres need every post to exist first; then publish the post."""
    post.related_links.set([BlogPageRelatedLink(target=posts[slug]) for slug in article["related"]])
    centres = LocationPage.objects.filter(locale=locale).order_by("path")[: article["centers"]]
    post.centres.set([BlogPageCentre(centre=centre) for centre in centres])
    post.save_revision().publish()


def _load_accounts() -> list[tuple[str, str, str]]:
    User = get_user_model()
    editor = User.objects.filter(username=EDITOR_USERNAME).first()
    if editor is not None:
        Group.objects.get(name=EDITORS_GROUP).user_set.add(editor)
    _role, username, password = REVIEWER_ACCOUNT
    reviewer, _ = User.objects.get_or_create(username=username)
    reviewer.email = f"{username}@spine-network.example"
    reviewer.first_name, reviewer.last_name = "Elena", "Marsh"
    reviewer.set_password(password)
    reviewer.save()
    Group.objects.get(name=REVIEWERS_GROUP).user_set.add(reviewer)
    # Approvals by this account name Dr. Elena Marsh as the reviewer, in both languages.
    Person.objects.filter(name=REVIEWER_PERSON).update(account=reviewer)
    return [REVIEWER_ACCOUNT]
