"""Centres of the network: the finder (index) page, one page per centre, its hours and providers,
and the centre managers.

The providers a centre lists are the network's `Person` snippets (also the blog's authors and
reviewers), linked through the orderable `LocationProvider`. Modules this one builds on, never the
other way round: `finder` (the index page's search), `geocoding` and `zip_codes` (placing an
address; their tables are in `geodata`, re-exported here), `rights` (who may delete or reroute a
centre), `hours`, `panels`, `states`. Receivers that keep managers' groups and translations
current are in `locations.signals`, connected when the app is ready.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import HttpResponse
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.formats import time_format
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from locations import finder, hours
from locations.geocoding import geocode_address

# Re-exported: the geodata models belong to this app, and code outside it names them here.
from locations.geodata import GeocodeCache, ZipCentroid  # noqa: F401
from locations.panels import WeeklyHoursSummaryPanel
from locations.rights import CHANGE_ROUTING, MANAGE_CENTRES, CentrePermissionTester
from locations.states import US_STATES, US_TIME_ZONES
from locations.zip_codes import zip_problem
from network.blocks import BaseStreamBlock
from network.chrome import appointment_page_url
from network.localization import localized
from network.models import Person, Service, image_field
from network.panels import PermissionFieldPanel
from network.visibility import CachedRestrictionsMixin, exclude_private


def validate_email_list(value: str) -> None:
    """Each comma-separated address must be a valid email: a typo here loses patients' requests."""
    addresses = split_emails(value)
    bad = []
    for address in addresses:
        try:
            validate_email(address)
        except ValidationError:
            bad.append(address)
    if bad:
        raise ValidationError(
            _("Not a valid email address: %(addresses)s"),
            code="invalid",
            params={"addresses": ", ".join(bad)},
        )


