"""Store a valid request: once, routed, checked for abuse and duplicates, before anything else.

Nothing a patient sends is dropped. A request that looks automated (the honeypot filled, the form
sent back faster than a person can fill it, too many requests from one address or for one phone)
is stored with status "spam" and notifies no one; a repeat of a recent request (the same phone or
email for the same centre within the duplicate window) is stored linked to the first one and
notifies no one either. Everything else is stored and its notifications are queued when the
transaction commits, so the patient's answer never waits for, or depends on, email.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited

from network.client_ip import ratelimit_key
from network.fixedsql import FixedQuery, db_value

from .forms import AppointmentForm
from .notifications import schedule
from .records import AppointmentRequest
from .routing import route

__all__ = ["already_received", "receive"]

HONEYPOT = "honeypot"
TOO_FAST = "too_fast"
RATE_LIMIT = "rate_limit"


_STORED = FixedQuery(
    "appointments.stored",
    lambda nonce: AppointmentRequest.objects.filter(submission_key=nonce).values_list("pk"),
    lambda connection, nonce: [db_value(AppointmentRequest, "submission_key", nonce, connection)],
)


def already_received(form: AppointmentForm) -> int | None:
    """The id of the request already stored with this form's token: a double click, a reload of
    the POST, or a back-and-resubmit."""
    if form.token_expired:
        return None
    row = _STORED.first(form.token.nonce)
    return row[0] if row else None


def _phone_key(group: str, request: HttpRequest) -> str:
    # An HMAC, not the number: rate-limit cache keys must not hold patient data.
    return salted_hmac(
        "appointments.phone", request._appointment_phone, algorithm="sha256"
    ).hexdigest()


def _spam_reason(form: AppointmentForm, request: HttpRequest) -> str:
    """Why this request looks automated, or "". Both limits count every request, held or not."""
    request._appointment_phone = form.cleaned_data["phone"].as_e164
    over_address = is_ratelimited(
        request,
        group="appointments.address",
        key=ratelimit_key,
        rate=settings.APPOINTMENTS_RATELIMIT_ADDRESS,
        increment=True,
    )
    over_phone = is_ratelimited(
        request,
        group="appointments.phone",
        key=_phone_key,
        rate=settings.APPOINTMENTS_RATELIMIT_PHONE,
        increment=True,
    )
    if form.cleaned_data["website"]:
        return HONEYPOT
    if form.token.seconds_to_fill() < settings.APPOINTMENTS_MIN_FILL_SECONDS:
        return TOO_FAST
    if over_address or over_phone:
        return RATE_LIMIT
    return ""


def _earlier_query(centre_id: int | None, since, phone, email: str) -> QuerySet:
    return (
        AppointmentRequest.objects.filter(centre_id=centre_id, created_at__gte=since)
        .filter(Q(phone=phone) | Q(email__iexact=email))
        .exclude(status=AppointmentRequest.Status.SPAM)
        .order_by("created_at", "pk")
        .values_list("pk")[:1]
    )


def _earlier_params(connection, centre_id: int | None, since, phone, email: str) -> list:
    def value(name: str, value, **lookup):
        return db_value(AppointmentRequest, name, value, connection, **lookup)

    centre = [] if centre_id is None else [value("centre", centre_id)]
    return [
        *centre,
        value("created_at", since),
        value("phone", phone),
        value("email", email, iexact=True),
        value("status", AppointmentRequest.Status.SPAM),
    ]


# Two shapes: a request for a centre, and one for the central intake (`centre_id IS NULL`).
_EARLIER_AT_CENTRE = FixedQuery("appointments.earlier", _earlier_query, _earlier_params)
_EARLIER_CENTRAL = FixedQuery("appointments.earlier.central", _earlier_query, _earlier_params)


def _earlier(data: dict, centre_id: int | None) -> int | None:
    """The id of the first request with the same phone or email for the same centre within the
    window."""
    since = timezone.now() - timedelta(hours=settings.APPOINTMENTS_DUPLICATE_WINDOW_HOURS)
    query = _EARLIER_CENTRAL if centre_id is None else _EARLIER_AT_CENTRE
    row = query.first(centre_id, since, data["phone"], data["email"])
    return row[0] if row else None


def receive(form: AppointmentForm, request: HttpRequest) -> AppointmentRequest:
    """Store the request of a valid form whose token has stored nothing yet (the caller asks
    `already_received` first); if the same form is being stored at this very moment by another
    request, the one that one stored."""
    data = form.cleaned_data
    spam_reason = _spam_reason(form, request)
    # From the patient's position, else their ZIP code's center, which the form has placed.
    where = route(data["reason"], data["centre"], data["zip_code"], *form.origin)
    centre_id = where.centre.pk if where.centre is not None else None
    duplicate_of_id = None if spam_reason else _earlier(data, centre_id)
    appointment = AppointmentRequest(
        submission_key=form.token.nonce,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        first_name=data["first_name"].strip(),
        last_name=data["last_name"].strip(),
        phone=data["phone"],
        email=data["email"],
        centre=where.centre,
        routed=where.routed,
        distance_miles=where.distance_miles,
        zip_code=data["zip_code"],
        reason=data["reason"],
        contact_time=data["contact_time"],
        message=data["message"].strip(),
        consent_text=form.consent_text,
        consent_at=timezone.now(),
        status=AppointmentRequest.Status.SPAM if spam_reason else AppointmentRequest.Status.NEW,
        spam_reason=spam_reason,
        duplicate_of_id=duplicate_of_id,
    )
    try:
        with transaction.atomic():
            appointment.save()
            if not spam_reason and duplicate_of_id is None:
                schedule(appointment)
    except IntegrityError:
        # The same form sent twice at once: the other request stored it first.
        existing = already_received(form)
        if existing is None:
            raise
        return AppointmentRequest.objects.get(pk=existing)
    return appointment
