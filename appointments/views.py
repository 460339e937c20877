"""Serving the appointment page: the form, and the thank-you page for the browser that sent it.

Thin on purpose: the form validates (`forms`), `intake` stores, routing and notifications live in
their own modules. Every answer here is private to one patient, so none may be cached.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from network.models import NetworkSettings
from network.text import whole_number

from . import intake
from .forms import AppointmentForm
from .records import AppointmentRequest

if TYPE_CHECKING:  # the page serves through these views (appointments.models imports this module)
    from .models import AppointmentPage

# A signed cookie, not the session: a session would be one more row written for every request
# (docs/performance.md), and the cookie holds only the request's id, signed with SECRET_KEY.
SENT_COOKIE = "appointment_sent"
_SENT_SALT = "appointments.views.sent"


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response


def _thank_you_seconds() -> int:
    """How long the browser that sent a request may see its thank-you page."""
    return settings.APPOINTMENTS_THANK_YOU_MINUTES * 60


def _remember(response: HttpResponse, appointment_id: int) -> None:
    """Let this browser see the thank-you page of this request for a while."""
    response.set_signed_cookie(
        SENT_COOKIE,
        str(appointment_id),
        salt=_SENT_SALT,
        max_age=_thank_you_seconds(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _remembered(request: HttpRequest) -> AppointmentRequest | None:
    pk = request.get_signed_cookie(
        SENT_COOKIE,
        default=None,
        salt=_SENT_SALT,
        max_age=_thank_you_seconds(),
    )
    if whole_number(pk) is None:
        return None
    return AppointmentRequest.objects.select_related("centre").filter(pk=pk).first()


def _thank_you_url(page: AppointmentPage, request: HttpRequest) -> str:
    # With the request: the sites' root paths as this request keeps them (network.caching), not
    # read again from the cache (a round trip to Redis on every POST).
    return page.get_url(request) + page.reverse_subpage("thank_you")


def request_form(request: HttpRequest, page: AppointmentPage) -> HttpResponse:
    if request.method == "POST":
        length = whole_number(request.META.get("CONTENT_LENGTH") or "0")
        if length is None or length > settings.APPOINTMENTS_MAX_BODY_BYTES:
            return _private(
                TemplateResponse(request, "appointments/too_large.html", {"page": page}, status=413)
            )
        form = AppointmentForm(request.POST, consent_text=page.consent_text)
        stored = intake.already_received(form)
        if stored is None and form.is_valid():
            stored = intake.receive(form, request).pk
        if stored is not None:
            # Also when the token had stored it already: the same form sent again after the
            # database failed between storing it and answering (appointments.middleware).
            response = HttpResponseRedirect(_thank_you_url(page, request))
            _remember(response, stored)
            return response
    else:
        form = AppointmentForm(consent_text=page.consent_text, location=request.GET.get("location"))
    context = page.get_context(request)
    context["form"] = form
    return _private(TemplateResponse(request, page.get_template(request), context))


# Never carried into the form shown again: the honeypot and the tokens, which it gets anew.
_NOT_KEPT = {"website", "form_token"}


def send_again(request: HttpRequest, page: AppointmentPage) -> HttpResponse:
    """The form again, filled in with what was posted and with tokens of its own, for a post the
    CSRF check refused (a form on a cached page sent without JavaScript carries no token: see
    `appointments.wagtail_hooks`). Nothing is validated or stored: the patient sends it again."""
    form = AppointmentForm(
        initial={
            name: request.POST.get(name)
            for name in AppointmentForm.base_fields
            if name in request.POST and name not in _NOT_KEPT
        },
        consent_text=page.consent_text,
    )
    context = page.get_context(request)
    context.update({"form": form, "send_again": True})
    response = TemplateResponse(request, page.get_template(request), context, status=403)
    return _private(response.render())


def thank_you(request: HttpRequest, page: AppointmentPage) -> HttpResponse:
    """The request's reference and who will call: only for the browser that sent it."""
    appointment = _remembered(request)
    if appointment is None:
        return _private(HttpResponseRedirect(page.url))
    # In the patient's language: the same centre (phone, address and hours are synchronised).
    centre = appointment.centre.localized if appointment.centre else None
    context = page.get_context(request)
    context.update(
        {
            "appointment": appointment,
            "centre": centre,
            "network": NetworkSettings.for_request(request),
        }
    )
    return _private(TemplateResponse(request, "appointments/thank_you.html", context))
