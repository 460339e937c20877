"""JSON endpoint `GET /api/locations/nearest/`: the nearest centres to a ZIP code, a city or a point.

Thin by design: `NearestQueryForm` parses and validates the query string (geocoding included), the
search itself is `locations.nearest.nearest_centres`, and `centre_json` shapes one result. Error
messages follow the active language (LocaleMiddleware: the Accept-Language header or the language
cookie). Documented in docs/locations-api.md.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited

from network.models import NetworkSettings, Service

from .geocoding import GeocodingError, Place, geocode
from .nearest import NearbyCentre, nearest_centres

DEFAULT_LIMIT = 10
MAX_LIMIT = 50
MAX_RADIUS_MILES = 12_500  # half the Earth's circumference: anything larger means "no radius"


def _number(message: Any, *, field: type[forms.Field] = forms.FloatField, **bounds: Any) -> Any:
    """An optional number field whose every error (not a number, too small, too large) is one
    plain message that names the parameter: clients show it as is."""
    errors = dict.fromkeys(("invalid", "min_value", "max_value"), message)
    return field(required=False, error_messages=errors, **bounds)


class NearestQueryForm(forms.Form):
    """The endpoint's parameters. `clean()` geocodes `q`, or takes `lat`/`lon` as the origin."""

    q = forms.CharField(required=False, max_length=200)
    lat = _number(_("lat must be a number between -90 and 90."), min_value=-90, max_value=90)
    lon = _number(_("lon must be a number between -180 and 180."), min_value=-180, max_value=180)
    radius = _number(
        _("radius must be a number of miles."), min_value=0, max_value=MAX_RADIUS_MILES
    )
    service = forms.SlugField(
        required=False, error_messages={"invalid": _("There is no such service.")}
    )
    limit = _number(
        format_lazy(_("limit must be a whole number from 1 to {max}."), max=MAX_LIMIT),
        field=forms.IntegerField,
        min_value=1,
        max_value=MAX_LIMIT,
    )

    def clean_service(self) -> str | None:
        slug = self.cleaned_data.get("service") or None
        if slug and not Service.objects.filter(slug=slug).exists():
            raise forms.ValidationError(gettext("There is no such service."))
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        latitude, longitude = data.get("lat"), data.get("lon")
        if latitude is not None or longitude is not None:
            if latitude is None or longitude is None:
                raise forms.ValidationError(gettext("Give both lat and lon."))
            data["origin"] = Place(latitude, longitude, gettext("Your location"))
        elif data.get("q"):
            try:
                data["origin"] = geocode(data["q"])
            except GeocodingError as error:
                raise forms.ValidationError(str(error)) from None
        else:
            raise forms.ValidationError(
                gettext("Enter a ZIP code or a city and state in q, or coordinates in lat and lon.")
            )
        return data

    def first_error(self) -> str:
        """One message for the patient-facing client to show."""
        return next((error for errors in self.errors.values() for error in errors), "")


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


def _rate(group: str, request: HttpRequest) -> str:
    return getattr(settings, "LOCATIONS_API_RATELIMIT", "60/m")


@require_GET
def nearest(request: HttpRequest) -> JsonResponse:
    """The nearest centres as JSON; 400 with {"error": ...} for bad input, 429 when rate-limited."""
    if is_ratelimited(request, group="locations-nearest", key="ip", rate=_rate, increment=True):
        return JsonResponse(
            {"error": gettext("Too many searches. Please wait a minute and try again.")},
            status=429,
        )
    form = NearestQueryForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": form.first_error()}, status=400)
    query = form.cleaned_data
    origin: Place = query["origin"]
    radius = query["radius"]
    if radius is None:
        radius = NetworkSettings.for_request(request).routing_radius_miles
    results = nearest_centres(
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
