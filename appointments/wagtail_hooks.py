"""The appointment form in place on other apps' pages, through the network's `page_sections` hook.

Centre pages that accept requests show it with the centre preselected; pages whose class sets
`appointment_form_at_end = True` (articles) end with it. Either way it posts to the appointment page,
which shows any errors with everything typed kept, so the blog and locations never import this app.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from locations.models import LocationPage
from network.models import NetworkSettings

from .forms import AppointmentForm
from .models import AppointmentPage

SECTION_TEMPLATE = "appointments/includes/form_section.html"


@hooks.register("page_sections")
def appointment_form(page: Page, request: HttpRequest | None) -> tuple[str, dict] | None:
    if page.specific_class is LocationPage:
        if not page.accepts_requests:
            return None
        location = str(page.pk)
    elif getattr(page.specific_class, "appointment_form_at_end", False):
        location = None
    else:
        return None
    if request is None:
        return None
    target = NetworkSettings.for_request(request).appointment_page
    if target is None or target.specific_class is not AppointmentPage:
        return None
    target = target.localized.specific
    form = AppointmentForm(consent_text=target.consent_text, location=location)
    return SECTION_TEMPLATE, {"form": form, "action": target.url, "appointment_page": target}
