"""Isolation: a centre manager sees, searches, filters, counts, inspects and edits only the
requests routed to their own centres, by every path; intake staff and superusers see all; an
editor sees nothing. Ids of other centres' requests answer 404, exactly like ids that do not exist.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from appointments.models import AppointmentRequest
from appointments.permissions import visible_requests
from tests.appointments.inbox.conftest import make_manager, make_request
from tests.appointments.world import *  # noqa: F403  (this module's tests share one network)

pytestmark = pytest.mark.django_db

INDEX = "/admin/appointments/"


def references(response) -> set[str]:
    """The requests a listing links to (not merely mentions: a search box repeats its query)."""
    content = response.content.decode()
    return {r.reference for r in AppointmentRequest.objects.all() if f"inspect/{r.pk}/" in content}


def refs(requests) -> set[str]:
    return {r.reference for r in requests}


def test_each_manager_lists_exactly_their_centres_requests(client, alice, bob, requests):
    client.force_login(alice)
    assert references(client.get(INDEX)) == refs(requests["austin"])

    client.force_login(bob)
    assert references(client.get(INDEX)) == refs(requests["round_rock"])


def test_intake_staff_and_superusers_list_every_request(client, intake, boss, requests):
    everything = refs(r for group in requests.values() for r in group)
    for user in (intake, boss):
        client.force_login(user)
        assert references(client.get(INDEX)) == everything


def test_search_finds_nothing_of_another_centre(client, alice, requests):
    other = requests["round_rock"][0]
    client.force_login(alice)

    for query in (other.reference, other.last_name, other.email, str(other.phone.national_number)):
        response = client.get(INDEX, {"q": query})
        assert response.status_code == 200
        assert references(response) == set(), query


def test_search_by_name_email_reference_and_phone_digits(client, alice, requests):
    mine = requests["austin"][1]
    client.force_login(alice)

    for query in (mine.reference, mine.last_name, mine.email, "512-555-" + str(mine.phone)[-4:]):
        assert references(client.get(INDEX, {"q": query})) == {mine.reference}, query


def test_filter_choices_name_only_the_managers_centres(client, alice, centres, requests):
    client.force_login(alice)

    content = client.get(INDEX).content.decode()

    assert "Austin Downtown" in content
    assert "Round Rock" not in content and "San Antonio" not in content


def test_filtering_by_another_centres_id_shows_none_of_its_requests(
    client, alice, centres, requests
):
    client.force_login(alice)

    response = client.get(INDEX, {"centre": centres["round_rock"].pk})

    assert references(response) & refs(requests["round_rock"]) == set()


def test_filters_by_status_and_centre(client, intake, centres, requests):
    contacted = requests["austin"][0]
    contacted.status = AppointmentRequest.Status.CONTACTED
    contacted.save()
    client.force_login(intake)

    assert references(client.get(INDEX, {"status": "contacted"})) == {contacted.reference}
    assert references(client.get(INDEX, {"centre": centres["round_rock"].pk})) == refs(
        requests["round_rock"]
    )
    assert references(client.get(INDEX, {"routed": "fallback"})) == refs(requests["intake"])


def test_the_list_is_newest_first(client, alice, requests):
    client.force_login(alice)
    content = client.get(INDEX).content.decode()

    positions = [content.index(r.reference) for r in reversed(requests["austin"])]

    assert positions == sorted(positions)


@pytest.mark.parametrize("view", ["inspect", "edit", "delete", "history", "usage"])
def test_another_centres_request_answers_404_like_a_missing_one(client, alice, requests, view):
    other = requests["round_rock"][0]
    missing = max(r.pk for r in AppointmentRequest.objects.all()) + 1
    client.force_login(alice)

    # (The language middleware first redirects an admin 404 to its /en/ twin, which 404s too.)
    assert client.get(f"{INDEX}{view}/{other.pk}/", follow=True).status_code == 404
    assert client.get(f"{INDEX}{view}/{missing}/", follow=True).status_code == 404
    response = client.post(f"{INDEX}{view}/{other.pk}/", {"status": "spam"}, follow=True)
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "new"


def test_a_manager_inspects_and_edits_their_own_request(client, alice, requests):
    mine = requests["austin"][0]
    client.force_login(alice)

    assert client.get(f"{INDEX}inspect/{mine.pk}/").status_code == 200
    assert client.get(f"{INDEX}edit/{mine.pk}/").status_code == 200


def test_only_network_staff_delete(client, alice, intake, requests):
    mine = requests["austin"][0]
    client.force_login(alice)
    assert client.post(f"{INDEX}delete/{mine.pk}/").status_code in (302, 403)
    assert AppointmentRequest.objects.filter(pk=mine.pk).exists()

    client.force_login(intake)
    assert client.post(f"{INDEX}delete/{mine.pk}/").status_code == 302
    assert not AppointmentRequest.objects.filter(pk=mine.pk).exists()


def test_an_editor_sees_nothing(client, editor, requests):
    client.force_login(editor)
    some = requests["austin"][0]

    dashboard = client.get("/admin/").content.decode()
    assert "Appointment requests" not in dashboard
    assert client.get(INDEX).status_code in (302, 403)
    for view in ("inspect", "edit", "delete", "history"):
        response = client.get(f"{INDEX}{view}/{some.pk}/")
        assert response.status_code in (302, 403, 404)
        # Sent to the dashboard, or to the /en/ twin of a 404.
        assert response.get("Location", "") in ("", "/admin/", f"/en{INDEX}{view}/{some.pk}/")


def test_the_menu_badge_counts_only_the_managers_new_requests(client, alice, bob, requests):
    closed = requests["austin"][0]
    closed.status = AppointmentRequest.Status.CLOSED
    closed.save()

    client.force_login(alice)
    assert '"data-appointments-new": "2"' in client.get("/admin/").content.decode()
    client.force_login(bob)
    assert '"data-appointments-new": "2"' in client.get("/admin/").content.decode()


def test_changing_a_managers_centres_takes_effect_on_their_next_request(
    client, alice, centres, requests
):
    client.force_login(alice)
    assert references(client.get(INDEX)) == refs(requests["austin"])

    alice.centre_manager.centres.set([centres["round_rock"]])

    assert references(client.get(INDEX)) == refs(requests["round_rock"])


def test_a_manager_without_centres_has_no_inbox(client, centres, requests):
    from tests.appointments.inbox.conftest import make_user

    user = make_user("carol")
    make_manager(user)
    client.force_login(user)

    assert visible_requests(user).count() == 0
    assert client.get(INDEX).status_code in (302, 403)


def test_the_list_costs_the_same_queries_whatever_the_number_of_requests(
    client, alice, centres, requests
):
    client.force_login(alice)
    client.get(INDEX)  # warm caches (content types, site, settings)

    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    for _ in range(20):
        make_request(centres["austin"], reason="sciatica")
    with CaptureQueriesContext(connection) as many:
        response = client.get(INDEX)

    assert len(references(response)) == 23
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_medical_reviewer_sees_nothing(client, requests):
    from django.contrib.auth.models import Group

    from blog.workflow import REVIEWERS_GROUP
    from tests.appointments.inbox.conftest import make_user

    reviewer = make_user("rita")
    reviewer.groups.add(Group.objects.get_or_create(name=REVIEWERS_GROUP)[0])
    client.force_login(reviewer)

    assert "Appointment requests" not in client.get("/admin/").content.decode()
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(INDEX, {"export": "csv"}).status_code in (302, 403)
