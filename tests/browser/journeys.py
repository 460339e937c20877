"""What the journey tests share: the words a patient reads in each language, filling the
appointment form as a patient does, and reading back what the demo server stored.

Every journey makes patients of its own (a unique last name and phone number), so it finds its own
requests whatever other journeys sent before it, in any order, on the one demo server of the
session.
"""

from __future__ import annotations

import itertools
import re
import uuid
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from tests.browser.conftest import DemoServer
from tests.demo.accounts import PASSWORDS

# What a patient reads, per language (the Spanish as locale/es translates it).
WORDS = {
    "en": {
        "articles": "/en/health-articles/",
        "finder": "/en/locations/",
        "request_page": "/en/request-an-appointment/",
        "first_name": "First name",
        "last_name": "Last name",
        "phone": "Phone",
        "email": "Email",
        "centre": "Center",
        "reason": "Reason for your visit",
        "other_reason": "Something else",
        "consent": "I agree",
        "send": "Send my request",
        "thanks": "Thank you: we have your request",
        "will_call": "{centre} will call you",
        "check_form": "Please check the form",
        "finder_query": "ZIP code or city",
        "find": "Find centers",
        "book_here": "Request an appointment here",
        "use_location": "Use my location",
        "bad_email": "Enter an email address like name@example.com.",
        "austin_downtown": "Austin Downtown",
    },
    "es": {
        "articles": "/es/articulos-de-salud/",
        "finder": "/es/centros/",
        "request_page": "/es/solicitar-una-cita/",
        "first_name": "Nombre",
        "last_name": "Apellido",
        "phone": "Teléfono",
        "email": "Correo electrónico",
        "centre": "Centro",
        "reason": "Motivo de su visita",
        "other_reason": "Otro motivo",
        "consent": "Acepto",
        "send": "Enviar mi solicitud",
        "thanks": "Gracias: hemos recibido su solicitud",
        "will_call": "{centre} le llamará",
        "check_form": "Revise el formulario",
        "finder_query": "Código postal o ciudad",
        "find": "Buscar centros",
        "book_here": "Pedir una cita aquí",
        "use_location": "Usar mi ubicación",
        "bad_email": "Escriba un correo electrónico como nombre@ejemplo.com.",
        "austin_downtown": "Austin Centro",
    },
}

# 555-0100 to 555-0199 are the numbers set aside for fiction; one per patient, so the per-phone
# rate limit and the duplicate check never join two journeys' requests.
REFERENCE_PATTERN = re.compile(r"^SN-[2-9A-Z]{4}-[2-9A-Z]{4}$")
_PHONES = (f"512-555-{number:04d}" for number in itertools.count(100))
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


@dataclass(frozen=True)
class Patient:
    first_name: str
    last_name: str
    phone: str
    email: str

    @classmethod
    def new(cls, first_name: str = "Ana") -> Patient:
        """A patient no other journey has: the last name is unique in the demo's database."""
        # Letters only: PostgreSQL's text search reads a tag of digits as a signed number
        # ("Journey-12345678" gives 'journey' and '-12345678', not the hyphenated word that a
        # tag with letters gives), and a manager's search for one patient could match others.
        tag = uuid.uuid4().hex[:8].translate(_LETTERS)
        return cls(
            first_name, f"Journey-{tag}", next(_PHONES), f"{first_name.lower()}-{tag}@example.com"
        )


def fill_in(page: Page, patient: Patient, language: str, centre: str | None = None) -> None:
    """Type the patient's details into the form on the page, choose `centre` if given (the form
    may already name one), the reason "other", and tick the consent box."""
    words = WORDS[language]
    form = page.locator("form#appointment-form")
    form.get_by_label(words["first_name"], exact=True).fill(patient.first_name)
    form.get_by_label(words["last_name"], exact=True).fill(patient.last_name)
    form.get_by_label(words["phone"], exact=True).fill(patient.phone)
    form.get_by_label(words["email"], exact=True).fill(patient.email)
    if centre is not None:
        form.get_by_label(words["centre"], exact=True).select_option(label=centre)
    form.get_by_label(words["reason"], exact=True).select_option(label=words["other_reason"])
    form.get_by_label(words["consent"]).check()


def send(page: Page, language: str) -> str:
    """Send the form; the reference the thank-you page shows."""
    words = WORDS[language]
    page.locator("form#appointment-form").get_by_role("button", name=words["send"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(words["thanks"])
    reference = page.locator(".appointment-thanks__reference strong")
    expect(reference).to_have_text(REFERENCE_PATTERN)
    return reference.inner_text()


@dataclass(frozen=True)
class Stored:
    """An appointment request as the demo server stored it."""

    reference: str
    first_name: str
    last_name: str
    email: str
    centre: str | None
    routed: str
    language: str
    reason: str
    status: str
    contact_time: str
    message: str
    zip_code: str


def stored_requests(demo: DemoServer, patient: Patient) -> list[Stored]:
    """Every request stored for `patient` (by their unique last name), oldest first."""
    rows = demo.rows(
        "SELECT r.reference, r.first_name, r.last_name, r.email, p.title, r.routed, r.language,"
        " r.reason, r.status, r.contact_time, r.message, r.zip_code"
        " FROM appointments_appointmentrequest r"
        " LEFT JOIN wagtailcore_page p ON p.id = r.centre_id"
        " WHERE r.last_name = %s ORDER BY r.id",
        patient.last_name,
    )
    return [Stored(*row) for row in rows]


def book(page: Page, demo: DemoServer, patient: Patient, centre: str, language: str = "en") -> str:
    """The shortest booking: the request page, the form, the thank-you page; its reference."""
    page.goto(demo.url + WORDS[language]["request_page"])
    fill_in(page, patient, language, centre=centre)
    return send(page, language)


def sign_in(page: Page, demo: DemoServer, username: str) -> None:
    """Sign in to the admin as one of the demo's accounts, as its user does."""
    page.goto(demo.url + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORDS[username])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
