"""JSON endpoint `GET /api/locations/nearest/`: the nearest centres to a ZIP code, a city or a point.

Thin by design: `locations.forms.NearestQueryForm` parses and validates the query string (geocoding
included, a typed place winning over a point as on the finder page), the search itself is
`locations.nearest.nearest_centres` over `LocationPage.objects.visible()`, and `centre_json` shapes one
result. Error messages follow the active language (LocaleMiddleware: the Accept-Language header or
the language cookie). Every answer concerns a place a patient searched from, so none may be stored
by a shared cache or the browser. Documented in docs/locations-api.md.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from network.api import error, json_endpoint
from network.models import NetworkSettings

from .forms import DEFAULT_LIMIT, NearestQueryForm
from .geocoding import Place
from .models import LocationPage
from .nearest import NearbyCentre, nearest_centres
from .throttle import throttled_for


def centre_json(result: NearbyCentre, request: HttpRequest) -> dict[str, Any]:
    """One result. The URL is absolute (built from the page's Site), phones are E.164."""
    page = result.location
    return {
        "id": page.pk,
        "name": page.title,
        "url": page.get_full_url(request),
        "distance_miles": round(result.distance_miles, 1),
        "distance_km": round(result.distance_km, 1),
        "latitude": float(page.latitude),
        "longitude": float(page.longitude),
        "phone": page.phone.as_e164 if page.phone else None,
        "accepts_requests": page.accepts_requests,
        "services": list(dict.fromkeys(service.slug for service in page.services.all())),
    }


def _answer(request: HttpRequest) -> JsonResponse:
    retry_after = throttled_for(request)
    if retry_after is not None:
        return error(
            gettext("Too many searches. Please wait a minute and try again."),
            429,
            {"Retry-After": str(retry_after)},
        )
    form = NearestQueryForm(request.GET)
    if not form.is_valid():
        return error(form.first_error(), 400)
    query = form.cleaned_data
    origin: Place = query["origin"]
    radius = query["radius"]
    if radius is None:
        radius = NetworkSettings.for_request(request).routing_radius_miles
    results = nearest_centres(
        LocationPage.objects.visible().prefetch_related("services"),
        origin.latitude,
        origin.longitude,
        radius_miles=radius,
        service=query["service"],
        limit=query["limit"] or DEFAULT_LIMIT,
    )
    return JsonResponse(
        {
            "origin": {
                "latitude": origin.latitude,
                "longitude": origin.longitude,
                "label": origin.label,
            },
            "results": [centre_json(result, request) for result in results],
        }
    )


@json_endpoint
def nearest(request: HttpRequest) -> JsonResponse:
    """The nearest centres as JSON; 400 with {"error": ...} for bad input, 429 when rate-limited."""
    response = _answer(request)
    patch_cache_control(response, private=True, no_store=True)
    return response
