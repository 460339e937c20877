"""The finder's query budget: a ZIP search in twelve queries in both languages, and the list of
every centre in a fixed number at a thousand centres."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from locations.models import LocationPage, OpeningHours
from tests.locations.test_finder import result_titles

pytestmark = pytest.mark.django_db


def queries_for(client, url: str, params: dict | None = None) -> tuple[int, str]:
    client.get(url, params)  # the chrome is cached after a first visit
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), response.text


def add_centres(parent: Page, count: int, like: LocationPage) -> None:
    """`count` published centres under `parent`, copies of `like` spread north of it, written
    in bulk (a thousand through the page API would take minutes)."""
    parent.refresh_from_db()
    content_type = ContentType.objects.get_for_model(LocationPage)
    pages = [
        Page(
            path=Page._get_path(parent.path, parent.depth + 1, parent.numchild + n + 1),
            depth=parent.depth + 1,
            numchild=0,
            title=f"Bulk centre {n}",
            draft_title=f"Bulk centre {n}",
            slug=f"bulk-centre-{n}",
            url_path=f"{parent.url_path}bulk-centre-{n}/",
            content_type=content_type,
            locale_id=parent.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
        )
        for n in range(count)
    ]
    Page.objects.bulk_create(pages)
    fields = {
        field.attname: getattr(like, field.attname)
        for field in LocationPage._meta.local_concrete_fields
        if field.attname != "page_ptr_id"
    }
    created = Page.objects.filter(slug__startswith="bulk-centre-", depth=parent.depth + 1)
    for n, page in enumerate(created):
        centre = LocationPage(page_ptr_id=page.pk, **fields)
        centre.latitude = like.latitude + n // 100
        centre.save_base(raw=True)  # the page row exists: write the centre's own row only
        OpeningHours.objects.create(page=centre, weekday=0, opens="09:00", closes="17:00")
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)


@pytest.mark.parametrize(("finder", "language"), [("/en/locations/", "en"), ("/es/centros/", "es")])
def test_zip_search_renders_in_twelve_queries_in_both_languages(
    client, centres, centre_es, location_index_es, finder, language
):
    count, html = queries_for(client, finder, {"q": "78701", "radius": "100"})

    assert f'<html lang="{language}"' in html
    assert len(result_titles(html)) == 2
    assert count <= 12


def test_finder_costs_the_same_queries_at_a_thousand_centres(
    client, centres, location_index, django_assert_max_num_queries
):
    search_budget, _ = queries_for(client, "/en/locations/", {"q": "78701", "radius": "50"})
    list_budget, _ = queries_for(client, "/en/locations/")
    add_centres(location_index, 1000, like=centres["austin"])

    client.get("/en/locations/")
    with django_assert_max_num_queries(list_budget):
        listing = client.get("/en/locations/")
    with django_assert_max_num_queries(search_budget):
        search = client.get("/en/locations/", {"q": "78701", "radius": "50"})

    assert len(result_titles(listing.text)) == 1004
    assert len(result_titles(search.text)) > 100  # the 100 copies at Austin's latitude
    assert list_budget <= 12
