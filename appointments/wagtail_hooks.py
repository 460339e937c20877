"""Appointments in Wagtail: the form in place on other apps' pages, and the managers' inbox.

The form: centre pages that accept requests show it with the centre preselected; pages whose class
sets `appointment_form_at_end = True` (articles) end with it. Either way it posts to the appointment
page, which shows any errors with everything typed kept, so the blog and locations never import this
app. Those pages are cached and shared by every visitor, so the form in them carries no CSRF or
form token: the browser fetches both from /api/form-token/ (`form_token_fields`), and a post that
arrives without them (no JavaScript) gets the form back, filled in, with tokens (`csrf_failure`).

The inbox: the request viewset, its permission policy, the dashboard panel, the badge's style
and the log actions of the request workflow.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from appointments import dashboard, workflow
from appointments.permissions import AppointmentPermissionPolicy
from appointments.viewsets import appointment_request_viewset
from locations.models import LocationPage
from network.caching import cached
from network.models import NetworkSettings

from .forms import AppointmentForm, FormToken
from .models import AppointmentPage, AppointmentRequest
from .views import send_again

SECTION_TEMPLATE = "appointments/includes/form_section.html"


def appointment_page(request: HttpRequest) -> AppointmentPage | None:
    """The appointment page chosen in the settings, in the visitor's language (None when unset)."""
    target = NetworkSettings.for_request(request).appointment_page
    if target is None or target.specific_class is not AppointmentPage:
        return None
    return cached(
        f"appointment-page:{target.pk}:{translation.get_language()}",
        lambda: target.localized.specific,
    )


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
    target = appointment_page(request)
    if target is None:
        return None
    form = AppointmentForm(consent_text=target.consent_text, location=location)
    return SECTION_TEMPLATE, {
        "form": form,
        "action": target.url,
        "appointment_page": target,
        "fresh_token": True,  # the page is cached: the browser fetches the tokens
    }


@hooks.register("form_token_fields")
def appointment_form_token(request: HttpRequest) -> dict[str, str]:
    """A new single-use form token for each visitor, timed from when the form was shown."""
    return {"form_token": FormToken.new().dumps()}


@hooks.register("csrf_failure")
def appointment_sent_without_tokens(request: HttpRequest, reason: str) -> HttpResponse | None:
    """A post to the appointment page without a valid CSRF token (sent from a cached page without
    JavaScript, or with an expired cookie) gets the form back, filled in, with tokens, instead of
    Django's bare 403. Posts refused for their origin or referrer (another site) keep the 403."""
    if request.method != "POST" or not (
        reason == REASON_NO_CSRF_COOKIE or reason.startswith("CSRF token")
    ):
        return None
    target = appointment_page(request)
    if target is None or request.path != target.url:
        return None
    return send_again(request, target)


# Before the viewset registers: it would otherwise fall back to Django's model permissions.
register_permission_policy(AppointmentRequest, AppointmentPermissionPolicy(AppointmentRequest))


@hooks.register("register_admin_viewset")
def register_inbox():
    return appointment_request_viewset


@hooks.register("construct_homepage_panels")
def new_requests_panel(request, panels):
    dashboard.add_panel(request, panels)


@hooks.register("insert_global_admin_css")
def inbox_badge_css():
    return format_html('<link rel="stylesheet" href="{}">', static("appointments/admin/inbox.css"))


@hooks.register("register_log_actions")
def register_inbox_actions(actions):
    statuses = dict(AppointmentRequest.Status.choices)

    @actions.register_action(workflow.STATUS_CHANGED)
    class StatusChanged(LogFormatter):
        label = _("Change status")

        def format_message(self, log_entry):
            return _("Status changed from “%(from)s” to “%(to)s”") % {
                "from": statuses.get(log_entry.data.get("from"), ""),
                "to": statuses.get(log_entry.data.get("to"), ""),
            }

    @actions.register_action(workflow.NOTE_ADDED)
    class NoteAdded(LogFormatter):
        label = _("Add note")
        message = _("Note added")

    @actions.register_action(workflow.REASSIGNED)
    class Reassigned(LogFormatter):
        label = _("Reassign")

        def format_message(self, log_entry):
            return _("Sent from “%(from)s” to “%(to)s”: %(reason)s") % {
                "from": log_entry.data.get("from") or _("Central intake"),
                "to": log_entry.data.get("to", ""),
                "reason": log_entry.data.get("reason", ""),
            }

    @actions.register_action(workflow.VIEWED)
    class Viewed(LogFormatter):
        label = _("View details")
        message = _("Details viewed")

    @actions.register_action(workflow.EXPORTED)
    class Exported(LogFormatter):
        label = _("Export")

        def format_message(self, log_entry):
            return _("Exported (%(format)s)") % {"format": log_entry.data.get("format", "")}
