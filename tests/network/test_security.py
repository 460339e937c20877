"""Browser policy headers: Content-Security-Policy (site and admin), Permissions-Policy."""

import base64
import hashlib
import re

import pytest
from django.conf import settings
from django.template import loader
from django.test import Client

from network.views import ERROR_PAGE_STYLE

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("path", ["/en/", "/en/about-us/", "/en/search/?q=back", "/en/nowhere/"])
def test_site_pages_run_only_the_sites_own_scripts(client, about, network_settings, path):
    response = client.get(path)

    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval, no nonce to leak
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_the_admin_sign_in_pages_keep_scripts_strict(client):
    for path in ("/admin/login/", "/admin/password_reset/"):
        policy = directives(client.get(path)["Content-Security-Policy"])

        assert policy["script-src"] == ["'self'"], path
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]  # Wagtail's inline styles
        assert policy["frame-ancestors"] == ["'self'"]  # the page editor's preview panel
        assert policy["object-src"] == ["'none'"]


def test_signed_in_admin_pages_allow_wagtails_inline_scripts(client, admin_user):
    client.force_login(admin_user)

    policy = directives(client.get("/admin/")["Content-Security-Policy"])

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # upstream wagtail#1288
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


def test_json_answers_carry_the_policy_too(client):
    response = client.get("/api/locations/nearest/")

    assert directives(response["Content-Security-Policy"])["default-src"] == ["'self'"]


def test_the_error_page_style_hash_matches_the_template():
    source = loader.get_template("500.html").template.source
    css = re.search(r"<style>(.*?)</style>", source, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()

    assert ERROR_PAGE_STYLE["style-src"] == [f"'sha256-{digest}'"]


def test_server_error_page_carries_its_style_hash(client, home, monkeypatch):
    def broken(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("network.views.clean_query", broken)
    response = Client(raise_request_exception=False).get("/en/search/", {"q": "x"})

    assert response.status_code == 500
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", *ERROR_PAGE_STYLE["style-src"]]


def test_permissions_policy_allows_geolocation_for_the_site_only(client, home):
    header = client.get("/en/")["Permissions-Policy"]
    features = dict(part.split("=", 1) for part in header.split(", "))

    assert features["geolocation"] == "(self)"
    for feature in ("camera", "microphone", "payment", "usb", "browsing-topics", "display-capture"):
        assert features[feature] == "()", feature
    assert features["fullscreen"].startswith("(self ")
    assert set(settings.PERMISSIONS_POLICY) <= set(features)
