"""Centres of the network: the finder (index) page, one page per centre, and offline geodata."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from network.blocks import BaseStreamBlock


class LocationIndexPage(Page):
    """The centre finder: search by ZIP, city or the visitor's position."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("location finder")


class LocationPage(Page):
    """One centre of the network."""

    street_address = models.CharField(_("street address"), max_length=255)
    city = models.CharField(_("city"), max_length=100)
    state = models.CharField(_("state"), max_length=2, help_text=_("Two-letter code, e.g. TX."))
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
        help_text=_("Where this centre's appointment requests go; separate several with commas."),
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="America/New_York")
    accepts_requests = models.BooleanField(_("accepts appointment requests"), default=True)
    services = ParentalManyToManyField("network.Service", blank=True, related_name="+")
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("city"),
                FieldPanel("state"),
                FieldPanel("zip_code"),
                FieldPanel("country"),
                FieldPanel("latitude"),
                FieldPanel("longitude"),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("intake_emails"),
                FieldPanel("time_zone"),
                FieldPanel("accepts_requests"),
            ],
            heading=_("Contact and requests"),
        ),
        FieldPanel("services"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("city"),
        index.SearchField("zip_code"),
        index.SearchField("body"),
        index.FilterField("state"),
    ]
    override_translatable_fields = [
        SynchronizedField("street_address"),
        SynchronizedField("city"),
        SynchronizedField("state"),
        SynchronizedField("zip_code"),
        SynchronizedField("country"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("intake_emails"),
        SynchronizedField("time_zone"),
        SynchronizedField("accepts_requests"),
        SynchronizedField("services"),
    ]
    parent_page_types = ["locations.LocationIndexPage"]

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centres")
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_lat_lon_idx")]


class ZipCentroid(models.Model):
    """The centre point of a US ZIP code, for offline geocoding.

    Loaded once from the compact file shipped in `locations/data/` (GeoNames, CC BY 4.0, via the
    `zipcodes` package): a keyed table costs web workers nothing, unlike keeping 42,000 rows in memory.
    """

    zip_code = models.CharField(max_length=5, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2)
    time_zone = models.CharField(max_length=64, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "city"], name="zip_state_city_idx")]

    def __str__(self) -> str:
        return f"{self.zip_code} {self.city}, {self.state}"


class GeocodeCache(models.Model):
    """Answers of the optional online geocoder, so the same query never goes out twice."""

    provider = models.CharField(max_length=50)
    query = models.CharField(max_length=255)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    label = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("provider", "query")]

    def __str__(self) -> str:
        return f"{self.provider}: {self.query}"
