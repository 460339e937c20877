"""Demo content of the appointments app: the request page in English and Spanish, and the
managers' inbox (fictional requests and the `intake` account, in `demo_requests`).

Runs after the locations demo (INSTALLED_APPS order) and points every "Request an appointment"
button at the page, replacing the finder the locations demo used until now. Idempotent: the page is
found again by slug and rewritten. The texts, written for this project, live in
demo/appointments/page.toml (read by `network.demo_content`).
"""

from typing import TextIO

from django.db import transaction
from wagtail.models import Locale, Page, Site

from network.demo_content import read, translations
from network.localization import translate
from network.models import HomePage, NetworkSettings

from .demo_requests import load_intake_account, load_requests
from .models import AppointmentPage

PAGE = read("appointments/page.toml")["page"]


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    with transaction.atomic():
        page = AppointmentPage.objects.child_of(home).first()
        if page is None:
            page = home.add_child(
                instance=AppointmentPage(title=PAGE["title"]["en"], slug=PAGE["slug"]["en"])
            )
        page.title, page.slug = PAGE["title"]["en"], PAGE["slug"]["en"]
        page.intro = PAGE["intro"]["en"]
        page.consent_text = PAGE["consent"]["en"]
        page.thank_you_text = "".join(f"<p>{text['en']}</p>" for text in PAGE["thank_you"])
        page.save_revision().publish()
        network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
        network.appointment_page = page
        network.save()
    # Translations publish on commit: outside the transaction, re-read from the database.
    translate(Page.objects.get(pk=page.pk), "es", translations(PAGE))
    with transaction.atomic():
        count = load_requests()
        intake = load_intake_account()
    stdout.write(
        f"  appointments: the request page in English and Spanish, {count} fictional requests\n"
    )
    return [intake]
