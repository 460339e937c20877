"""The administrators' list of centers (filters by state, requests, manager) and the manager list
without a query per row (issue 13)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from locations.models import CentreManager
from locations.permissions import ADMINISTRATORS_GROUP, ensure_centre_roles

pytestmark = pytest.mark.django_db

CENTRES = "/admin/centres/"


def listed(response) -> set[str]:
    return {page.title for page in response.context["pages"]}


def make_manager(username: str, *centres) -> CentreManager:
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    manager = CentreManager.objects.create(user=user)
    manager.centres.set(centres)
    return manager


@pytest.fixture
def administrator(client, location_index):
    ensure_centre_roles()
    user = get_user_model().objects.create_user("chief", "chief@example.org", "pw")
    user.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    client.force_login(user)
    return client


def test_administrators_filter_centers_by_state_requests_and_manager(administrator, centres):
    make_manager("maria", centres["austin"], centres["dallas"])

    everything = administrator.get(CENTRES)
    assert everything.status_code == 200
    assert listed(everything) == {
        "Austin Downtown",
        "Round Rock",
        "Dallas Uptown",
        "Denver Cherry Creek",
    }
    assert listed(administrator.get(CENTRES, {"state": "CO"})) == {"Denver Cherry Creek"}
    assert listed(administrator.get(CENTRES, {"accepts_requests": "false"})) == {"Dallas Uptown"}
    maria = CentreManager.objects.get(user__username="maria")
    by_manager = administrator.get(CENTRES, {"manager": maria.pk})
    assert listed(by_manager) == {centres["austin"].title, "Dallas Uptown"}
    assert CENTRES in administrator.get("/admin/").content.decode()  # in the menu


def test_a_center_manager_has_no_center_list(client, centres):
    manager = make_manager("maria", centres["austin"])
    client.force_login(manager.user)

    assert client.get(CENTRES).status_code in (302, 403)
    assert CENTRES not in client.get("/admin/").content.decode()


def test_the_manager_list_costs_the_same_for_two_managers_or_ten(
    admin_client, centres, django_assert_max_num_queries
):
    pages = list(centres.values())
    make_manager("manager0", *pages[:2])
    make_manager("manager1", *pages[2:])
    with CaptureQueriesContext(connection) as two:
        assert admin_client.get("/admin/centre_managers/").status_code == 200
    for number in range(2, 10):
        make_manager(f"manager{number}", *pages[number % 4 :])

    with django_assert_max_num_queries(len(two.captured_queries)):
        response = admin_client.get("/admin/centre_managers/")

    assert len(response.context["object_list"]) == 10
