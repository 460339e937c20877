"""The network app: home and generic pages, site-wide settings, navigation and shared taxonomy."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from phonenumber_field.modelfields import PhoneNumberField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BaseStreamBlock
from .caching import cached, site_for_request
from .localization import localized
from .panels import PermissionFieldPanel
from .visibility import CachedRestrictionsMixin


def image_field(verbose_name: str = _("photo")) -> models.ForeignKey:
    """An optional image from the library (a centre's photo, an article's hero image, a person's
    portrait): deleting the image leaves the page or snippet without one rather than deleting it.
    Alt text stays beside each use, because what an image needs as description depends on it."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term of the shared taxonomy. The slug is stable across languages so URLs and filters
    built on it (blog topics, centre services, appointment reasons) never depend on wording."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Stable identifier used in URLs and filters; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def slugs(cls) -> frozenset[str]:
        """Every term's slug, kept with the chrome: routing and the notification emails ask
        which kind of term a request's reason is for every request."""
        return cached(
            f"slugs:{cls._meta.label_lower}",
            lambda: frozenset(cls.objects.values_list("slug", flat=True)),
        )


class Condition(TaxonomyTerm):
    """A condition patients come with (sciatica, herniated disc, ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Service(TaxonomyTerm):
    """A treatment or service a centre offers (physical therapy, epidural injection, ...)."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Person(TranslatableMixin, index.Indexed, ClusterableModel):
    """A clinician or writer: an article's author or medical reviewer, a centre's provider.

    One snippet for every role, shared by the blog and the centres like the taxonomy, because the
    same clinician often practises at a centre, writes one article and reviews another; the role
    comes from where a page links them. The photo is a portrait shown next to the name, so
    templates render it as decorative (`alt=""`) and it needs no description of its own.
    """

    name = models.CharField(_("name"), max_length=120)
    credentials = models.CharField(
        _("credentials"),
        max_length=160,
        blank=True,
        help_text=_('Degrees and role, e.g. "MD, pain medicine physician".'),
    )
    photo = image_field()
    # A ParentalManyToManyField (not a plain M2M) so wagtail-localize copies the specialties into
    # the translation when it creates it; pages show them through `localized()` (upstream #820).
    specialties = ParentalManyToManyField(
        Service,
        verbose_name=_("specialties"),
        blank=True,
        related_name="+",
        help_text=_("Shown on the pages of the centers where this person practices."),
    )
    bio = models.TextField(_("short bio"), blank=True)
    # Approving a medical review names the reviewer's person on the article (blog.review), so the
    # link is set by those who manage accounts, never by the people who write articles.
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The admin account of this person, if they review articles."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("photo"),
        FieldPanel("specialties"),
        FieldPanel("bio"),
        PermissionFieldPanel("account", permission="auth.change_user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Not overridable: the Spanish version is the same person, with the same name, photo and
    # specialties; only the wording of credentials and bio is translated.
    translatable_fields = [
        SynchronizedField("name", overridable=False),
        TranslatableField("credentials"),
        SynchronizedField("photo", overridable=False),
        SynchronizedField("specialties", overridable=False),
        TranslatableField("bio"),
        SynchronizedField("account", overridable=False),
    ]

    @property
    def initials(self) -> str:
        """Up to two initials for the portrait placeholder ("EM" for "Dr. Elena Marsh")."""
        words = [w for w in self.name.replace(".", " ").split() if w[:1].isupper()]
        titles = {"Dr", "Mr", "Ms", "Mrs"}
        words = [w for w in words if w not in titles] or words
        return "".join(w[0] for w in (words[:1] + words[1:][-1:]))

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def localized_specialties(self) -> list[Service]:
        """The specialties in the active language (the translation may link the source rows)."""
        return localized(self.specialties.all())

    def schema_org(self) -> dict[str, str]:
        """schema.org Person data for the JSON-LD of articles (author, reviewer) and centres."""
        data = {"@type": "Person", "name": self.name}
        if self.credentials:
            data["honorificSuffix"] = self.credentials
        return data


PHONE_DAYS = [
    ("weekdays", _("Monday to Friday")),
    ("monday-saturday", _("Monday to Saturday")),
    ("daily", _("every day")),
]
# The main line's hours are shown to patients in one zone's name (centers show their own hours).
PHONE_TIME_ZONES = [
    ("ET", _("Eastern Time")),
    ("CT", _("Central Time")),
    ("MT", _("Mountain Time")),
    ("PT", _("Pacific Time")),
]


@register_setting(icon="site")
class NetworkSettings(BaseSiteSetting):
    """Facts about the network that editors change without a deploy."""

    network_name = models.CharField(_("network name"), max_length=120, default="Spine Network")
    main_phone = PhoneNumberField(_("main phone"), blank=True)
    central_intake_email = models.EmailField(
        _("central intake email"),
        blank=True,
        help_text=_("Receives appointment requests that no center within the radius can take."),
    )
    routing_radius_miles = models.PositiveIntegerField(
        _("routing radius (miles)"),
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
        help_text=_(
            "A request for the nearest center is routed only to centers within this radius."
        ),
    )
    appointment_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("appointment page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Where every "Request an appointment" button leads.'),
    )
    finder_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("center finder page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_('Where "Find a center near you" searches go.'),
    )
    related_posts_max = models.PositiveSmallIntegerField(
        _("related articles shown"),
        default=3,
        validators=[MinValueValidator(3), MaxValueValidator(6)],
        help_text=_('How many "Read more" articles a blog post shows (3 to 6).'),
    )
    postal_address = models.TextField(
        _("office address"), blank=True, help_text=_("Shown in every page's footer.")
    )
    phone_days = models.CharField(
        _("phone line days"), max_length=20, choices=PHONE_DAYS, default="weekdays"
    )
    phone_opens = models.TimeField(_("phone line opens"), null=True, blank=True)
    phone_closes = models.TimeField(_("phone line closes"), null=True, blank=True)
    phone_time_zone = models.CharField(
        _("phone line time zone"), max_length=2, choices=PHONE_TIME_ZONES, default="CT"
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    non_discrimination_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("nondiscrimination notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The notice of nondiscrimination and language assistance."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("network_name"),
                FieldPanel("main_phone"),
                FieldPanel("central_intake_email"),
            ],
            heading=_("Network"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("appointment_page"),
                FieldPanel("finder_page"),
                FieldPanel("routing_radius_miles"),
                FieldPanel("related_posts_max"),
            ],
            heading=_("Appointments and articles"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("postal_address"),
                FieldPanel("phone_days"),
                FieldPanel("phone_opens"),
                FieldPanel("phone_closes"),
                FieldPanel("phone_time_zone"),
                FieldPanel("privacy_page"),
                FieldPanel("non_discrimination_page"),
            ],
            heading=_("Footer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    # The header and every "Request an appointment" button follow the appointment page.
    select_related = ["appointment_page", "finder_page", "privacy_page", "non_discrimination_page"]

    class Meta:
        verbose_name = _("network settings")

    @classmethod
    def for_request(cls, request):
        """Wagtail's, from the cache: the header and footer read the settings on every page."""
        attr_name = cls.get_cache_attr_name()
        site = site_for_request(request)
        if site is None or hasattr(request, attr_name):
            return super().for_request(request)
        instance = cached(f"settings:{site.pk}", lambda: cls.for_site(site))
        instance._request = request  # as Wagtail does, for its page URL helpers
        setattr(request, attr_name, instance)
        return instance

    @classmethod
    def for_default_site(cls) -> "NetworkSettings":
        """The default site's settings, from the cache like `for_request`: for work done outside
        a request (routing, the notification emails, which the worker builds)."""
        site = cached("default-site", lambda: Site.objects.get(is_default_site=True))
        return cached(f"settings:{site.pk}", lambda: cls.for_site(site))

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(label, url) for label, url in links if url]


class HomePage(CachedRestrictionsMixin, Page):
    # Loaded with the page when it is served (network.routing).
    serve_select_related = ("locale", "hero_image")
    hero_heading = models.CharField(_("hero heading"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = image_field(_("hero image"))
    featured_services_heading = models.CharField(
        _("featured services heading"), max_length=200, blank=True
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("featured_services_heading"),
                InlinePanel("featured_services", label=_("Services")),
            ],
            heading=_("Featured services"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_featured_services(self) -> list["Service"]:
        """The featured services in the visitor's language, in the editor's order.

        Services without a translation keep their source wording rather than disappearing, and
        the lookup costs two queries however many services are featured.
        """
        services = [item.service for item in self.featured_services.select_related("service")]
        return localized(services)


class HomePageFeaturedService(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_services")
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("service")]


class StandardPage(CachedRestrictionsMixin, Page):
    """A generic content page (About us, Insurance, Patient forms...)."""

    search_kind = _("page")  # what the site search calls it (else the model's verbose name)
    # Loaded with the page when it is served (network.routing).
    serve_select_related = ("locale",)

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """An editable menu ("main" in the header, "footer" at the bottom), translated per language."""

    name = models.CharField(_("name"), max_length=50, help_text=_('"main" or "footer".'))

    panels = [FieldPanel("name"), InlinePanel("items", label=_("Links"))]
    # The name is how templates find the menu; the items carry the translated labels.
    translatable_fields = [SynchronizedField("name"), TranslatableField("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        unique_together = [("translation_key", "locale"), ("name", "locale")]

    def __str__(self) -> str:
        return self.name


class NavigationMenuItem(TranslatableMixin, Orderable):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.URLField(_("external link"), blank=True)
    label = models.CharField(
        _("label"), max_length=80, blank=True, help_text=_("Defaults to the page title.")
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]
    translatable_fields = [TranslatableField("label"), SynchronizedField("link_url")]

    # Orderable.Meta too: without its ordering the links come back in whatever order the database
    # keeps rows (PostgreSQL moves updated rows), so a menu could list its last link first.
    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        unique_together = [("translation_key", "locale")]
