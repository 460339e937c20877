"""Centers in the admin are named with their city and state (several can share a name), the
center managers' form offers only users who can become managers, and the center editor shows
the weekly hours as one table."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.locations.factories import LocationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("boss", "boss@example.org", "pw"))
    return client


@pytest.fixture
def downtown_dallas(location_index):
    return LocationPageFactory(
        parent=location_index, title="Downtown", slug="downtown-dallas", city="Dallas", state="TX"
    )


def test_the_admin_title_of_a_center_carries_its_city_and_state(centre):
    assert centre.get_admin_display_title() == "Austin Downtown (Austin, TX)"


def test_the_page_chooser_lists_centers_with_city_and_state(
    admin_client, location_index, centre, downtown_dallas
):
    html = admin_client.get(f"/admin/choose-page/{location_index.pk}/").json()["html"]
    assert "Austin Downtown (Austin, TX)" in html
    assert "Downtown (Dallas, TX)" in html


def test_the_managers_form_lists_centers_with_city_and_state_and_only_possible_managers(
    admin_client, centre, downtown_dallas
):
    users = get_user_model().objects
    users.create_user("maria", "maria@example.org", "pw", first_name="Maria")
    users.create_user("gone", "gone@example.org", "pw", is_active=False)
    users.create_superuser("chief", "chief@example.org", "pw")

    form = admin_client.get("/admin/centre_managers/new/").context["form"]

    assert [user.username for user in form.fields["user"].queryset] == ["maria"]
    labels = [label for _, label in form.fields["centres"].choices]
    assert labels == ["Austin Downtown (Austin, TX)", "Downtown (Dallas, TX)"]


def test_the_managers_form_refuses_a_superuser(admin_client, centre):
    chief = get_user_model().objects.create_superuser("chief", "chief@example.org", "pw")

    response = admin_client.post(
        "/admin/centre_managers/new/", {"user": chief.pk, "centres": [centre.pk]}
    )

    assert response.status_code == 200
    assert "user" in response.context["form"].errors


def test_the_center_editor_shows_the_week_as_one_compact_table(admin_client, centre):
    html = admin_client.get(f"/admin/pages/{centre.pk}/edit/").content.decode()

    table = re.search(r"The week at a glance.*?<table.*?</table>", html, re.S).group(0)
    rows = re.findall(r"<tr><th scope=\"row\">(\w+)</th><td>(.*?)</td></tr>", table)
    assert [day for day, _ in rows] == [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    ]  # fmt: skip
    assert rows[0][1] == centre.weekly_hours_table()[0]["text"] != "Closed"
    assert rows[6][1] == "Closed"
