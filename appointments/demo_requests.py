"""Demo content for the inbox: three dozen fictional requests and the `intake` account.

Spread over the demo `manager`'s three centres (so their inbox looks lived in), a few other centres
(which they must not see) and the central intake; every status, every way of routing and both
languages, received over the last three weeks. Every name, address and message was made up for
this project; phone numbers are in the 555-01xx range reserved for fiction and emails use the
reserved `example.com` domain. Idempotent: each request has a fixed submission key and is rewritten.
The names, messages and the plan of requests live in demo/appointments/requests.toml, the consent
text in page.toml (read by `network.demo_content`).
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from appointments.models import AppointmentNote, AppointmentRequest
from appointments.permissions import intake_group
from locations.models import LocationPage
from network.demo_content import read

INTAKE_ACCOUNT = ("Network intake", "intake", "spine-intake-demo")

CONTENT = read("appointments/requests.toml")
CONSENT = read("appointments/page.toml")["page"]["consent"]["en"]
FIRST, LAST = CONTENT["first_names"], CONTENT["last_names"]
MESSAGES, NOTES = CONTENT["messages"], CONTENT["notes"]
Status, Routed = AppointmentRequest.Status, AppointmentRequest.Routed
# (centre slug or None for central intake, status, routed, language, reason, days ago)
PLAN = [
    (
        row["center"] or None,
        Status(row["status"]),
        Routed(row["routed"]),
        row["language"],
        row["reason"],
        row["days_ago"],
    )
    for row in CONTENT["requests"]
]


def load_requests() -> int:
    """Create or rewrite the demo requests; returns how many there are."""
    centres = {
        page.slug: page
        for page in LocationPage.objects.filter(locale__language_code="en", slug__in=_slugs())
    }
    now = timezone.now()
    author = get_user_model().objects.filter(username="manager").first()
    for number, (slug, status, routed, language, reason, days) in enumerate(PLAN):
        messages = MESSAGES[language]
        first, last = FIRST[number % len(FIRST)], LAST[(number * 7) % len(LAST)]
        request, _ = AppointmentRequest.objects.update_or_create(
            submission_key=f"demo-{number:03d}",
            defaults={
                "language": language,
                "first_name": first,
                "last_name": last,
                "phone": f"+1512555{100 + number:04d}",
                "email": f"{_ascii(first)}.{_ascii(last)}@example.com",
                "centre": centres.get(slug) if slug else None,
                "routed": routed,
                "distance_miles": Decimal(f"{1 + number % 9}.{number % 10}")
                if routed == Routed.NEAREST
                else None,
                "zip_code": "78701" if slug and slug.startswith("austin") else "",
                "reason": reason,
                "contact_time": ["morning", "afternoon", "evening", "any"][number % 4],
                "message": messages[number % len(messages)],
                "consent_text": CONSENT,
                "consent_at": now - timedelta(days=days, hours=number % 7),
                "status": status,
                "spam_reason": "too_fast" if status == Status.SPAM else "",
            },
        )
        # Received over the last weeks, not all at the moment the demo loaded.
        received = now - timedelta(days=days, hours=number % 7, minutes=number * 3)
        AppointmentRequest.objects.filter(pk=request.pk).update(
            created_at=received, updated_at=received
        )
        if status in (Status.CONTACTED, Status.SCHEDULED) and author and slug:
            AppointmentNote.objects.get_or_create(
                request=request, author=author, text=NOTES[number % len(NOTES)]
            )
    return len(PLAN)


def load_intake_account() -> tuple[str, str, str]:
    _role, username, password = INTAKE_ACCOUNT
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.email = f"{username}@spine-network.example"
    user.first_name, user.last_name = "Ines", "Calloway"
    user.set_password(password)
    user.save()
    group = intake_group()
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    return INTAKE_ACCOUNT


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _slugs() -> set[str]:
    return {slug for slug, *_rest in PLAN if slug}
