"""Fixtures of the inbox tests: two managers of different centres, intake staff, an editor, and
requests routed to each centre and to central intake.

alice    manages Austin Downtown
bob      manages Round Rock
intake   in the "Network intake" group
boss     a superuser
editor   a Wagtail editor (Editors group), no centre
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from appointments.models import AppointmentRequest
from appointments.permissions import intake_group
from locations.models import CentreManager

_names = itertools.count(1)


def make_request(centre, **fields) -> AppointmentRequest:
    n = next(_names)
    values = {
        "first_name": f"Pat{n}",
        "last_name": f"Testcase{n}",
        "phone": f"+1512555{n:04d}",
        "email": f"patient{n}@example.org",
        "centre": centre,
        "routed": AppointmentRequest.Routed.CHOSEN
        if centre
        else AppointmentRequest.Routed.FALLBACK,
        "reason": "other",
        "consent_text": "I agree.",
        "consent_at": timezone.now(),
        **fields,
    }
    return AppointmentRequest.objects.create(**values)


def make_user(username: str, **extra):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)
    user.groups.add(_admin_access_group())
    return user


def _admin_access_group() -> Group:
    group, _ = Group.objects.get_or_create(name="Admin access (tests)")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def make_manager(user, *centres) -> CentreManager:
    manager = CentreManager.objects.create(user=user)
    manager.centres.set(centres)
    return manager


@pytest.fixture
def alice(centres):
    user = make_user("alice")
    make_manager(user, centres["austin"])
    return user


@pytest.fixture
def bob(centres):
    user = make_user("bob")
    make_manager(user, centres["round_rock"])
    return user


@pytest.fixture
def intake(db):
    user = make_user("intake")
    user.groups.add(intake_group())
    return user


@pytest.fixture
def boss(db):
    return get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")


@pytest.fixture
def editor(db):
    user = make_user("editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def requests(centres):
    """Three for Austin Downtown, two for Round Rock, one for central intake."""
    return {
        "austin": [make_request(centres["austin"]) for _ in range(3)],
        "round_rock": [make_request(centres["round_rock"]) for _ in range(2)],
        "intake": [make_request(None)],
    }
