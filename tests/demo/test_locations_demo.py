"""The locations demo: enough centres, states, time zones and providers, in both languages."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
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


def test_every_demo_center_shows_its_own_drawing_through_renditions(client, demo):
    english = LocationPage.objects.live().filter(locale__language_code="en")
    spanish = {
        page.translation_key: page
        for page in LocationPage.objects.filter(locale__language_code="es")
    }
    photos = set()
    for centre in english.select_related("photo"):
        assert centre.photo.collection.name == "Centers"
        assert centre.photo_alt.startswith("Drawing of a ")
        es = spanish[centre.translation_key]
        assert es.photo_id == centre.photo_id
        assert es.photo_alt.startswith("Dibujo de un edificio")
        photos.add(centre.photo_id)

        response = client.get(centre.url)
        assert response.status_code == 200
        img = re.search(r'<img[^>]*class="centre__photo"[^>]*>', response.text).group()
        assert f'alt="{centre.photo_alt}"' in img
        candidates = re.search(r'srcset="([^"]+)"', img).group(1).split(", ")
        assert len(candidates) == 3
        for candidate in candidates:
            url, width = candidate.split(" ")
            name = url.removeprefix(settings.MEDIA_URL)
            assert default_storage.exists(name), url
            with default_storage.open(name) as file, PillowImage.open(file) as picture:
                assert f"{picture.width}w" == width
    assert len(photos) == english.count()
