"""`load_demo` resets accounts, the Site and the settings: never by accident on a real site."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_load_demo_refuses_without_debug_or_force():
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo")

    assert not get_user_model().objects.filter(username="admin").exists()
