"""The ceiling for bench/pages.py: a bare Django view answering 20 kB, no middleware, no database.

Served by gunicorn exactly like the site (`gunicorn --chdir bench ceiling:application`); nothing
a Django page can do is faster, so the site's figures are read as fractions of this one.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

BODY = b"<!DOCTYPE html><title>ceiling</title>" + b"." * (20 * 1024 - 37)

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-ceiling",
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["127.0.0.1"],
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY)


urlpatterns = [path("", page)]

django.setup()
application = get_wsgi_application()
