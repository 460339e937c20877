"""The center finder's request handling: what `LocationIndexPage` answers to its query string.

The page model stays a model; this module reads the query string (`locations.forms.FinderForm`),
searches (`locations.nearest`) and shapes the answer the template shows. It never imports the
page models: the page passes the centers a visitor may see (`LocationPage.objects.visible()`), so
every import inside the app points one way (models -> finder -> forms, nearest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Locale, Page

from locations.forms import FinderForm
from locations.nearest import nearest_centres
from locations.throttle import throttled_for
from network.caching import cached
from network.models import NetworkSettings, Service

if TYPE_CHECKING:
    from locations.models import LocationPage

# Query-string parameters that say where a patient is.
LOCATION_PARAMETERS = ("q", "lat", "lon")
# Any of these makes the request a search (the form is bound and checked).
SEARCH_PARAMETERS = (*LOCATION_PARAMETERS, "service", "radius")
# What a search result shows beyond the page itself (services, today's hours), prefetched.
RESULT_PREFETCH = ("services", "opening_hours", "hours_exceptions")


def locates_visitor(request: HttpRequest) -> bool:
    """Whether the query string says where the visitor is (a place or a point)."""
    return any(request.GET.get(key) for key in LOCATION_PARAMETERS)


def throttled(request: HttpRequest, page: Page) -> HttpResponse | None:
    """The 429 page when the visitor has spent their search budget (shared with the JSON
    endpoint), else None."""
    retry_after = throttled_for(request)
    if retry_after is None:
        return None
    return TemplateResponse(
        request,
        "locations/finder_throttled.html",
        {"page": page, "self": page},
        status=429,
        headers={"Retry-After": str(retry_after)},
    )


def private(response: HttpResponse) -> HttpResponse:
    """An answer that says where a patient is: never stored by a shared cache or the browser."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def search(request: HttpRequest, centres: QuerySet[LocationPage], *, beyond: int) -> dict[str, Any]:
    """Answer the finder's query string from `centres` (those a visitor may see): the nearest
    centers (and, when none is within the radius, the `beyond` nearest outside it), or every
    center grouped by state."""
    network = NetworkSettings.for_request(request)
    searching = any(request.GET.get(key) for key in SEARCH_PARAMETERS)
    form = FinderForm(
        request.GET if searching else None,
        default_radius=network.routing_radius_miles,
        services=finder_services(),
    )
    answer: dict[str, Any] = {
        "form": form,
        "origin": None,
        "results": None,
        "beyond": [],
        "groups": [],
    }
    if not form.is_bound or not form.is_valid():
        answer["groups"] = centres_by_state(centres)
    elif form.cleaned_data["origin"] is None:
        answer["groups"] = centres_by_state(centres, form.cleaned_data["service"] or None)
    else:
        answer.update(
            _nearest(centres.prefetch_related(*RESULT_PREFETCH), form.cleaned_data, beyond)
        )
    answer["total"] = sum(len(group["centres"]) for group in answer["groups"])
    return answer


def _nearest(centres: QuerySet[LocationPage], search: dict[str, Any], beyond: int) -> dict:
    service = search["service"] or None
    origin = search["origin"]
    point = (origin.latitude, origin.longitude)
    answer: dict[str, Any] = {"origin": origin, "radius": search["radius"]}
    answer["results"] = nearest_centres(
        centres, *point, radius_miles=search["radius"], service=service
    )
    if not answer["results"]:
        answer["beyond"] = nearest_centres(centres, *point, service=service, limit=beyond)
    return answer


def finder_services() -> list[Service]:
    """Services in the visitor's language (the default language's until they are translated),
    kept with the chrome until the content changes."""
    return cached(f"finder-services:{translation.get_language()}", _finder_services)


def _finder_services() -> list[Service]:
    services = list(Service.objects.filter(locale=Locale.get_active()).order_by("name"))
    return services or list(Service.objects.filter(locale=Locale.get_default()).order_by("name"))


def centres_by_state(centres: QuerySet[LocationPage], service: str | None = None) -> list[dict]:
    """`centres` grouped by state (by state name, then city), for the compact list: one query
    however many centers (the list shows no service or hours, so nothing is prefetched)."""
    centres = centres.prefetch_related(None).order_by("state", "city", "title")
    if service:
        centres = centres.filter(services__slug=service)
    groups: dict[str, list] = {}
    for centre in centres:
        groups.setdefault(centre.state, []).append(centre)
    return sorted(
        (
            {"code": code, "name": members[0].state_name, "centres": members}
            for code, members in groups.items()
        ),
        key=lambda group: str(group["name"]),
    )
