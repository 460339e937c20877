"""The locations demo: enough centres, states, time zones and providers, in both languages."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from locations.models import CentreManager, LocationIndexPage, LocationPage, LocationProvider
from network.models import NetworkSettings, Person

pytestmark = pytest.mark.django_db


def test_demo_centres_states_time_zones_languages_manager_and_reload(client, demo):
    english = LocationPage.objects.live().filter(locale__language_code="en")
    spanish = LocationPage.objects.live().filter(locale__language_code="es")

    assert english.count() >= 30
    assert spanish.count() == english.count()
    assert len(set(english.values_list("state", flat=True))) >= 8
    assert len(set(english.values_list("time_zone", flat=True))) >= 4
    assert 3 <= english.filter(accepts_requests=False).count() <= 4
    assert Person.objects.filter(locale__language_code="es").count() >= 10
    # The blog's pain physician and reviewer practises in Houston too: one person, two roles.
    houston = LocationPage.objects.get(slug="houston-midtown", locale__language_code="en")
    assert [link.provider.name for link in houston.provider_links.all()] == ["Dr. Marcus Bell"]
    assert LocationProvider.objects.values("provider").distinct().count() == 10
    assert english.filter(opening_hours__weekday=5).distinct().count() >= 5
    html = client.get("/es/centros/", {"q": "78701", "radius": "10"}).text
    assert "Austin Centro" in html
    # Settings and the demo manager (one load of the demo costs seconds: one test checks it all).
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    finder = LocationIndexPage.objects.get(locale__language_code="en")
    manager = CentreManager.objects.get(user__username="manager")
    user = get_user_model().objects.get(username="manager")
    austin_es = LocationPage.objects.get(locale__language_code="es", slug="austin-downtown")

    assert settings.finder_page_id == finder.pk
    assert settings.appointment_page_id is not None
    assert manager.centres.count() == 3
    assert austin_es.permissions_for_user(user).can_edit()
    assert (
        not LocationPage.objects.get(slug="chicago-loop", locale__language_code="en")
        .permissions_for_user(user)
        .can_edit()
    )
