"""The admin carries the network's name and mark: on the sign-in page, in the browser tab and as
its favicon."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from network.models import NetworkSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def named_network(home):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.network_name = "Backbone Care"
    settings.save()
    return settings


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_sign_in_page_shows_the_network_name_and_logo(client, named_network):
    html = client.get("/admin/login/").content.decode()
    assert "Sign in to Backbone Care" in html
    assert "Sign in to Wagtail" not in html
    assert re.search(r'<img src="[^"]*network/img/logo\.svg" alt="Backbone Care"', html)
    assert title(html).endswith("Backbone Care")
    assert 'href="/static/network/img/logo.svg" type="image/svg+xml"' in html
    assert "wagtailadmin/images/favicon.ico" not in html


def test_admin_pages_carry_the_name_in_the_tab_and_the_logo_in_the_sidebar(client, named_network):
    user = get_user_model().objects.create_superuser("ana", "ana@spine-network.example", "x")
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert title(html).endswith("- Backbone Care")
    assert "Wagtail</title>" not in html
    sidebar_logo = re.search(
        r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S
    ).group(1)
    assert "network/img/logo.svg" in sidebar_logo
