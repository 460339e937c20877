"""A request form posted while the database cannot be reached: answered with the patient's input.

A database restart or failover makes the request fail wherever it first reads or writes (finding
the page, validating the centre, storing the request). Without this, the patient would get the
generic error page and lose what they typed. Instead they get a page saying nothing was saved,
with their details in a form that sends them again, the same form token included: if the request
was stored after all (the database answered the commit but not what followed), sending again
finds it and shows the thank-you page instead of storing it twice.

Nothing here reads the database, the page tree or the site settings: the page must render while
they are unreachable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from .forms import AppointmentForm

logger = logging.getLogger(__name__)

# What the patient typed, shown again to be checked; everything else they chose travels hidden.
VISIBLE = ["first_name", "last_name", "phone", "email", "zip_code", "message"]
HIDDEN = [
    "centre",
    "latitude",
    "longitude",
    "reason",
    "contact_time",
    "consent",
    "website",
    "form_token",
]


class NotSavedMiddleware:
    """Turns a database error while handling an appointment request form into a 503 page that
    carries the patient's input, instead of the generic 500 page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not (
            isinstance(exception, DatabaseError)
            and request.method == "POST"
            and "form_token" in request.POST
            and "first_name" in request.POST
        ):
            return None
        # The error's class only: its text may quote the statement's parameters (patient data).
        logger.warning("Appointment request not saved: %s", type(exception).__name__)
        fields = AppointmentForm.base_fields
        context = {
            "action": request.path,
            "visible": [
                {
                    "name": name,
                    "label": fields[name].label,
                    "value": request.POST.get(name, ""),
                    "multiline": name == "message",
                }
                for name in VISIBLE
            ],
            "hidden": [(name, request.POST.get(name)) for name in HIDDEN if name in request.POST],
        }
        response = TemplateResponse(request, "appointments/not_saved.html", context, status=503)
        response["Retry-After"] = "30"
        patch_cache_control(response, private=True, no_store=True)
        return response.render()
