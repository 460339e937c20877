"""The one appointment request form, used on the appointment page, articles and centre pages.

Field names are an interface (other tools post to the page): first_name, last_name, phone, email,
centre ("nearest" or a centre page id in either language), zip_code, latitude, longitude, reason
(a Service slug, a Condition slug or "other"), contact_time, message, consent. Two more fields are
the form's own defences: `website`, a honeypot people never see, and `form_token`, a signed token
carrying a single-use nonce and the time the form was first shown (see `FormToken`).
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from phonenumber_field.formfields import PhoneNumberField
from phonenumber_field.phonenumber import PhoneNumber
from wagtail.models import Locale

from locations.geocoding import GeocodingError, geocode, round_coordinate
from locations.models import LocationPage
from network.caching import cached
from network.models import Condition, Service
from network.text import whole_number

from .records import MESSAGE_MAX_LENGTH, AppointmentRequest

NEAREST = "nearest"
OTHER = "other"
_ZIP_RE = re.compile(r"^(\d{5})(?:-?\d{4})?$")
_TOKEN_SALT = "appointments.form-token"


@dataclass(frozen=True)
class FormToken:
    """A signed token in the form: a random nonce (the request's `submission_key`, so the form can
    be stored once only) and when the form was first shown (a form sent back faster than a person
    can fill it is held as spam). Signed, so neither can be made up; carried over when the form is
    shown again with errors, so the time counts from the first display."""

    nonce: str
    rendered_at: float

    @classmethod
    def new(cls) -> FormToken:
        return cls(secrets.token_urlsafe(24), time.time())

    @classmethod
    def read(cls, value: str) -> FormToken | None:
        """The token, or None when it is missing, forged or older than the allowed age."""
        try:
            data = signing.loads(
                value or "", salt=_TOKEN_SALT, max_age=settings.APPOINTMENTS_FORM_MAX_AGE
            )
            return cls(str(data["n"]), float(data["t"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return None

    def dumps(self) -> str:
        return signing.dumps({"n": self.nonce, "t": self.rendered_at}, salt=_TOKEN_SALT)

    def seconds_to_fill(self) -> float:
        return time.time() - self.rendered_at


def centre_choices() -> list:
    """The centre choices, kept with the chrome until the content changes (network.caching)."""
    return cached(f"appointment-centres:{translation.get_language()}", _centre_choices)


def _centre_choices() -> list:
    """Centres that accept requests, in the visitor's language, grouped by state name: one query.
    Plain strings, translated now (the key names the language): a lazy string in a cached value
    is rebuilt on every read, which cost a POST about a millisecond (docs/performance.md)."""
    centres = (
        LocationPage.objects.visible()
        .filter(accepts_requests=True)
        .order_by("state", "city", "title")
    )
    groups: dict[str, list] = {}
    for centre in centres:
        groups.setdefault(str(centre.state_name), []).append((str(centre.pk), centre.title))
    return [
        (NEAREST, gettext("The center nearest to me")),
        *sorted(groups.items()),
    ]


def reason_choices() -> list:
    """The reason choices, kept with the chrome until the content changes (network.caching)."""
    return cached(f"appointment-reasons:{translation.get_language()}", _reason_choices)


def _reason_choices() -> list:
    """Services and conditions of the shared taxonomy in the visitor's language (the default
    language's where untranslated), by slug, then "Something else"; plain strings, as above."""

    def terms(model) -> list[tuple[str, str]]:
        rows = model.objects.filter(locale=Locale.get_active()).order_by("name")
        rows = list(rows) or list(
            model.objects.filter(locale=Locale.get_default()).order_by("name")
        )
        return [(term.slug, term.name) for term in rows]

    return [
        ("", gettext("Choose a reason")),
        (gettext("Treatments"), terms(Service)),
        (gettext("Conditions"), terms(Condition)),
        (OTHER, gettext("Something else")),
    ]


class NormalizedChoices(BaseChoiceIterator):
    """Choices already in the form Django normalizes them to (pairs of plain strings, and groups of
    such pairs): a field and its widget take an iterator as it is, where they walk a list again
    item by item, twice each (field, then widget), on every form (docs/performance.md)."""

    def __init__(self, choices: list) -> None:
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)


