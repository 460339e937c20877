"""The query strings of the centre finder page and of the JSON endpoint.

Both forms read a place (`q`, geocoded in `clean()` so a place we cannot find is an ordinary error
shown with what the patient typed) or a point (`lat`/`lon`), a radius and a service. What they
share lives in `CentreSearchForm`: one rule for the origin (a typed place wins over a point), every
value is normalized by `network.text.normalize_input`
(full-width and other Unicode digits are digits), coordinates are checked and rounded to two
decimals (about 1 km: enough to find a center, too coarse to locate a home), and service slugs
match whatever their case.
"""

from __future__ import annotations

import math
from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy, get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from locations.geocoding import (
    COORDINATE_DECIMALS,
    GeocodingError,
    Place,
    geocode,
    round_coordinate,
)
from network.models import Service
from network.text import normalize_input

RADIUS_CHOICES_MILES = (10, 25, 50, 100)
DEFAULT_LIMIT = 10
MAX_LIMIT = 50
MAX_RADIUS_MILES = 12_500  # half the Earth's circumference: anything larger means "no radius"


class NormalizedInput:
    """A form field mixin: the value goes through `normalize_input` before it is parsed."""

    def to_python(self, value: Any) -> Any:
        return super().to_python(normalize_input(value) if isinstance(value, str) else value)


class NormalizedCharField(NormalizedInput, forms.CharField):
    pass


class NormalizedFloatField(NormalizedInput, forms.FloatField):
    """A number typed with any digits; NaN and infinities are invalid (Django's FloatField)."""


class NormalizedIntegerField(NormalizedInput, forms.IntegerField):
    pass


class NormalizedTypedChoiceField(NormalizedInput, forms.TypedChoiceField):
    pass


class CoordinateField(NormalizedFloatField):
    """A latitude or longitude: one message for every error, rounded when cleaned and when shown
    again (so a link or a resubmitted form never carries more precision than the search used)."""

    def __init__(self, limit: int, message: Any, **kwargs: Any) -> None:
        errors = dict.fromkeys(("invalid", "min_value", "max_value"), message)
        super().__init__(
            required=False, min_value=-limit, max_value=limit, error_messages=errors, **kwargs
        )

    def clean(self, value: Any) -> float | None:
        number = super().clean(value)
        return None if number is None else round_coordinate(number)

    def prepare_value(self, value: Any) -> Any:
        try:
            number = self.to_python(value)
        except forms.ValidationError:
            return value  # shown as typed, beside its error
        if number is None or not math.isfinite(number):
            return value
        return f"{round_coordinate(number):.{COORDINATE_DECIMALS}f}"


