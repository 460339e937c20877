"""The finder's search form: parses `?q=`, `?lat=&lon=`, `?radius=` and `?service=`."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from locations.geocoding import GeocodingError, Place, geocode
from network.models import Service

RADIUS_CHOICES_MILES = (10, 25, 50, 100)


class FinderForm(forms.Form):
    """Turns the query string into an origin (a geocoded Place) and filters.

    Geocoding happens in `clean()` so a place we cannot find becomes an ordinary field error, shown
    next to the search box with what the patient typed kept in it.
    """

    q = forms.CharField(
        label=_("ZIP code or city"),
        required=False,
        max_length=100,
        help_text=_('For example 78701 or "Austin, TX".'),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "search"}),
    )
    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    radius = forms.TypedChoiceField(label=_("Within"), coerce=int, required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)

    def __init__(
        self, data=None, *, default_radius: int, services: list[Service], **kwargs
    ) -> None:
        if data is not None and not data.get("radius"):
            data = data.copy()  # so the radius menu shows the radius actually searched
            data["radius"] = str(default_radius)
        super().__init__(data, **kwargs)
        radii = sorted({*RADIUS_CHOICES_MILES, default_radius})
        self.default_radius = default_radius
        self.fields["radius"].choices = [
            (miles, _("%(miles)s miles") % {"miles": miles}) for miles in radii
        ]
        self.fields["radius"].initial = default_radius
        self.fields["service"].choices = [("", _("All services"))] + [
            (service.slug, service.name) for service in services
        ]

    def clean(self) -> dict:
        data = super().clean()
        data["radius"] = data.get("radius") or self.default_radius
        data["origin"] = None
        query = (data.get("q") or "").strip()
        if query:
            try:
                data["origin"] = geocode(query)
            except GeocodingError as error:
                self.add_error("q", str(error))
        elif data.get("lat") is not None and data.get("lon") is not None:
            data["origin"] = Place(data["lat"], data["lon"], gettext("your location"))
        return data
