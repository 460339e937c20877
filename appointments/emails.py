"""The emails that announce a request: never anything about the patient.

Staff get the centre, the reference, the reason's category (a treatment, a condition or other) and
a link to the request in the admin, where signing in shows the rest; the subject holds only the
reference and the centre. The optional confirmation to the patient (setting
`APPOINTMENTS_CONFIRM_TO_PATIENT`) is in their language and names the centre and the reference,
no health details. Each email has a stable Message-ID derived from the request and the recipient,
so a retry after an unclear failure is recognised as the same message by mail systems.

Who gets them is `appointments.notifications`; delivery (attempts, retries, the sweep) is
`appointments.tasks`, which builds each email here.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from network.caching import LOCAL_SECONDS
from network.chrome import localized_page
from network.models import Condition, NetworkSettings, Service

from .records import AppointmentRequest, Notification

__all__ = [
    "EmailParts",
    "admin_url",
    "build_email",
    "message_id",
    "network_admins",
]

CENTRAL_INTAKE = gettext_lazy("Central intake")


def network_admins() -> list[str]:
    """Email addresses of the network's administrators (active superusers)."""
    users = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_url(appointment: AppointmentRequest) -> str:
    """The request in the inbox (its inspect view), for staff who sign in."""
    path = reverse("appointments:inspect", args=[appointment.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reason_category(reason: str) -> str:
    """What kind of reason, without naming it: the email must not say what the patient has."""
    if reason in Service.slugs():
        return gettext("A treatment or service")
    if reason in Condition.slugs():
        return gettext("A condition")
    return gettext("Other")


def message_id(notification: Notification) -> str:
    """The same for every attempt at this email, different for every recipient."""
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    request = notification.request
    return f"<appointment-{request.reference}-{notification.kind}-{notification.pk}@{host}>"


class EmailParts:
    """What a delivery's emails share, looked up once: each centre's page in a language, the
    network's settings, each reason's category, and each template rendered for a centre,
    language and reason category, the request's reference and link put in afterwards. Each
    piece read from the chrome cache was unpickled anew for every email (a centre's page is a
    large object) and each translated phrase of a template looked up, while a delivery's emails
    go to the same few centres again and again (docs/performance.md). None of it is about the
    patient. A delivery keeps one for as long as each process keeps the chrome
    (`network.caching.LOCAL_SECONDS`), then starts another: an edit is seen as late as pages
    see it."""

    def __init__(self) -> None:
        self._kept: dict[tuple, object] = {}
        self._until = time.monotonic() + min(LOCAL_SECONDS, settings.CACHE_SECONDS)

    def fresh(self) -> bool:
        """Whether what is kept may still be used."""
        return time.monotonic() < self._until

    def _get(self, key: tuple, compute):
        try:
            return self._kept[key]
        except KeyError:
            value = self._kept[key] = compute()
            return value

    def centre(self, page: Model | None, language: str):
        """`localized_page(page)` in `language` (active)."""
        if page is None:
            return None
        return self._get(("centre", page.pk, language), lambda: localized_page(page))

    def network(self, language: str) -> NetworkSettings:
        """The default site's settings (emails are sent outside any request)."""
        return self._get(("network", language), NetworkSettings.for_default_site)

    def reason_category(self, reason: str, language: str) -> str:
        return self._get(("reason", reason, language), lambda: reason_category(reason))

    def rendered(self, template: str, key: tuple, context: dict, values: dict[str, str]) -> str:
        """`template` rendered with `context`, where `values` are what the placeholders stand for
        (`_SharedRequest`): rendered once for every email with the same `key` (the
        template's language, centre and reason category), then the values put in. Rendered
        with the values themselves when they could read otherwise once rendered (escaped, or
        split as white space), or when the template uses more of the request than its
        reference."""
        if not all(_SHAREABLE.fullmatch(value) for value in values.values()):
            return render_to_string(template, context)
        shared = self._get(("text", template, *key), lambda: _render_shared(template, context))
        if shared is None:
            return render_to_string(template, context)
        for name, value in values.items():
            shared = shared.replace(_MARKERS[name], value)
        return shared


# What a placeholder stands for when a template is rendered once for several requests.
_MARKERS = {"reference": "\x00reference\x00", "admin_url": "\x00admin_url\x00"}
# Values that read the same once rendered: nothing escaping changes, no white space.
_SHAREABLE = re.compile(r"[^\s<>&'\"\x00]*")


class _NotShared(Exception):
    """A template asked for more of the request than its reference."""


class _SharedRequest:
    """The request in a template rendered once for several requests: its reference only."""

    reference = _MARKERS["reference"]

    def __getattr__(self, name: str):
        raise _NotShared(name)


def _render_shared(template: str, context: dict) -> str | None:
    """`template` rendered with placeholders for the request's reference and admin URL, or None
    if it cannot be (it uses more of the request, or changes a placeholder: a filter on it)."""
    try:
        text = render_to_string(
            template,
            {**context, "appointment": _SharedRequest(), "admin_url": _MARKERS["admin_url"]},
        )
    except _NotShared:
        return None
    rest = text
    for marker in _MARKERS.values():
        rest = rest.replace(marker, "")
    return None if "\x00" in rest else text


def build_email(
    notification: Notification,
    *,
    connection: BaseEmailBackend | None = None,
    parts: EmailParts | None = None,
) -> EmailMessage:
    """The email of one notification: staff's in the site's default language, the patient's
    confirmation in the language they used; neither says who the patient is or what they have.
    A worker sending several passes its open mail connection, and the `parts` its batch shares."""
    parts = parts or EmailParts()
    appointment = notification.request
    if notification.kind == Notification.Kind.PATIENT:
        language, template = appointment.language, "appointments/email/patient_confirmation"
    else:
        language, template = settings.LANGUAGE_CODE, "appointments/email/staff_notification"
    with translation.override(language):
        centre = parts.centre(appointment.centre, language)
        context = {
            "appointment": appointment,
            "centre_name": centre.title if centre else str(CENTRAL_INTAKE),
            "centre": centre,
            "network": parts.network(language),
            "reason_category": parts.reason_category(appointment.reason, language),
            "admin_url": admin_url(appointment),
        }
        key = (language, centre.pk if centre else None, context["reason_category"])
        values = {"reference": appointment.reference, "admin_url": context["admin_url"]}
        subject = parts.rendered(f"{template}_subject.txt", key, context, values)
        subject = " ".join(subject.split())
        body = parts.rendered(f"{template}.txt", key, context, values)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[notification.recipient],
        headers={"Message-ID": message_id(notification)},
        connection=connection,
    )
