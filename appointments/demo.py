"""Demo content of the appointments app: the request page in English and Spanish, and the
managers' inbox (fictional requests and the `intake` account, in `demo_requests`).

Runs after the locations demo (INSTALLED_APPS order) and points every "Request an appointment"
button at the page, replacing the finder the locations demo used until now. Idempotent: the page is
found again by slug and rewritten. The texts were written for this project.
"""

from typing import TextIO

from django.db import transaction
from wagtail.models import Locale, Page, Site

from network.localization import translate
from network.models import HomePage, NetworkSettings

from .demo_requests import load_intake_account, load_requests
from .models import AppointmentPage

TITLE = "Request an appointment"
SLUG = "request-an-appointment"
INTRO = (
    "Tell us who you are and what brings you in. The center you choose, or the one nearest to you, "
    "will call you back to find a time."
)
CONSENT = (
    "I agree to be contacted by phone or email about this request, and to what I sent being kept "
    "for that purpose."
)
NEXT_STEPS = (
    "Someone from the center will call you within one working day, usually sooner. Have your "
    "insurance card at hand if you have one."
)
NEXT_STEPS_2 = "If your pain suddenly gets much worse, or you lose control of your bladder or bowels, call 911 or go to the nearest emergency room."

SPANISH = {
    TITLE: "Solicitar una cita",
    SLUG: "solicitar-una-cita",
    INTRO: "Díganos quién es y qué le trae. El centro que elija, o el más cercano a usted, le llamará para encontrar un horario.",
    CONSENT: "Acepto que me contacten por teléfono o correo electrónico sobre esta solicitud y que se guarde lo que envié con ese fin.",
    NEXT_STEPS: "Alguien del centro le llamará en un día hábil, normalmente antes. Tenga a mano su tarjeta del seguro si tiene una.",
    NEXT_STEPS_2: "Si su dolor empeora de repente o pierde el control de la vejiga o del intestino, llame al 911 o acuda a la sala de emergencias más cercana.",
}


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    with transaction.atomic():
        page = AppointmentPage.objects.child_of(home).first()
        if page is None:
            page = home.add_child(instance=AppointmentPage(title=TITLE, slug=SLUG))
        page.title, page.slug = TITLE, SLUG
        page.intro = INTRO
        page.consent_text = CONSENT
        page.thank_you_text = f"<p>{NEXT_STEPS}</p><p>{NEXT_STEPS_2}</p>"
        page.save_revision().publish()
        network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
        network.appointment_page = page
        network.save()
    # Translations publish on commit: outside the transaction, re-read from the database.
    translate(Page.objects.get(pk=page.pk), "es", SPANISH)
    with transaction.atomic():
        count = load_requests()
        intake = load_intake_account()
    stdout.write(
        f"  appointments: the request page in English and Spanish, {count} fictional requests\n"
    )
    return [intake]
