"""Demo content for the inbox: three dozen fictional requests and the `intake` account.

Spread over the demo `manager`'s three centres (so their inbox looks lived in), a few other centres
(which they must not see) and the central intake; every status, every way of routing and both
languages, received over the last three weeks. Every name, address and message was made up for
this project; phone numbers are in the 555-01xx range reserved for fiction and emails use the
reserved `example.com` domain. Idempotent: each request has a fixed submission key and is rewritten.
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

INTAKE_ACCOUNT = ("Network intake", "intake", "spine-intake-demo")

CONSENT = (
    "I agree to be contacted by phone or email about this request, and to what I sent being kept "
    "for that purpose."
)

FIRST = [
    "Avery", "Lucía", "Marcus", "Priya", "Tomás", "Hannah", "Dwayne", "Mei", "Rosa", "Elijah",
    "Camila", "Graham", "Nadia", "Jorge", "Keisha", "Oliver", "Paloma", "Reggie",
]  # fmt: skip
LAST = [
    "Whitfield", "Serrano", "Okafor", "Raman", "Aguilar", "Lindqvist", "Porter", "Huang",
    "Delgado", "Brooks", "Fuentes", "McAllister", "Haddad", "Villanueva", "Ellison", "Tran",
    "Castillo", "Boone",
]  # fmt: skip
MESSAGES_EN = [
    "My lower back has hurt for three weeks, worse in the morning.",
    "Pain runs down my left leg when I sit for long.",
    "I would like to know if you take my insurance before I come in.",
    "",
    "Stiff neck since a car accident last month; my doctor suggested physical therapy.",
    "Can I bring my mother? She needs help getting around.",
]
MESSAGES_ES = [
    "Me duele la espalda baja desde hace dos semanas.",
    "Prefiero que me llamen por la tarde, después del trabajo.",
    "",
    "Tengo hormigueo en la mano derecha y dolor de cuello.",
]
NOTES = [
    "Left a voicemail; will try again tomorrow morning.",
    "Patient asked for a Saturday slot; offered the 10 am opening.",
    "Insurance verified by phone.",
]

# (centre slug or None for central intake, status, routed, language, reason, days ago)
Status, Routed = AppointmentRequest.Status, AppointmentRequest.Routed
PLAN = [
    ("austin-downtown", Status.NEW, Routed.CHOSEN, "en", "low-back-pain", 0),
    ("austin-downtown", Status.NEW, Routed.NEAREST, "es", "sciatica", 1),
    ("austin-downtown", Status.NEW, Routed.CHOSEN, "en", "physical-therapy", 2),
    ("austin-downtown", Status.CONTACTED, Routed.NEAREST, "en", "neck-pain", 3),
    ("austin-downtown", Status.SCHEDULED, Routed.CHOSEN, "es", "chiropractic-care", 5),
    ("austin-downtown", Status.CLOSED, Routed.CHOSEN, "en", "herniated-disc", 12),
    ("austin-downtown", Status.NO_SHOW, Routed.NEAREST, "en", "other", 15),
    ("austin-downtown", Status.SPAM, Routed.CHOSEN, "en", "other", 4),
    ("austin-south-congress", Status.NEW, Routed.NEAREST, "en", "spinal-stenosis", 0),
    ("austin-south-congress", Status.NEW, Routed.CHOSEN, "es", "low-back-pain", 2),
    ("austin-south-congress", Status.CONTACTED, Routed.CHOSEN, "en", "therapeutic-massage", 4),
    ("austin-south-congress", Status.SCHEDULED, Routed.NEAREST, "es", "work-injuries", 6),
    ("austin-south-congress", Status.CLOSED, Routed.NEAREST, "en", "sports-injuries", 18),
    ("san-antonio-riverwalk", Status.NEW, Routed.CHOSEN, "es", "arthritis", 1),
    ("san-antonio-riverwalk", Status.NEW, Routed.NEAREST, "en", "epidural-injections", 3),
    ("san-antonio-riverwalk", Status.CONTACTED, Routed.NEAREST, "es", "sciatica", 5),
    ("san-antonio-riverwalk", Status.SCHEDULED, Routed.CHOSEN, "en", "pain-management", 8),
    ("san-antonio-riverwalk", Status.NO_SHOW, Routed.CHOSEN, "es", "neck-pain", 14),
    ("san-antonio-riverwalk", Status.CLOSED, Routed.NEAREST, "en", "acupuncture", 20),
    ("houston-midtown", Status.NEW, Routed.NEAREST, "es", "low-back-pain", 0),
    ("houston-midtown", Status.CONTACTED, Routed.CHOSEN, "en", "radiofrequency-ablation", 6),
    ("dallas-uptown", Status.NEW, Routed.CHOSEN, "en", "spine-surgery-consult", 1),
    ("dallas-uptown", Status.SCHEDULED, Routed.NEAREST, "en", "herniated-disc", 7),
    ("chicago-loop", Status.NEW, Routed.NEAREST, "en", "sciatica", 2),
    ("chicago-loop", Status.CLOSED, Routed.CHOSEN, "es", "physical-therapy", 16),
    ("miami-brickell", Status.NEW, Routed.CHOSEN, "es", "neck-pain", 0),
    ("miami-brickell", Status.SPAM, Routed.NEAREST, "en", "other", 9),
    ("denver-lodo", Status.CONTACTED, Routed.NEAREST, "en", "sports-injuries", 3),
    ("seattle-first-hill", Status.NEW, Routed.CHOSEN, "en", "arthritis", 4),
    ("new-york-chelsea", Status.NO_SHOW, Routed.CHOSEN, "en", "pain-management", 11),
    (None, Status.NEW, Routed.FALLBACK, "en", "low-back-pain", 0),
    (None, Status.NEW, Routed.FALLBACK, "es", "other", 1),
    (None, Status.CONTACTED, Routed.FALLBACK, "en", "spinal-stenosis", 3),
    (None, Status.CLOSED, Routed.FALLBACK, "es", "sciatica", 10),
    (None, Status.SPAM, Routed.FALLBACK, "en", "other", 2),
    (None, Status.NO_SHOW, Routed.FALLBACK, "en", "work-injuries", 13),
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
        messages = MESSAGES_ES if language == "es" else MESSAGES_EN
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
