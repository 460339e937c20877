"""The "Read more" rules: curated order, topical auto-fill, and what must never appear."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from blog.models import BlogPage
from network.localization import translate
from network.models import NetworkSettings
from tests.blog.factories import BlogPageFactory
from tests.factories import ConditionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(locales):
    return {
        "sciatica": ConditionFactory(slug="sciatica", name="Sciatica", locale=locales["en"]),
        "disc": ConditionFactory(slug="disc", name="Herniated disc", locale=locales["en"]),
        "massage": ServiceFactory(slug="massage", name="Massage", locale=locales["en"]),
        "unrelated": ServiceFactory(slug="unrelated", name="Acupuncture", locale=locales["en"]),
    }


def post(index, title, *, topics=(), date="2026-01-01", **kwargs):
    return BlogPageFactory(parent=index, title=title, topics=topics, date=date, **kwargs)


def titles(posts):
    return [p.title for p in posts]


def test_curated_links_come_first_in_editor_order_then_fill_by_shared_topics(blog_index, topics):
    t = topics
    curated_b = post(blog_index, "Curated B")
    curated_a = post(blog_index, "Curated A")
    post(blog_index, "One topic, newest", topics=[t["sciatica"]], date="2026-06-01")
    post(blog_index, "Two topics, oldest", topics=[t["sciatica"], t["massage"]], date="2025-01-01")
    post(blog_index, "One topic, older", topics=[t["massage"]], date="2026-02-01")
    post(blog_index, "No shared topic", topics=[t["unrelated"]], date="2026-09-01")
    subject = post(
        blog_index,
        "Subject",
        topics=[t["sciatica"], t["massage"]],
        related=[curated_b, curated_a],
    )

    assert titles(subject.related_posts(limit=4)) == [
        "Curated B",
        "Curated A",
        "Two topics, oldest",
        "One topic, newest",
    ]
    assert titles(subject.related_posts(limit=1)) == ["Curated B"]


def test_limit_comes_from_network_settings(blog_index, topics):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.related_posts_max = 2
    settings.save()
    for n in range(4):
        post(blog_index, f"Match {n}", topics=[topics["disc"]])
    subject = post(blog_index, "Subject", topics=[topics["disc"]])

    assert len(subject.related_posts()) == 2


def test_never_self_draft_private_or_other_language(blog_index, topics, home_es):
    t = [topics["sciatica"]]
    draft = post(blog_index, "Draft", topics=t)
    draft.unpublish()
    private = post(blog_index, "Private", topics=t)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    curated_private = post(blog_index, "Curated private", topics=t)
    PageViewRestriction.objects.create(
        page=curated_private, restriction_type="password", password="x"
    )
    visible = post(blog_index, "Visible", topics=t)
    index_es = translate(blog_index, "es", {"Health articles": "Artículos de salud"})
    post(index_es, "Spanish match", topics=t)
    subject = post(blog_index, "Subject", topics=t, related=[draft, curated_private])
    # A link to the post itself (e.g. copied from its translation) is ignored too.
    subject.related_links.create(target=subject)

    assert titles(subject.related_posts(limit=6)) == [visible.title]


def test_spanish_post_shows_spanish_versions_of_curated_links_and_fills_in_spanish(
    blog_index, topics, home_es
):
    t = topics
    translated_target = post(blog_index, "Massage guide")
    untranslated_target = post(blog_index, "English only")
    english_match = post(blog_index, "English match", topics=[t["sciatica"]])
    subject = post(
        blog_index,
        "Subject",
        topics=[t["sciatica"]],
        related=[untranslated_target, translated_target],
    )
    index_es = translate(blog_index, "es", {"Health articles": "Artículos de salud"})
    translate(translated_target, "es", {"Massage guide": "Guía del masaje"})
    spanish_match = post(index_es, "Coincidencia", topics=[t["sciatica"]])
    subject_es = translate(subject, "es", {"Subject": "Tema"})

    related = subject_es.related_posts(limit=3)

    assert titles(related) == ["Guía del masaje", "Coincidencia"]
    assert all(p.locale.language_code == "es" for p in related)
    assert english_match.pk not in [p.pk for p in related]
    assert spanish_match.pk in [p.pk for p in related]


def test_deleted_or_unpublished_target_never_breaks_the_page(client, blog_index, topics):
    gone = post(blog_index, "Gone")
    hidden = post(blog_index, "Hidden")
    kept = post(blog_index, "Kept")
    subject = post(blog_index, "Subject", related=[gone, hidden, kept])

    gone.delete()
    hidden.unpublish()
    response = client.get(subject.url)

    assert response.status_code == 200
    assert titles(BlogPage.objects.get(pk=subject.pk).related_posts(limit=3)) == ["Kept"]
    assert "Hidden" not in response.text
    # The live link rows follow the delete; the subject's revision can still be republished.
    BlogPage.objects.get(pk=subject.pk).get_latest_revision().publish()
    assert client.get(subject.url).status_code == 200


def test_related_posts_render_under_read_more(client, blog_index, topics):
    target = post(blog_index, "Related reading")
    subject = post(blog_index, "Subject", related=[target])

    html = client.get(subject.url).text

    read_more = html.split('id="related-heading"')[1]
    assert "Read more" in html
    assert f'href="{target.url}"' in read_more


def test_selection_costs_the_same_queries_for_few_or_many_candidates(
    blog_index, topics, django_assert_num_queries
):
    def subject_with(n, prefix):
        matches = [post(blog_index, f"{prefix} {i}", topics=[topics["disc"]]) for i in range(n)]
        return post(
            blog_index, f"{prefix} subject", topics=[topics["disc"]], related=matches[: n // 2]
        )

    few = BlogPage.objects.get(pk=subject_with(2, "Few").pk)
    many = BlogPage.objects.get(pk=subject_with(8, "Many").pk)
    BlogPage.objects.get(pk=few.pk).related_posts()  # the cached chrome (restricted pages)
    with CaptureQueriesContext(connection) as baseline:
        few.related_posts(limit=6)

    with django_assert_num_queries(len(baseline)):
        assert len(many.related_posts(limit=6)) == 6
