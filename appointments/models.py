"""The appointment page, and (re-exported from `appointments.records`) the requests it receives.

The page is the top of the app: it serves through `appointments.views`, which build on the form,
intake, routing and notifications, all of which use the request records below them. Keeping the
records in their own module lets every import inside the app point one way; migrations and other
apps keep naming them `appointments.models.*`.
"""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from appointments import views

# Re-exported: the records are this app's models; other apps, tests and migration 0001 (the
# reference's default, `new_reference`) name them here.
from appointments.records import (  # noqa: F401
    AppointmentNote,
    AppointmentRequest,
    Notification,
    new_reference,
)
from network.visibility import CachedRestrictionsMixin


class AppointmentPage(CachedRestrictionsMixin, RoutablePageMixin, Page):
    """The page where patients request an appointment (the same form also appears at the end of
    articles and on centre pages, posting here). Editors write the words around the form; the
    serving logic lives in `appointments.views`, which this module imports (the views never
    import the page model)."""

    intro = models.TextField(_("introduction"), blank=True)
    consent_text = models.TextField(
        _("consent text"),
        default=_(
            "I agree to be contacted by phone or email about this request, and to what I sent "
            "being kept for that purpose."
        ),
        help_text=_(
            "What patients agree to by ticking the box. Each request keeps the exact text accepted."
        ),
    )
    thank_you_text = RichTextField(
        _("what happens next"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Shown on the thank-you page, below the request's reference and center."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["network.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("appointment request page")

    @path("")
    def request_form(self, request: HttpRequest) -> HttpResponse:
        return views.request_form(request, self)

    # Translated like the page slugs: /es/solicitar-una-cita/gracias/.
    @path(pgettext_lazy("URL path", "thank-you/"), name="thank_you")
    def thank_you(self, request: HttpRequest) -> HttpResponse:
        return views.thank_you(request, self)
