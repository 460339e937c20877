"""An article page: booking call, reading time, SEO and sharing data, sitemap, query budget."""

import json
import re

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from blog.models import BlogPage
from network.localization import translate
from network.models import NetworkSettings
from tests.blog.admin_forms import blog_page_form_data
from tests.blog.factories import BlogPageFactory
from tests.factories import ConditionFactory, PersonFactory, ServiceFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def network_settings(home):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.appointment_page = StandardPageFactory(parent=home, title="Finder", slug="finder")
    settings.network_name = "Spine Network"
    settings.related_posts_max = 6
    settings.save()
    return settings


def main(html):
    return html.split("<main")[1].split("</main>")[0]


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_every_post_ends_with_the_appointment_call_even_with_an_empty_body(
    client, blog_index, network_settings
):
    post = BlogPageFactory(parent=blog_index, body=[])

    html = main(client.get(post.url).text)

    assert html.count('href="/en/finder/"') == 1
    cta = html.split('id="book-appointment">')[1]
    assert html.index("</article>") < html.index('id="book-appointment"')
    assert 'href="/en/finder/">Request an appointment</a>' in cta


def test_body_block_places_the_appointment_call_instead_of_the_template(
    client, blog_index, network_settings
):
    post = BlogPageFactory(
        parent=blog_index,
        body=[("book_appointment", {"heading": "Book a massage assessment", "text": ""})],
    )

    html = main(client.get(post.url).text)

    assert "Book a massage assessment" in html
    assert html.count('href="/en/finder/"') == 1  # an article asks once
    assert 'id="book-appointment"' not in html


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (150, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_time_counts_body_words_at_200_a_minute(blog_index, words, minutes):
    # Text in headings, paragraphs, lists and callouts counts; heading levels and styles do not.
    body = [
        ("heading", {"text": "One", "level": "h2"}),
        ("bulleted_list", ["Two", "Three"]),
        ("callout", {"style": "disclaimer", "title": "Four", "text": "<p>Five</p>"}),
        ("paragraph", "<p>" + " ".join(["word"] * (words - 5)) + "</p>"),
    ]
    post = BlogPageFactory(parent=blog_index, body=body if words else [])

    assert post.reading_time == minutes


def test_reading_time_is_translated(client, blog_index, home_es):
    post = BlogPageFactory(parent=blog_index, body=[("paragraph", "<p>" + "w " * 450 + "</p>")])
    translate(blog_index, "es", {})
    spanish = translate(post, "es", {})

    assert "3 min read" in client.get(post.url).text
    assert spanish.reading_time == 3


def test_seo_tags_and_structured_data(client, blog_index, network_settings, locales):
    author = PersonFactory(name="Dr. Ana Ruiz", credentials="DPT")
    second = PersonFactory(name="Sam Lee", credentials="LMT")
    reviewer = PersonFactory(name="Dr. Omar Haddad", credentials="MD, pain medicine")
    image = wagtail_factories.ImageFactory()
    post = BlogPageFactory(
        parent=blog_index,
        title="Massage </script> & back pain",
        introduction="What to expect.",
        date="2026-03-02",
        authors=[author, second],
        reviewer=reviewer,
        last_reviewed="2026-04-01",
        hero_image=image,
        hero_image_alt="A therapist working on a patient's lower back",
        topics=[ConditionFactory(name="Low back pain", locale=locales["en"])],
    )

    html = client.get(post.url).text
    data = json_ld(html)

    assert '<meta name="description" content="What to expect.">' in html
    assert f'<link rel="canonical" href="http://testserver{post.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/', html)
    assert data["@type"] == "MedicalWebPage"
    assert data["headline"] == "Massage </script> & back pain"
    assert data["datePublished"] == "2026-03-02"
    assert data["dateModified"].startswith(
        str(BlogPage.objects.get(pk=post.pk).last_published_at.date())
    )
    assert data["author"] == [
        {"@type": "Person", "name": "Dr. Ana Ruiz", "honorificSuffix": "DPT"},
        {"@type": "Person", "name": "Sam Lee", "honorificSuffix": "LMT"},
    ]
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr. Omar Haddad",
        "honorificSuffix": "MD, pain medicine",
    }
    assert data["lastReviewed"] == "2026-04-01"
    assert data["inLanguage"] == "en"
    assert data["publisher"]["name"] == "Spine Network"
    assert data["image"].startswith("http://testserver/media/images/")
    # Escaped like json_script: the title cannot close the script element early.
    assert "</script> &" not in html.split('application/ld+json">')[1].split("</script>")[0]
    assert "Medically reviewed by Dr. Omar Haddad" in html


