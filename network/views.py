"""Views that are not Wagtail pages: search, robots.txt, the favicon and the error pages."""

from pathlib import Path

from csp.decorators import csp_update
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.models import Locale, Page

from network import api
from network.search import clean_query, site_search


@require_GET
@cache_control(private=True, no_store=True)  # what a patient searched for stays theirs
def search(request: HttpRequest) -> TemplateResponse:
    """Search every live, public page in the visitor's language."""
    query = clean_query(request.GET.get("q"))
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    found = site_search(pages, query, request.GET.get("page"))
    return TemplateResponse(
        request,
        "network/search.html",
        {
            "search_query": query.text,
            "results": found.results,
            "centers": found.centers,
            "centers_count": found.centers_count,
        },
    )


@api.json_endpoint
@never_cache
def form_token(request: HttpRequest) -> JsonResponse:
    """This visitor's tokens, for a form on a cached page (`network/js/fresh-token.js`): the
    page's shared HTML cannot carry them. Sets the CSRF cookie when the visitor has none.

    `fields` maps hidden field names to values: the CSRF token, and whatever the apps add through
    the `form_token_fields` hook (`fn(request) -> dict[str, str]`; the appointment form's
    single-use token), so the network never imports the apps that own the forms."""
    csrf_token = get_token(request)
    fields = {"csrfmiddlewaretoken": csrf_token}
    for hook in hooks.get_hooks("form_token_fields"):
        fields.update(hook(request))
    return JsonResponse({"csrfToken": csrf_token, "fields": fields})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """Django's CSRF refusal (CSRF_FAILURE_VIEW), unless an app answers it better through the
    `csrf_failure` hook (`fn(request, reason) -> HttpResponse | None`): a form on a cached page
    carries no token in its HTML, so without JavaScript its post arrives without one, and the
    appointment form is shown again with what was typed (appointments.wagtail_hooks)."""
    for hook in hooks.get_hooks("csrf_failure"):
        response = hook(request, reason)
        if response is not None:
            return response
    return django_csrf_failure(request, reason=reason)


@require_GET
@cache_control(public=True, max_age=60 * 60)  # cheap to build: no server-side cache entry
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Keep crawlers out of the admin and point them at the sitemap of both languages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


FAVICON = Path(__file__).parent / "static" / "network" / "img" / "favicon.ico"


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request: HttpRequest) -> FileResponse:
    """/favicon.ico, which browsers and feed readers ask for whatever the page's <link rel=icon>
    says: the logo's mark, served from the app's static folder rather than a 404."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A 404 inside the site chrome, in the language of the URL, so visitors can find their way
    (JSON under /api/)."""
    if api.is_api_request(request):
        return api.not_found(request)
    return render(request, "404.html", status=404)


# The 500 page styles itself inline (it must render without static files, see below): the policy
# allows exactly that style block, by its hash (tests/network/test_security.py recomputes it).
ERROR_PAGE_STYLE = {"style-src": ["'sha256-uUWTsToXRrKbTEDit1NPJF/zvFT5XJRcpMU+4ahzaUo='"]}


@csp_update(ERROR_PAGE_STYLE)
@csp_update(ERROR_PAGE_STYLE, REPORT_ONLY=True)
def server_error(request: HttpRequest) -> HttpResponse:
    """A self-contained 500: no context processors, queries or static files, so it renders even
    when the database (the usual culprit) is down (JSON under /api/)."""
    if api.is_api_request(request):
        return api.server_error()
    return HttpResponseServerError(loader.render_to_string("500.html"))