def split_emails(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


class LocationIndexPage(CachedRestrictionsMixin, Page):
    """The centre finder: search by ZIP, city or the visitor's position."""

    # Loaded with the page when it is served (network.routing).
    serve_select_related = ("locale",)

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1
    # How many centres beyond the radius to suggest when none is within it.
    nearest_beyond = 3

    class Meta:
        verbose_name = _("location finder")

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(
            finder.search(request, LocationPage.objects.visible(), beyond=self.nearest_beyond)
        )
        context["appointment_url"] = appointment_page_url(request)
        return context

    def serve(self, request, *args, **kwargs) -> HttpResponse:
        """The finder (`locations.finder`); a search from a place counts against the visitor's
        search budget (shared with the JSON endpoint), and its answer, which says where the patient
        is, is never stored by a shared cache or the browser."""
        if not finder.locates_visitor(request):
            return super().serve(request, *args, **kwargs)
        return finder.private(
            finder.throttled(request, self) or super().serve(request, *args, **kwargs)
        )


def content_languages() -> tuple[str, str]:
    """(active, default) content language codes, resolved as `Locale.get_active()` and
    `Locale.get_default()` do, but without their two queries per search."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    try:
        active = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        active = default
    return active, default


class LocationPageQuerySet(PageQuerySet):
    def visible(self) -> LocationPageQuerySet:
        """What visitors may see: live centres outside private sections, in the active language,
        plus default-language centres not yet translated into it (a Spanish visitor still finds
        every centre). The finder, the JSON endpoint and the appointment form's list use it."""
        active, default = content_languages()
        pages = exclude_private(self.live())
        if active == default:
            return pages.filter(locale__language_code=active)
        translated = self.model.objects.live().filter(locale__language_code=active)
        return pages.filter(
            Q(locale__language_code=active)
            | (
                Q(locale__language_code=default)
                & ~Q(translation_key__in=translated.values("translation_key"))
            )
        )


LocationPageManager = PageManager.from_queryset(LocationPageQuerySet)


class LocationPageForm(WagtailAdminPageForm):
    """The center editor refuses a ZIP code that is malformed, military or in another state
    (`locations.zip_codes`): it places the center on the map."""

    def clean(self) -> dict:
        cleaned_data = super().clean()
        zip_code = cleaned_data.get("zip_code")
        if zip_code:
            problem = zip_problem(zip_code, cleaned_data.get("state") or "")
            if problem:
                self.add_error("zip_code", problem)
        return cleaned_data


class LocationPage(CachedRestrictionsMixin, Page):
    """One centre of the network."""

    # The site search lists centers apart from articles and pages (network.search.site_search).
    search_group = "centers"
    # Loaded with the page when it is served (network.routing).
    serve_select_related = ("locale", "photo")

    street_address = models.CharField(_("street address"), max_length=255)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2, choices=US_STATES)
    zip_code = models.CharField(_("ZIP code"), max_length=10)
    country = models.CharField(_("country"), max_length=2, default="US")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Filled from the address when left empty."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Filled from the address when left empty."),
    )
    phone = PhoneNumberField(_("phone"))
    fax = PhoneNumberField(_("fax"), blank=True)
    intake_emails = models.CharField(
        _("intake email addresses"),
        max_length=500,
        blank=True,
        validators=[validate_email_list],
        help_text=_("Where this center's appointment requests go; separate several with commas."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=US_TIME_ZONES,
        default="America/New_York",
        help_text=_("Opening hours are in this time zone."),
    )
    accepts_requests = models.BooleanField(_("accepts appointment requests"), default=True)
    services = ParentalManyToManyField(
        "network.Service", verbose_name=_("services"), blank=True, related_name="+"
    )
    photo = image_field()
    photo_alt = models.CharField(
        _("photo description"),
        max_length=255,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it, e.g. 'Entrance with ramp'."),
    )
    parking_notes = models.TextField(_("parking"), blank=True)
    accessibility_notes = models.TextField(_("accessibility"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    objects = LocationPageManager()
    base_form_class = LocationPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("city"),
                FieldPanel("state"),
                FieldPanel("zip_code"),
                FieldPanel("country"),
                PermissionFieldPanel("latitude", permission=CHANGE_ROUTING),
                PermissionFieldPanel("longitude", permission=CHANGE_ROUTING),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("fax"),
                PermissionFieldPanel("intake_emails", permission=CHANGE_ROUTING),
                FieldPanel("time_zone"),
                PermissionFieldPanel("accepts_requests", permission=CHANGE_ROUTING),
            ],
            heading=_("Contact and requests"),
        ),
        MultiFieldPanel(
            [
                WeeklyHoursSummaryPanel(heading=_("The week at a glance")),
                InlinePanel("opening_hours", label=_("Weekly hours")),
                InlinePanel("hours_exceptions", label=_("Holidays and special hours")),
            ],
            heading=_("Opening hours"),
        ),
        FieldPanel("services"),
        InlinePanel("provider_links", label=_("Providers")),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt")],
            heading=_("Photo"),
        ),
        MultiFieldPanel(
            [FieldPanel("parking_notes"), FieldPanel("accessibility_notes")],
            heading=_("Getting here"),
        ),
        FieldPanel("body"),
    ]
    # The slug is the center's address: renaming it breaks links patients saved.
    promote_panels = [
        MultiFieldPanel(
            [
                PermissionFieldPanel("slug", permission=MANAGE_CENTRES),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("city"),
        index.SearchField("zip_code"),
        index.SearchField("body"),
        index.FilterField("state"),
    ]
    # Not overridable: a translator must not be able to give the Spanish page another phone number,
    # other hours or other coordinates (and PhoneNumber values cannot be stored as overrides).
    override_translatable_fields = [
        SynchronizedField("street_address", overridable=False),
        SynchronizedField("city", overridable=False),
        SynchronizedField("state", overridable=False),
        SynchronizedField("zip_code", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("fax", overridable=False),
        SynchronizedField("intake_emails", overridable=False),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("accepts_requests", overridable=False),
        SynchronizedField("services", overridable=False),
        SynchronizedField("photo", overridable=False),
        SynchronizedField("opening_hours", overridable=False),
        SynchronizedField("hours_exceptions", overridable=False),
        SynchronizedField("provider_links", overridable=False),
        TranslatableField("photo_alt"),
        TranslatableField("parking_notes"),
        TranslatableField("accessibility_notes"),
    ]
    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = ["network.StandardPage"]

    class Meta:
        verbose_name = _("center")
        verbose_name_plural = _("centers")
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_lat_lon_idx")]
        permissions = [
            ("manage_centres", _("Can delete, unpublish, move and rename centers")),
            ("change_routing", _("Can change where a center's appointment requests go")),
        ]

    def permissions_for_user(self, user) -> CentrePermissionTester:
        return CentrePermissionTester(user, self)

    def get_admin_display_title(self) -> str:
        """Several centers can share a name ("Downtown"): the admin's listings and choosers tell
        them apart by city and state."""
        return f"{super().get_admin_display_title()} ({self.city}, {self.state})"

    def get_context(self, request, *args, **kwargs) -> dict:
        """Lazy: the template reads these inside `{% page_fragment %}`s, so a center page whose
        fragments are kept (network.caching.page_fragment) runs none of their queries."""
        context = super().get_context(request, *args, **kwargs)
        context["appointment_url"] = appointment_page_url(request)
        context["services"] = SimpleLazyObject(lambda: self.services_in_language)
        context["providers"] = SimpleLazyObject(lambda: self.providers_in_language)
        context["structured_data"] = SimpleLazyObject(lambda: self.structured_data(request))
        context["subpages"] = SimpleLazyObject(
            lambda: list(exclude_private(self.get_children().live()))
        )
        return context

    def clean(self) -> None:
        """Fill missing coordinates from the address, so editors never have to look them up."""
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                {"longitude": _("Give both latitude and longitude, or leave both empty.")}
            )
        if self.latitude is None:
            place = geocode_address(self.street_address, self.city, self.state, self.zip_code)
            if place is None:
                raise ValidationError(
                    {
                        "latitude": _(
                            "We could not place this address on the map. Check the ZIP code, "
                            "or enter the latitude and longitude yourself."
                        )
                    }
                )
            self.latitude = Decimal(str(round(place.latitude, 6)))
            self.longitude = Decimal(str(round(place.longitude, 6)))

    # --- Presentation helpers, shared by the centre page, the finder and the JSON-LD ---

    @property
    def intake_email_list(self) -> list[str]:
        return split_emails(self.intake_emails)

    @property
    def state_name(self) -> str:
        return self.get_state_display()

    @property
    def address_line(self) -> str:
        return f"{self.street_address}, {self.city}, {self.state} {self.zip_code}"

    @property
    def directions_url(self) -> str:
        """A maps link built from the address: a plain link the patient follows, no request made."""
        query = urlencode({"api": 1, "destination": f"{self.title}, {self.address_line}"})
        return f"https://www.google.com/maps/dir/?{query}"

    @cached_property
    def schedule(self) -> hours.Schedule:
        # .all() so that prefetched hours (the finder) cost no query per centre.
        return hours.Schedule.build(
            self.time_zone,
            [(h.weekday, h.opens, h.closes) for h in self.opening_hours.all()],
            [e.as_dated_hours() for e in self.hours_exceptions.all()],
        )

    def hours_status(self, now: datetime | None = None) -> hours.HoursStatus:
        return self.schedule.status(now)

    def weekly_hours_table(self) -> list[dict]:
        """One row per weekday, Monday first, with the ranges formatted for the active language."""
        return [
            {
                "weekday": weekday,
                "name": WEEKDAYS[weekday],
                "text": format_ranges(self.schedule.weekly.get(weekday, ())),
            }
            for weekday in range(7)
        ]

    def upcoming_exceptions(self, now: datetime | None = None) -> list[dict]:
        return [
            {"dated": exception, "text": format_ranges(exception.ranges, exception.closed)}
            for exception in self.schedule.upcoming_exceptions(now)
        ]

    def hours_data(self) -> dict:
        """The schedule plus today's texts, for the browser-side "open now" clock."""
        data = self.schedule.as_data()
        data["weeklyText"] = [row["text"] for row in self.weekly_hours_table()]
        for item, exception in zip(data["exceptions"], self.schedule.exceptions, strict=True):
            item["text"] = format_ranges(exception.ranges, exception.closed)
            item["reason"] = str(exception.reason)
        return data

    @cached_property
    def services_in_language(self) -> list[Service]:
        """The centre's services in the visitor's language (the JSON-LD and the page share them)."""
        return self._people_and_services["services"]

    @cached_property
    def providers_in_language(self) -> list[dict]:
        """[{"provider", "specialties"}] in the visitor's language (the page and the JSON-LD
        share them). A provider's specialties are those this center offers: a physician who also
        does procedures elsewhere is not advertised for them here."""
        return self._people_and_services["providers"]

    @cached_property
    def _people_and_services(self) -> dict[str, list]:
        """Services and providers with their specialties, in the visitor's language: five
        queries at most (three in the default language), however many there are. The
        services and the specialties are swapped for their translations together."""
        services = list(self.services.all())
        offered = {service.translation_key for service in services}
        links = self.provider_links.select_related("provider")
        providers = localized([link.provider for link in links])
        prefetch_related_objects(providers, "specialties")
        terms = {*services, *(s for p in providers for s in p.specialties.all())}
        in_language = {
            term.translation_key: translated
            for term, translated in zip(terms, localized(terms, fallback=True), strict=True)
        }
        return {
            "services": sorted(
                (in_language[s.translation_key] for s in services), key=lambda s: s.name
            ),
            "providers": [
                {
                    "provider": provider,
                    "specialties": [
                        in_language[s.translation_key]
                        for s in provider.specialties.all()
                        if s.translation_key in offered
                    ],
                }
                for provider in providers
            ],
        }

    def structured_data(self, request=None) -> dict:
        """schema.org MedicalClinic JSON-LD for search engines: synchronised data, and the providers
        (as `employee`) in the visitor's language."""
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalClinic",
            "name": self.title,
            "url": self.get_full_url(request),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "addressLocality": self.city,
                "addressRegion": self.state,
                "postalCode": self.zip_code,
                "addressCountry": self.country,
            },
            "telephone": self.phone.as_e164 if self.phone else "",
            "openingHoursSpecification": self._opening_hours_specification(),
            "availableService": [
                {"@type": "MedicalTherapy", "name": service.name}
                for service in self.services_in_language
            ],
        }
        providers = [item["provider"].schema_org() for item in self.providers_in_language]
        if providers:
            data["employee"] = providers
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.fax:
            data["faxNumber"] = self.fax.as_e164
        if self.search_description:
            data["description"] = self.search_description
        return data

    def _opening_hours_specification(self) -> list[dict]:
        day_names = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        spec = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{day_names[weekday]}",
                "opens": time_range.opens.strftime("%H:%M"),
                "closes": time_range.closes.strftime("%H:%M"),
            }
            for weekday, ranges in sorted(self.schedule.weekly.items())
            for time_range in ranges
        ]
        for exception in self.schedule.exceptions:
            dated = {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.start.isoformat(),
                "validThrough": exception.end.isoformat(),
            }
            if exception.closed or not exception.ranges:
                # Google's convention for "closed all day".
                spec.append({**dated, "opens": "00:00", "closes": "00:00"})
            for time_range in () if exception.closed else exception.ranges:
                spec.append(
                    {
                        **dated,
                        "opens": time_range.opens.strftime("%H:%M"),
                        "closes": time_range.closes.strftime("%H:%M"),
                    }
                )
        return spec


