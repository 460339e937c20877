"""Centre managers: named in one admin step, they edit only their centres, in both languages."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from locations.models import CentreManager
from network.localization import translate
from tests.locations.factories import LocationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_centre(location_index):
    return LocationPageFactory(parent=location_index, title="Dallas Uptown", slug="dallas-uptown")


@pytest.fixture
def manager_user(db):
    return get_user_model().objects.create_user("maria", "maria@example.org", "pw")


@pytest.fixture
def admin_user_(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")


def make_manager(user, *centres, can_publish=True) -> CentreManager:
    manager = CentreManager.objects.create(user=user, can_publish=can_publish)
    manager.centres.set(centres)
    return manager


def test_an_admin_names_a_manager_and_their_centres_in_one_step(
    client, admin_user_, manager_user, centre, other_centre
):
    client.force_login(admin_user_)

    response = client.post(
        "/admin/centre_managers/new/",
        {"user": manager_user.pk, "centres": [centre.pk], "can_publish": "on"},
    )

    assert response.status_code == 302
    manager = CentreManager.objects.get(user=manager_user)
    assert [page.pk for page in manager.centres.all()] == [centre.pk]
    assert centre.permissions_for_user(manager_user).can_edit()
    assert not other_centre.permissions_for_user(manager_user).can_edit()
    assert manager_user.groups.filter(name="Location managers").exists()


def test_the_manager_list_is_for_network_admins_only(client, manager_user, centre):
    make_manager(manager_user, centre)
    client.force_login(manager_user)

    response = client.get("/admin/centre_managers/")

    assert response.status_code in (302, 403)


def test_a_manager_edits_and_publishes_their_centre_and_pages_under_it(
    client, manager_user, centre
):
    make_manager(manager_user, centre)
    client.force_login(manager_user)

    permissions = centre.permissions_for_user(manager_user)
    assert permissions.can_edit() and permissions.can_publish()
    assert permissions.can_add_subpage()
    assert client.get(f"/admin/pages/{centre.pk}/edit/").status_code == 200


def test_a_manager_cannot_edit_another_centre(client, manager_user, centre, other_centre):
    make_manager(manager_user, centre)
    client.force_login(manager_user)

    response = client.get(f"/admin/pages/{other_centre.pk}/edit/")

    assert response.status_code in (302, 403)
    assert not other_centre.permissions_for_user(manager_user).can_edit()
    assert not centre.get_parent().permissions_for_user(manager_user).can_edit()
    explorer = client.get("/admin/pages/", follow=True)
    assert explorer.status_code == 200
    assert f"/admin/pages/{centre.pk}/edit/" in explorer.text
    assert f"/admin/pages/{other_centre.pk}/edit/" not in explorer.text
    assert f"/admin/pages/{other_centre.pk}/" not in explorer.text


def test_a_manager_edits_the_spanish_translation_too(client, manager_user, centre, centre_es):
    make_manager(manager_user, centre)
    client.force_login(manager_user)

    assert centre_es.permissions_for_user(manager_user).can_edit()
    assert client.get(f"/admin/pages/{centre_es.pk}/edit/").status_code == 200


def test_a_translation_made_after_the_assignment_is_covered(
    manager_user, centre, location_index_es
):
    make_manager(manager_user, centre)

    spanish = translate(centre, "es", {"Austin Downtown": "Austin Centro"})

    assert spanish.permissions_for_user(manager_user).can_edit()


def test_managers_may_be_limited_to_submitting_for_moderation(manager_user, centre):
    make_manager(manager_user, centre, can_publish=False)

    permissions = centre.permissions_for_user(manager_user)

    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_removing_a_centre_or_the_manager_takes_the_rights_away(manager_user, centre, other_centre):
    manager = make_manager(manager_user, centre, other_centre)
    manager.centres.remove(other_centre)

    assert not other_centre.permissions_for_user(manager_user).can_edit()
    assert centre.permissions_for_user(manager_user).can_edit()

    group_pk = manager.group_id
    manager.delete()
    manager_user = get_user_model().objects.get(pk=manager_user.pk)
    assert not centre.permissions_for_user(manager_user).can_edit()
    assert not Group.objects.filter(pk=group_pk).exists()
