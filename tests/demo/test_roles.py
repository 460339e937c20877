"""What each demo account may do in the admin, as the README's role table says. Over the demo's
real accounts and content, signed in with their real passwords."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale

from locations.models import LocationIndexPage, LocationPage
from network.roles import WAGTAIL_DEFAULT_GROUPS
from tests.demo.accounts import PASSWORDS, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(demo):
    return LocationPage.objects.get(slug="austin-downtown", locale__language_code="en")


def test_accounts_hold_only_the_networks_groups(demo):
    users = get_user_model().objects.filter(username__in=PASSWORDS)

    assert users.count() == len(PASSWORDS)
    assert not users.filter(groups__name__in=WAGTAIL_DEFAULT_GROUPS).exists()


def test_wagtails_default_groups_hold_no_page_or_collection_rights(demo):
    groups = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)

    assert groups.count() == 2  # kept, emptied by migration network.0008
    assert not GroupPagePermission.objects.filter(group__in=groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=groups).exists()


def test_the_marketing_editor_cannot_touch_centers(sign_in, centre):
    editor = sign_in("editor")
    index = LocationIndexPage.objects.get(locale__language_code="en")
    spanish = Locale.objects.get(language_code="es")
    phone = centre.phone
    urls = [
        reverse("wagtailadmin_pages:edit", args=[centre.pk]),
        reverse("wagtailadmin_pages:edit", args=[centre.get_translation(spanish).pk]),
        reverse("wagtailadmin_pages:add", args=("locations", "locationpage", index.pk)),
        reverse("wagtailadmin_pages:add_subpage", args=[index.pk]),
        reverse("wagtailadmin_pages:copy", args=[centre.pk]),
        reverse("wagtailadmin_pages:history", args=[centre.pk]),
        reverse("wagtail_localize:submit_page_translation", args=[centre.pk]),
    ]

    for url in urls:
        assert refused(editor.get(url)), url
    for url in urls[:1] + urls[4:5] + urls[-1:]:
        assert refused(editor.post(url, {"phone": "+15125550199"})), url
    centre.refresh_from_db()
    assert centre.phone == phone and not centre.has_unpublished_changes