class CheckedPhoneNumber(PhoneNumber):
    """A phone number that remembers whether it is valid: django-phonenumber-field checks again on
    each `str()`, `len()` and save, six times a POST, each a match of the country's number
    patterns (docs/performance.md). The answer is kept with the parts of the number it depends
    on, so a number changed after the check is checked again."""

    def _parts(self) -> tuple:
        return (
            self.country_code,
            self.national_number,
            self.italian_leading_zero,
            self.number_of_leading_zeros,
        )

    def is_valid(self) -> bool:
        parts = self._parts()
        if self.__dict__.get("_checked_parts") != parts:
            self._valid = super().is_valid()
            self._checked_parts = parts
        return self._valid


class CheckedPhoneNumberField(PhoneNumberField):
    """django-phonenumber-field's form field, its numbers `CheckedPhoneNumber`s: its validators
    (and later saving the request) then check the number's validity once, not six times."""

    def to_python(self, value):
        number = super().to_python(value)
        if isinstance(number, PhoneNumber) and not isinstance(number, CheckedPhoneNumber):
            checked = CheckedPhoneNumber()
            checked.merge_from(number)
            return checked
        return number


class ConsentCheckbox(forms.CheckboxInput):
    """A checkbox that reads "0", "off" and "no" as unticked: Django's own reads every non-empty
    value but "false" as ticked, so a post saying `consent=0` would be taken as consent."""

    REFUSALS = frozenset({"", "0", "false", "off", "no"})

    def value_from_datadict(self, data, files, name) -> bool:
        value = data.get(name)
        return value is not None and str(value).strip().lower() not in self.REFUSALS


