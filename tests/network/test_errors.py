"""Friendly 404 in both languages inside the site chrome; a self-contained 500."""

from unittest import mock

import pytest
from django.urls import get_resolver

pytestmark = pytest.mark.django_db


def test_404_is_friendly_and_keeps_the_site_chrome(client, home, network_settings):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="en"' in response.text
    assert "We couldn't find that page" in response.text
    assert '<header class="site-header">' in response.text
    assert '<footer class="site-footer">' in response.text
    assert '<form action="/en/search/" method="get" role="search">' in response.text


def test_404_in_spanish(client, home, home_es, network_settings):
    response = client.get("/es/no-existe/")

    assert response.status_code == 404
    assert '<html lang="es"' in response.text
    assert "No encontramos esa página" in response.text
    assert '<form action="/es/search/" method="get" role="search">' in response.text
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in response.text


def test_500_handler_renders_without_touching_the_database(rf, django_assert_num_queries):
    handler = get_resolver().resolve_error_handler(500)

    with django_assert_num_queries(0):
        response = handler(rf.get("/en/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert '<h1 lang="es">Algo salió mal en nuestro sistema</h1>' in html
    # Self-contained: no stylesheet, script or image that could fail too.
    assert "<link" not in html
    assert "<script" not in html
    assert "<img" not in html


def test_an_unhandled_error_shows_the_500_page(client, home):
    client.raise_request_exception = False
    with mock.patch("network.views.Locale.get_active", side_effect=RuntimeError("database down")):
        response = client.get("/en/search/", {"q": "back"})

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text


def test_an_admin_404_is_answered_in_place(client, home, django_user_model):
    """Not redirected to the same path under /en/ (which Wagtail's page route would then 404)."""
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "x"))

    response = client.get("/admin/pages/999999/edit/")

    assert response.status_code == 404
