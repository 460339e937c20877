"""Demo content of the blog: the article index and original articles in English and Spanish, with
their authors and reviewers (the network's demo people, some of whom practise at the demo centres),
curated links, featured posts, and the editorial workflow with its accounts.

Idempotent: running it again updates what exists. The article texts live in `demo_articles`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page

from blog.demo_articles import (
    ARTICLES,
    RED_FLAGS,
    RED_FLAGS_HEADING,
    RED_FLAGS_INTRO,
)
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
from network.localization import translate
from network.models import Condition, HomePage, Person, Service

REVIEWER_ACCOUNT = ("Medical reviewer", "reviewer", "spine-reviewer-demo")
EDITOR_USERNAME = "editor"  # created by the network demo
REVIEWER_PERSON = "Dr. Elena Marsh"  # the demo person behind the reviewer account

INDEX = {
    "title": ("Health articles", "Artículos de salud"),
    "slug": ("health-articles", "articulos-de-salud"),
    "introduction": (
        "Plain-language guides to back and neck pain and its treatments, written by our clinicians and medically reviewed.",
        "Guías en lenguaje sencillo sobre el dolor de espalda y de cuello y sus tratamientos, escritas por nuestros profesionales y con revisión médica.",
    ),
}


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    with transaction.atomic():
        people = demo_people(english)
        images = load_images()
        index = _load_index(home)
        posts = {
            article["slug"]: _load_post(index, article, people, images) for article in ARTICLES
        }
        for article in ARTICLES:
            _link_post(posts[article["slug"]], article, posts, english)
        index.featured_posts.set(
            [
                BlogIndexFeaturedPost(post=posts[article["slug"]])
                for article in ARTICLES
                if article["featured"]
            ]
        )
        index.save_revision().publish()
    # Translations publish page by page, outside the transaction above (see STACK-NOTES). The
    # people are translated by the network demo, so the Spanish posts link the Spanish people.
    translate(Page.objects.get(pk=index.pk), "es", _pairs(INDEX.values()))
    add_menu_link("main", index, "Health articles", "Artículos de salud")
    for article in ARTICLES:
        post = BlogPage.objects.get(pk=posts[article["slug"]].pk)
        translate(post, "es", _article_strings(article))
    ensure_editorial_setup()
    accounts = _load_accounts()
    stdout.write(f"  blog: {len(ARTICLES)} articles in English and Spanish, review workflow")
    return accounts


def _pairs(pairs: Any) -> dict[str, str]:
    return {en: es for en, es in pairs if en}


def _load_index(home: HomePage) -> BlogIndexPage:
    index = BlogIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=BlogIndexPage(title=INDEX["title"][0], slug=INDEX["slug"][0])
        )
    index.title, index.slug = INDEX["title"][0], INDEX["slug"][0]
    index.introduction = INDEX["introduction"][0]
    index.save_revision().publish()
    return BlogIndexPage.objects.get(pk=index.pk)


def _expand(items: list) -> list:
    """Replace the "red_flags" marker with the shared warning-signs section."""
    expanded = []
    for item in items:
        if item == "red_flags":
            expanded += [
                ("heading", *RED_FLAGS_HEADING),
                ("paragraph", *RED_FLAGS_INTRO),
                ("list", RED_FLAGS),
            ]
        else:
            expanded.append(item)
    return expanded


def _body(items: list, images: dict[str, Any]) -> list[tuple[str, Any]]:
    """The English StreamField data of an article body."""
    blocks = []
    for kind, *values in _expand(items):
        if kind == "heading":
            blocks.append(("heading", {"text": values[0], "level": "h2"}))
        elif kind == "paragraph":
            blocks.append(("paragraph", f"<p>{values[0]}</p>"))
        elif kind == "list":
            blocks.append(("bulleted_list", [en for en, _es in values[0]]))
        elif kind == "disclaimer":
            blocks.append(
                ("callout", {"style": "disclaimer", "title": "", "text": f"<p>{values[0]}</p>"})
            )
        elif kind == "quote":
            blocks.append(("quote", {"text": values[0], "attribution": values[2]}))
        elif kind == "book":
            blocks.append(("book_appointment", {"heading": values[0], "text": values[2]}))
        elif kind == "image":
            illustration = ILLUSTRATIONS[values[0]]
            image = images[values[0]]
            image.contextual_alt_text, image.decorative = illustration.alt[0], False
            blocks.append(("image", {"image": image, "caption": illustration.caption[0]}))
    return blocks


def _article_strings(article: dict) -> dict[str, str]:
    """English text -> Spanish text for every translatable string of an article."""
    pairs = [
        article["title"],
        article["introduction"],
        (article["slug"], article["slug_es"]),
    ]
    for kind, *values in _expand(article["body"]):
        if kind == "list":
            pairs += values[0]
        elif kind == "book":
            pairs += [(values[0], values[1]), (values[2], values[3])]
        elif kind == "image":
            illustration = ILLUSTRATIONS[values[0]]
            pairs += [illustration.alt, illustration.caption]
        else:
            pairs.append((values[0], values[1]))
    return _pairs(pairs)


def _load_post(
    index: BlogIndexPage, article: dict, people: dict[str, Person], images: dict[str, Any]
) -> BlogPage:
    post = BlogPage.objects.child_of(index).filter(slug=article["slug"]).first()
    if post is None:
        post = index.add_child(
            instance=BlogPage(
                title=article["title"][0],
                slug=article["slug"],
                introduction=article["introduction"][0],
                body=[],
                live=False,
            )
        )
    post.title = article["title"][0]
    post.introduction = article["introduction"][0]
    post.date = date.fromisoformat(article["date"])
    post.reviewer = people[article["reviewer"]]
    post.last_reviewed = date.fromisoformat(article["last_reviewed"])
    post.body = _body(article["body"], images)
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
    centres = LocationPage.objects.filter(locale=locale).order_by("path")[: article["centres"]]
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