def test_review_line_reads_well_with_and_without_credentials(client, blog_index):
    with_credentials = BlogPageFactory(
        parent=blog_index,
        reviewer=PersonFactory(name="Dr. Omar Haddad", credentials="MD"),
        last_reviewed="2026-04-01",
    )
    without_credentials = BlogPageFactory(
        parent=blog_index,
        reviewer=PersonFactory(name="Omar Haddad", credentials=""),
        last_reviewed="2026-04-01",
    )

    assert "Medically reviewed by Dr. Omar Haddad, MD on April 1, 2026" in (
        client.get(with_credentials.url).text
    )
    assert "Medically reviewed by Omar Haddad on April 1, 2026" in (
        client.get(without_credentials.url).text
    )


def test_search_description_wins_over_introduction(client, blog_index):
    post = BlogPageFactory(parent=blog_index, search_description="Custom summary.")

    assert '<meta name="description" content="Custom summary.">' in client.get(post.url).text


def test_sitemap_lists_posts_in_both_languages(client, blog_index, home_es):
    post = BlogPageFactory(parent=blog_index, title="Posture", slug="posture")
    translate(blog_index, "es", {})
    translate(post, "es", {"Posture": "Postura", "posture": "postura"})

    xml = client.get("/sitemap.xml").text

    assert "<loc>http://testserver/en/blog/posture/</loc>" in xml
    assert "<loc>http://testserver/es/blog/postura/</loc>" in xml
    assert xml.count("<loc>http://testserver/es/blog/postura/</loc>") == 1
    assert 'hreflang="es" href="http://testserver/es/blog/postura/"' in xml


def test_admin_rejects_more_related_posts_than_the_network_allows(
    admin_client, blog_index, network_settings
):
    network_settings.related_posts_max = 2
    network_settings.save()
    targets = [BlogPageFactory(parent=blog_index) for _ in range(3)]
    url = f"/admin/pages/add/blog/blogpage/{blog_index.pk}/"

    too_many = admin_client.post(
        url, blog_page_form_data("Too many", authors=[PersonFactory()], related=targets)
    )
    enough = admin_client.post(
        url, blog_page_form_data("Enough", authors=[PersonFactory()], related=targets[:2])
    )

    assert too_many.status_code == 200
    assert "Choose at most 2 related articles (you chose 3)" in too_many.text
    assert not BlogPage.objects.filter(title="Too many").exists()
    assert enough.status_code == 302
    assert BlogPage.objects.filter(title="Enough").exists()


def rich_post(index, n_related, n_authors, n_topics, locale):
    def image():
        return wagtail_factories.ImageFactory()

    topics = [ConditionFactory(locale=locale) for _ in range(n_topics // 2)] + [
        ServiceFactory(locale=locale) for _ in range(n_topics - n_topics // 2)
    ]
    related = [
        BlogPageFactory(
            parent=index,
            hero_image=image(),
            hero_image_alt="x",
            authors=[PersonFactory(photo=image()) for _ in range(2)],
        )
        for _ in range(n_related)
    ]
    return BlogPageFactory(
        parent=index,
        hero_image=image(),
        hero_image_alt="x",
        authors=[PersonFactory(photo=image()) for _ in range(n_authors)],
        reviewer=PersonFactory(),
        last_reviewed="2026-01-01",
        topics=topics,
        related=related,
    )


def count_queries(client, url):
    client.get(url)  # the first visit creates image renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("language", ["en", "es"])
def test_post_renders_in_twelve_queries_whatever_it_holds(
    client, blog_index, network_settings, locales, home_es, language, django_assert_max_num_queries
):
    """Authors, topics, related posts and images never add a query; the site chrome (menus,
    settings, language switcher) comes from its cache (network.chrome)."""

    def post_in_language(**numbers):
        post = rich_post(blog_index, **numbers, locale=locales["en"])
        if language == "en":
            return post
        for link in post.related_links.all():
            translate(link.target, "es", {})
        return translate(post, "es", {})

    small = post_in_language(n_related=1, n_authors=1, n_topics=1)
    large = post_in_language(n_related=6, n_authors=3, n_topics=5)
    budget = count_queries(client, small.url)

    client.get(large.url)
    with django_assert_max_num_queries(budget):
        response = client.get(large.url)

    assert large.url.startswith(f"/{language}/")
    assert len(response.context["related_posts"]) == 6
    assert budget <= 12


def test_admin_preview_of_a_new_and_an_existing_post_renders(
    admin_client, blog_index, network_settings
):
    author = PersonFactory()
    target = BlogPageFactory(parent=blog_index, title="Linked")
    data = blog_page_form_data("Preview me", authors=[author], related=[target])

    new = admin_client.post(f"/admin/pages/add/blog/blogpage/{blog_index.pk}/preview/", data)
    edit_url = f"/admin/pages/{target.pk}/edit/preview/"
    existing = admin_client.post(edit_url, blog_page_form_data("Linked", authors=[author]))

    assert new.json()["is_valid"] and existing.json()["is_valid"]
    assert (
        "Preview me"
        in admin_client.get(f"/admin/pages/add/blog/blogpage/{blog_index.pk}/preview/").text
    )
    assert "Linked" in admin_client.get(edit_url).text
