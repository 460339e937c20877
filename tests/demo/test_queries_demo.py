"""The demo's key pages in their query budget (issue "Speed"), with the demo's real content:
the page the benchmark (bench/pages.py) loads, measured the way it sees them after a first visit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage
from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("language", ["en", "es"])
def test_key_pages_render_in_twelve_queries(client, demo, language):
    article = BlogPage.objects.live().filter(locale__language_code=language).first()
    centre = LocationPage.objects.live().filter(locale__language_code=language).first()
    finder = centre.get_parent()

    assert queries(client, article.url) <= 12
    assert queries(client, centre.url) <= 12
    assert queries(client, f"{finder.url}?q=78701") <= 12


def test_every_centre_fits_in_a_compact_list(client, demo):
    centres = LocationPage.objects.live().filter(locale__language_code="en").count()

    for url in ("/en/locations/", "/es/centros/"):
        response = client.get(url)
        assert response.text.count('<h4 id="centre-') == centres
        assert len(response.content) < 30_000
