"""Locations URLs outside the language prefix (included at the site root by network/urls.py)."""

from django.urls import path

from . import api

urlpatterns = [
    path("api/locations/nearest/", api.nearest, name="locations_api_nearest"),
]
