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

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from network.chrome import localized_page
from network.models import Condition, NetworkSettings, Service

from .records import AppointmentRequest, Notification

__all__ = ["admin_url", "build_email", "message_id", "network_admins"]

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


def build_email(
    notification: Notification,
    *,
    connection: BaseEmailBackend | None = None,
) -> EmailMessage:
    """The email of one notification: staff's in the site's default language, the patient's
    confirmation in the language they used; neither says who the patient is or what they have.
    A worker sending several passes its open mail connection."""
    appointment = notification.request
    if notification.kind == Notification.Kind.PATIENT:
        language, template = appointment.language, "appointments/email/patient_confirmation"
    else:
        language, template = settings.LANGUAGE_CODE, "appointments/email/staff_notification"
    with translation.override(language):
        centre = localized_page(appointment.centre)
        # The default site's (emails are sent outside any request).
        network = NetworkSettings.for_default_site()
        context = {
            "appointment": appointment,
            "centre_name": centre.title if centre else str(CENTRAL_INTAKE),
            "centre": centre,
            "network": network,
            "reason_category": reason_category(appointment.reason),
            "admin_url": admin_url(appointment),
        }
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        to=[notification.recipient],
        headers={"Message-ID": message_id(notification)},
        connection=connection,
    )
