"""Appointment requests, staff notes and the delivery state of the emails that announce them.

A request is the patient's data and is kept in the database only: the emails about it carry a
reference, the centre and the reason category, never who the patient is (see
`appointments.emails`). Each email to each recipient has a `Notification` row, so a failed or
interrupted delivery is visible and can be retried without sending twice.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from phonenumber_field.modelfields import PhoneNumberField

# Letters and digits that cannot be misread for one another on a phone call (no 0/O, 1/I/L, U/V).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
REFERENCE_PREFIX = "SN"
MESSAGE_MAX_LENGTH = 1000
NOTE_MAX_LENGTH = 2000


def new_reference() -> str:
    """A random reference a patient can read out on the phone, like "SN-7K3Q-9PXD".

    Random rather than sequential so it says nothing about how many requests the network receives
    and cannot be guessed from another; 29**8 (5 * 10**11) values make a collision practically
    impossible, and the unique constraint refuses one anyway.
    """
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{chars[:4]}-{chars[4:]}"


class AppointmentRequest(models.Model):
    """A patient's request to be called back for an appointment, routed to one centre (or to the
    network's central intake when `centre` is empty)."""

    class Routed(models.TextChoices):
        CHOSEN = "chosen", _("Chosen by the patient")
        NEAREST = "nearest", _("Nearest center")
        FALLBACK = "fallback", _("Central intake (no center within the radius)")

    class ContactTime(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EVENING = "evening", _("Evening")
        ANY = "any", _("Any time")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        SCHEDULED = "scheduled", _("Scheduled")
        CLOSED = "closed", _("Closed")
        NO_SHOW = "no_show", _("No-show")
        SPAM = "spam", _("Spam")

    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    language = models.CharField(_("language"), max_length=8, default="en")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    phone = PhoneNumberField(_("phone"))
    email = models.EmailField(_("email"), max_length=254)

    # Always the default-language (source) page, whichever language the patient used, so one
    # centre's requests are in one place; PROTECT because a centre with requests is unpublished,
    # not deleted.
    centre = models.ForeignKey(
        "locations.LocationPage",
        verbose_name=_("center"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appointment_requests",
        help_text=_("Empty: the network's central intake."),
    )
    routed = models.CharField(_("routed"), max_length=10, choices=Routed.choices)
    distance_miles = models.DecimalField(
        _("distance (miles)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    zip_code = models.CharField(_("ZIP code"), max_length=10, blank=True)
    reason = models.SlugField(
        _("reason"),
        max_length=120,
        help_text=_('A service or condition slug from the shared taxonomy, or "other".'),
    )
    contact_time = models.CharField(
        _("best time to call"), max_length=10, choices=ContactTime.choices, blank=True
    )
    message = models.TextField(
        _("message"), blank=True, validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)]
    )
    consent_text = models.TextField(_("consent accepted"))
    consent_at = models.DateTimeField(_("consent given at"))

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    spam_reason = models.CharField(
        _("why held as spam"),
        max_length=30,
        blank=True,
        help_text=_("Set when the request was held as spam: honeypot, too_fast or rate_limit."),
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    # The nonce of the form token the request was sent with: unique, so a double click, a reload
    # of the POST or a back-and-resubmit finds the request already stored instead of adding one.
    submission_key = models.CharField(max_length=64, unique=True, null=True, editable=False)

    class Meta:
        verbose_name = _("appointment request")
        verbose_name_plural = _("appointment requests")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["centre", "status", "created_at"], name="appointment_centre_status_idx"
            )
        ]

    def __str__(self) -> str:
        return self.reference


class Notification(models.Model):
    """One email about one request to one recipient, and how its delivery went.

    Created `pending` in the request's transaction; the worker marks it `sent` or, after its last
    attempt, `failed`. `last_error` holds the exception's class name only: SMTP error texts can quote
    addresses.
    """

    class Kind(models.TextChoices):
        STAFF = "staff", _("Center staff")
        PATIENT = "patient", _("Patient confirmation")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    request = models.ForeignKey(
        AppointmentRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STAFF)
    recipient = models.EmailField(_("recipient"), max_length=254)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=100, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, blank=True)
    # When the next attempt is due; while a worker sends, a lease: past it, the sweep re-queues.
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["request", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind", "recipient"], name="notification_once_per_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} -> {self.recipient} ({self.state})"


class AppointmentNote(models.Model):
    """An internal note on a request by the staff handling it: who wrote it and when. Never sent
    to the patient and never logged (it may quote what the patient said)."""

    request = models.ForeignKey(
        AppointmentRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("note"), validators=[MaxLengthValidator(NOTE_MAX_LENGTH)])
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["request", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request} ({self.created_at:%Y-%m-%d %H:%M})"