class AppointmentForm(forms.Form):
    """What a patient sends. `cleaned_data["centre"]` is a LocationPage or None ("nearest")."""

    first_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        error_messages={"required": _("Enter your first name.")},
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=100,
        error_messages={"required": _("Enter your last name.")},
    )
    phone = CheckedPhoneNumberField(
        label=_("Phone"),
        region="US",
        help_text=_("We will call you on this number, e.g. (512) 555-0100."),
        error_messages={
            "required": _("Enter a phone number we can call you on."),
            "invalid": _(
                "This phone number cannot exist. Check the area code and the number of digits."
            ),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    centre = forms.ChoiceField(
        label=_("Center"),
        error_messages={
            "required": _("Choose a center, or the center nearest to you."),
            "invalid_choice": _("Choose a center from the list."),
        },
    )
    zip_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        required=False,
        help_text=_("Needed to find the center nearest to you."),
    )
    latitude = forms.FloatField(
        required=False, min_value=-90, max_value=90, widget=forms.HiddenInput
    )
    longitude = forms.FloatField(
        required=False, min_value=-180, max_value=180, widget=forms.HiddenInput
    )
    reason = forms.ChoiceField(
        label=_("Reason for your visit"),
        error_messages={
            "required": _("Choose the reason for your visit."),
            "invalid_choice": _("Choose a reason from the list."),
        },
    )
    contact_time = forms.ChoiceField(
        label=_("Best time to call you"),
        required=False,
        choices=[("", _("No preference")), *AppointmentRequest.ContactTime.choices],
        error_messages={"invalid_choice": _("Choose a time from the list.")},
    )
    message = forms.CharField(
        label=_("Anything else we should know?"),
        required=False,
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_(
            "Optional. Please do not include detailed medical history. 1,000 characters at most."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Keep your message to %(limit_value)d characters at most (it has %(show_value)d)."
            )
        },
    )
    consent = forms.BooleanField(
        widget=ConsentCheckbox,
        error_messages={
            "required": _("Please agree to being contacted so we can answer your request.")
        },
    )
    # The honeypot: hidden from people (CSS and aria-hidden), filled by bots that fill every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = [
        "first_name",
        "last_name",
        "phone",
        "email",
        "centre",
        "zip_code",
        "reason",
        "contact_time",
        "message",
        "consent",
    ]
    autocomplete = {
        "first_name": "given-name",
        "last_name": "family-name",
        "phone": "tel",
        "email": "email",
        "zip_code": "postal-code",
    }

    def __init__(self, *args, consent_text: str = "", location: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].choices = NormalizedChoices(centre_choices())
        self.fields["reason"].choices = NormalizedChoices(reason_choices())
        self.fields["consent"].label = consent_text or _(
            "I agree to be contacted about my request by phone or email."
        )
        self.consent_text = str(self.fields["consent"].label)
        self._zip_place = None  # the ZIP code's place, once `clean_zip_code` has found it
        self.token = FormToken.read(self.data.get("form_token", "")) if self.is_bound else None
        self.token_expired = self.is_bound and self.token is None
        if self.token is None:
            self.token = FormToken.new()
        self.initial.setdefault("centre", self._preselected(location) or NEAREST)
        for name, value in self.autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value

    def _preselected(self, location: str | None) -> str | None:
        """The choice for `?location=<page id>`: the id itself, or its translation's in this
        language (the finder may pass either)."""
        if whole_number(location) is None:
            return None
        ids = {
            value
            for group, options in self.fields["centre"].choices
            if isinstance(options, list)
            for value, _label in options
        }
        if location in ids:
            return location
        page = LocationPage.objects.filter(pk=location).only("translation_key").first()
        if page is None:
            return None
        match = (
            LocationPage.objects.filter(translation_key=page.translation_key, pk__in=ids)
            .values_list("pk", flat=True)
            .first()
        )
        return str(match) if match else None

    def full_clean(self) -> None:
        super().full_clean()
        # Tie each field to its hint and error for screen readers, and mark invalid fields.
        for name, field in self.fields.items():
            described = []
            if field.help_text:
                described.append(f"{self[name].auto_id}-hint")
            if name in self.errors:
                described.append(f"{self[name].auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def clean_centre(self) -> LocationPage | None:
        """A centre page id in either language; one that no longer takes requests is accepted too
        (the patient may have opened the form earlier): routing sends it to the nearest."""
        value = self.cleaned_data["centre"]
        if value == NEAREST:
            return None
        centre = (
            LocationPage.objects.live().filter(pk=value).first()
            if whole_number(value) is not None
            else None
        )
        if centre is None:
            raise forms.ValidationError(_("Choose a center from the list."), code="invalid_choice")
        return centre

    def clean_zip_code(self) -> str:
        text = self.cleaned_data["zip_code"].strip()
        if not text:
            return ""
        match = _ZIP_RE.match(text)
        if match is None:
            raise forms.ValidationError(_("Enter a 5-digit ZIP code, like 78701."), code="invalid")
        try:
            self._zip_place = geocode(match.group(1))
        except GeocodingError as error:
            raise forms.ValidationError(str(error), code="unknown") from None
        return match.group(1)

    def clean_website(self) -> str:
        return self.cleaned_data["website"].strip()

    def clean(self) -> dict:
        data = super().clean()
        if self.token_expired:
            # Stale (a tab left open for days) or not from this site: shown again with a fresh
            # token, everything typed kept.
            self.add_error(
                None,
                forms.ValidationError(
                    _("This form has expired. Check your details and send it again."),
                    code="expired",
                ),
            )
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None):
            data["latitude"] = data["longitude"] = None
        elif latitude is not None:
            # As precise as finding a centre needs, and no more (like the finder).
            data["latitude"] = round_coordinate(latitude)
            data["longitude"] = round_coordinate(longitude)
        nearest = "centre" in data and data["centre"] is None
        has_position = data.get("latitude") is not None
        if (
            nearest
            and not has_position
            and not data.get("zip_code")
            and "zip_code" not in self.errors
        ):
            self.add_error(
                "zip_code",
                forms.ValidationError(
                    _("Enter your ZIP code so we can find the center nearest to you."),
                    code="required",
                ),
            )
        return data

    @property
    def origin(self) -> tuple[float, float] | tuple[None, None]:
        """Where to search from, once valid: the patient's position when shared, else the center
        of their ZIP code (placed once, by `clean_zip_code`), else (None, None)."""
        data = self.cleaned_data
        if data.get("latitude") is not None:
            return float(data["latitude"]), float(data["longitude"])
        if data.get("zip_code") and self._zip_place is not None:
            return self._zip_place.latitude, self._zip_place.longitude
        return None, None

    def error_summary(self) -> list[tuple[str, str]]:
        """(field id, message) for the summary at the top of the form, in field order; errors of
        the hidden position fields point at the ZIP code, where the patient can act on them."""
        items = []
        for name, errors in self.errors.items():
            if name == forms.forms.NON_FIELD_ERRORS:
                items.extend(("appointment-form", str(error)) for error in errors)
                continue
            if name in ("latitude", "longitude"):
                name = "zip_code"
            items.extend((self[name].auto_id, str(error)) for error in errors)
        return items

    def token_value(self) -> str:
        return self.token.dumps()
