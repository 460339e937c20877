"""Rules the demo's content keeps, as a patient would read it (issue 11, "content that reads
right"): reviews dated before publication, providers advertised only for what their center offers,
a closing paragraph written for each center, one call to book per article."""

import pytest
from django.utils import translation

from blog.models import BlogPage
from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def test_every_article_was_medically_reviewed_on_or_before_publication(demo):
    articles = BlogPage.objects.live()

    assert articles.count() >= 24
    late = [a.url for a in articles if a.last_reviewed and a.last_reviewed > a.date]
    assert late == []


def test_providers_are_shown_only_with_specialties_their_center_offers(demo):
    checked = 0
    for language in ("en", "es"):
        with translation.override(language):
            for centre in LocationPage.objects.live().filter(locale__language_code=language):
                offered = {service.slug for service in centre.services_in_language}
                for item in centre.providers_in_language:
                    shown = {service.slug for service in item["specialties"]}
                    assert shown <= offered, (centre.url, item["provider"].name)
                    assert shown, (centre.url, item["provider"].name)  # never a bare name
                    checked += 1
    assert checked > 40


def test_each_center_page_ends_with_its_own_paragraph(demo, client):
    for language in ("en", "es"):
        centres = LocationPage.objects.live().filter(locale__language_code=language)
        closings = {}
        for centre in centres:
            text = "".join(str(block.value) for block in centre.body)
            assert centre.title in text, centre.url
            closings[text] = centre.url
        assert len(closings) == centres.count() == 33


def test_every_article_asks_for_an_appointment_once(demo, client):
    for article in BlogPage.objects.live():
        html = client.get(article.url).text
        assert html.count('class="book-cta"') == 1, article.url