def format_ranges(ranges: tuple[hours.TimeRange, ...], closed: bool = False) -> str:
    """'8 a.m. to noon, 1 to 5 p.m.' (with en dashes) in the active language, or 'Closed'."""
    if closed or not ranges:
        return gettext("Closed")
    return ", ".join(
        pgettext("opening hours range", "%(opens)s–%(closes)s")  # noqa: RUF001 (en dash wanted)
        % {"opens": time_format(r.opens), "closes": time_format(r.closes)}
        for r in ranges
    )


class OpeningHours(Orderable):
    """One range of a weekday's hours; several rows make a split day, no row a closed day."""

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"),
        help_text=_("A closing time earlier than the opening time means after midnight."),
    )

    panels = [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self) -> None:
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError(
                {"closes": _("The closing time must differ from the opening time.")}
            )


class HoursException(Orderable):
    """Hours that replace the weekly schedule on some dates: a holiday closure or special hours."""

    REASONS = [
        ("holiday", _("Holiday")),
        ("special", _("Special hours")),
        ("training", _("Staff training")),
        ("weather", _("Bad weather")),
        ("other", _("Other")),
    ]

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="hours_exceptions")
    start_date = models.DateField(_("from"))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Leave empty for one day.")
    )
    reason = models.CharField(_("reason"), max_length=20, choices=REASONS, default="holiday")
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)

    panels = [
        FieldPanel("start_date"),
        FieldPanel("end_date"),
        FieldPanel("reason"),
        FieldPanel("closed"),
        FieldPanel("opens"),
        FieldPanel("closes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("holiday or special hours")
        verbose_name_plural = _("holidays and special hours")

    def clean(self) -> None:
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        if not self.closed and (self.opens is None or self.closes is None):
            errors["opens"] = _("Give the opening and closing times, or tick 'closed all day'.")
        elif not self.closed and self.opens == self.closes:
            errors["closes"] = _("The closing time must differ from the opening time.")
        if errors:
            raise ValidationError(errors)

    def as_dated_hours(self) -> hours.DatedHours:
        ranges = () if self.closed else (hours.TimeRange(self.opens, self.closes),)
        return hours.DatedHours(
            self.start_date,
            self.end_date or self.start_date,
            self.closed,
            ranges,
            self.get_reason_display(),
        )


class LocationProvider(Orderable):
    """A person practising at a centre; synchronised, so both languages list the same people
    (shown in the visitor's language by `LocationPage.providers_in_language`)."""

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="provider_links")
    provider = models.ForeignKey(
        Person, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("provider")]

    class Meta(Orderable.Meta):
        verbose_name = _("provider")
        verbose_name_plural = _("providers")


def default_locale_centres() -> Q:
    """Managers are assigned on the default-language page; its translations follow."""
    return Q(locale_id=Locale.get_default().pk)


class CentreManagerForm(WagtailAdminModelForm):
    """Offers only users who can become managers (active, and not already network
    administrators, who hold every right), and names each center with its city and state."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, is_superuser=False)
            .order_by("last_name", "first_name", "username")
        )
        centres = self.fields["centres"]
        centres.queryset = centres.queryset.order_by("state", "city", "title")
        centres.label_from_instance = LocationPage.get_admin_display_title


class CentreManager(models.Model):
    """A user who manages some centres: edits (and publishes) only those centres' pages and the
    pages under them, in every language. Saving this record rewrites the user's own permission
    group (see `locations.permissions`), so an admin grants everything in one step."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="centre_manager",
    )
    centres = models.ManyToManyField(
        LocationPage,
        verbose_name=_("centers"),
        related_name="+",
        limit_choices_to=default_locale_centres,
        help_text=_("The user may edit these centers' pages and the pages under them."),
    )
    can_publish = models.BooleanField(
        _("can publish"),
        default=True,
        help_text=_("Otherwise their changes are submitted for moderation."),
    )
    group = models.OneToOneField(
        "auth.Group", null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    base_form_class = CentreManagerForm
    panels = [
        FieldPanel("user"),
        FieldPanel("centres", widget=forms.CheckboxSelectMultiple),
        FieldPanel("can_publish"),
    ]

    class Meta:
        verbose_name = _("center manager")
        verbose_name_plural = _("center managers")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    def centre_names(self) -> str:
        return ", ".join(centre.title for centre in self.centres.all())

    centre_names.short_description = _("centers")