class ServiceChoiceField(NormalizedInput, forms.ChoiceField):
    """A service slug from the choices, whatever its case ("Physical-Therapy")."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value).lower()
        return next((str(slug) for slug, _name in self.choices if str(slug).lower() == text), text)

    def prepare_value(self, value: Any) -> Any:
        """Shown again as the matching choice, so the menu selects it."""
        return self.to_python(value) if isinstance(value, str) else value


class CentreSearchForm(forms.Form):
    """What the finder and the JSON endpoint share: where to search from (`origin`).

    A typed place (`q`) wins over a point (`lat`/`lon`) in both: the place is what the visitor
    asked for just now, while a point may be left over from an earlier "Use my location" search
    (the finder keeps it in hidden fields) or sent by a client along with the text typed.
    """

    lat = CoordinateField(90, _("The latitude (lat) must be a number between -90 and 90."))
    lon = CoordinateField(180, _("The longitude (lon) must be a number between -180 and 180."))

    def point(self, data: dict[str, Any], label: str) -> Place | None:
        """The point given in lat/lon, or None when neither is; an error when only one is."""
        latitude, longitude = data.get("lat"), data.get("lon")
        if latitude is None and longitude is None:
            return None
        if latitude is None or longitude is None:
            raise forms.ValidationError(
                gettext("Give both the latitude (lat) and the longitude (lon).")
            )
        return Place(latitude, longitude, label)

    def origin(self, data: dict[str, Any], point_label: str) -> Place | None:
        """The place typed in `q` (geocoded) when there is one, else the point in `lat`/`lon`
        (labelled `point_label`), else None. Raises `GeocodingError` (its message is for the
        patient) for a place we cannot find, and `ValidationError` when only one coordinate is
        given."""
        query = data.get("q")
        if query:
            return geocode(query)
        if self.has_error("lat") or self.has_error("lon"):
            return None  # already reported beside the coordinate
        return self.point(data, point_label)

    def coordinate_errors(self) -> list[str]:
        """Errors about the point, which a patient never typed (it comes from a link or the
        browser's position): shown together above the form."""
        return [*self.errors.get("lat", ()), *self.errors.get("lon", ()), *self.non_field_errors()]


class FinderForm(CentreSearchForm):
    """The finder page: `?q=`, `?lat=&lon=` (from "Use my location"), `?radius=`, `?service=`.

    A typed place wins over a point (`CentreSearchForm`). Without either, the finder lists every
    center (of the service).
    """

    q = NormalizedCharField(
        label=_("ZIP code or city"),
        required=False,
        max_length=100,
        help_text=_('For example 78701 or "Austin, TX".'),
        error_messages={
            "max_length": _(
                "That is too long. Enter a ZIP code or a city and state (%(limit_value)d characters at most)."
            )
        },
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "search"}),
    )
    radius = NormalizedTypedChoiceField(label=_("Within"), coerce=int, required=False)
    service = ServiceChoiceField(
        label=_("Service"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "We don't offer that service at our centers. Choose a service from the list."
            )
        },
    )
    field_order = ["q", "lat", "lon", "radius", "service"]

    def __init__(
        self, data=None, *, default_radius: int, services: list[Service], **kwargs
    ) -> None:
        if data is not None and not data.get("radius"):
            data = data.copy()  # so the radius menu shows the radius actually searched
            data["radius"] = str(default_radius)
        super().__init__(data, **kwargs)
        radii = sorted({*RADIUS_CHOICES_MILES, default_radius})
        self.default_radius = default_radius
        radius = self.fields["radius"]
        radius.choices = [(miles, _("%(miles)s miles") % {"miles": miles}) for miles in radii]
        radius.initial = default_radius
        radius.error_messages["invalid_choice"] = format_lazy(
            _("We can search within {distances} miles. Choose one of these distances."),
            distances=get_text_list([str(miles) for miles in radii], _("or")),
        )
        self.fields["lat"].widget = self.fields["lon"].widget = forms.HiddenInput()
        self.fields["service"].choices = [("", _("All services"))] + [
            (service.slug, service.name) for service in services
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["radius"] = data.get("radius") or self.default_radius
        data["origin"] = None
        try:
            data["origin"] = self.origin(data, gettext("your location"))
        except GeocodingError as error:
            self.add_error("q", str(error))
        return data


def _number(message: Any, *, field: type[forms.Field] = NormalizedFloatField, **bounds: Any) -> Any:
    """An optional number whose every error (not a number, too small, too large) is one plain
    message that names the parameter: clients show it as is."""
    errors = dict.fromkeys(("invalid", "min_value", "max_value"), message)
    return field(required=False, error_messages=errors, **bounds)


class NearestQueryForm(CentreSearchForm):
    """The JSON endpoint's parameters; the origin is `q` or `lat`/`lon`, as on the finder page."""

    q = NormalizedCharField(required=False, max_length=200)
    radius = _number(
        format_lazy(
            _("radius must be a number of miles from 0 to {max}."),
            max=lazy(lambda: number_format(MAX_RADIUS_MILES, force_grouping=True), str)(),
        ),
        min_value=0,
        max_value=MAX_RADIUS_MILES,
    )
    service = NormalizedCharField(
        required=False,
        max_length=100,
        error_messages={"max_length": _("There is no such service.")},
    )
    limit = _number(
        format_lazy(_("limit must be a whole number from 1 to {max}."), max=MAX_LIMIT),
        field=NormalizedIntegerField,
        min_value=1,
        max_value=MAX_LIMIT,
    )

    def clean_service(self) -> str | None:
        """The stored slug of the service named, whatever the case of the slug typed."""
        slug = self.cleaned_data["service"]
        if not slug:
            return None
        stored = Service.objects.filter(slug__iexact=slug).values_list("slug", flat=True).first()
        if stored is None:
            raise forms.ValidationError(gettext("There is no such service."))
        return stored

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        try:
            data["origin"] = self.origin(data, gettext("Your location"))
        except GeocodingError as error:
            raise forms.ValidationError(str(error)) from None
        if data["origin"] is None:
            raise forms.ValidationError(
                gettext("Enter a ZIP code or a city and state in q, or coordinates in lat and lon.")
            )
        return data

    def first_error(self) -> str:
        """One message for the patient-facing client to show."""
        return next((error for errors in self.errors.values() for error in errors), "")
