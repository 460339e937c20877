"""The "Network" admin menu: conditions, services, people and menus, each listed with its
columns, filters and search (issue 13)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import NavigationMenu, NavigationMenuItem
from tests.factories import ConditionFactory, PersonFactory, ServiceFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/snippets/network/person/"


def with_specialty(person, *services):
    # A ParentalManyToManyField is written when its object is saved.
    person.specialties.set(services)
    person.save()
    return person


def listed(response) -> list[str]:
    return [str(item) for item in response.context["object_list"]]


def test_the_network_menu_holds_the_four_snippets(admin_client, locales):
    menu = admin_client.get("/admin/").content.decode()

    for model in ("condition", "service", "person", "navigationmenu"):
        assert f"/admin/snippets/network/{model}/" in menu
    assert "Network" in menu


def test_people_are_listed_with_their_specialties_and_filtered_by_one(admin_client, locales):
    physio, massage = ServiceFactory(name="Physical therapy"), ServiceFactory(name="Massage")
    marsh = with_specialty(
        PersonFactory(name="Dr. Elena Marsh", credentials="MD, physiatry"), physio, massage
    )
    with_specialty(PersonFactory(name="Jordan Ellis", credentials="LMT"), massage)

    html = admin_client.get(PEOPLE).content.decode()
    assert "Massage, Physical therapy" in html  # services are ordered by name
    assert "MD, physiatry" in html
    assert listed(admin_client.get(PEOPLE, {"specialties": physio.pk})) == [str(marsh)]
    assert listed(admin_client.get(PEOPLE, {"q": "physiatry"})) == [str(marsh)]


def test_the_people_list_reads_every_row_s_specialties_in_one_query(admin_client, locales):
    service = ServiceFactory()
    for _ in range(10):
        with_specialty(PersonFactory(), service)

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(PEOPLE)

    assert len(listed(response)) == 10
    # (wagtail-localize's per-row "Translate" button still queries per row: not ours to change.)
    specialties = [q for q in queries.captured_queries if "network_person_specialties" in q["sql"]]
    assert len(specialties) == 1


def test_conditions_are_found_by_slug_or_description(admin_client, locales):
    ConditionFactory(name="Sciatica", slug="sciatica", description="Pain down one leg.")
    ConditionFactory(name="Neck pain", slug="neck-pain")

    url = "/admin/snippets/network/condition/"
    assert listed(admin_client.get(url, {"q": "one leg"})) == ["Sciatica"]
    assert listed(admin_client.get(url, {"q": "neck-"})) == ["Neck pain"]


def test_menus_show_how_many_links_they_hold(admin_client, home):
    menu = NavigationMenu.objects.create(name="footer", locale=home.locale)
    menu.items = [
        NavigationMenuItem(link_url="https://example.org/a", label="A", locale=home.locale),
        NavigationMenuItem(link_url="https://example.org/b", label="B", locale=home.locale),
    ]
    menu.save()

    response = admin_client.get("/admin/snippets/network/navigationmenu/")

    assert listed(response) == ["footer"]
    assert response.context["object_list"][0].link_count == 2
