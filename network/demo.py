"""Demo content of the network app: settings, home and about pages, taxonomy, people, menus,
accounts.

All text here was written for this project. Every function is idempotent: running it again updates
what exists instead of duplicating it.
"""

import datetime
from typing import TextIO
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Locale, Page, Site

from network.demo_people import PEOPLE
from network.localization import translate
from network.models import (
    Condition,
    HomePage,
    HomePageFeaturedService,
    NavigationMenu,
    NavigationMenuItem,
    NetworkSettings,
    Person,
    Service,
    StandardPage,
)
from network.roles import leave_wagtail_default_groups

ADMIN_ACCOUNT = ("Network administrator", "admin", "spine-admin-demo")
MANAGER_ACCOUNT = ("Location manager", "manager", "spine-manager-demo")
EDITOR_ACCOUNT = ("Marketing editor", "editor", "spine-editor-demo")

# (slug, English name, English description, Spanish name, Spanish description)
CONDITIONS = [
    (
        "low-back-pain",
        "Low back pain",
        "Aching or stiffness between the ribs and the hips.",
        "Dolor lumbar",
        "Dolor o rigidez entre las costillas y la cadera.",
    ),
    (
        "neck-pain",
        "Neck pain",
        "Pain and stiffness in the cervical spine, often with headaches.",
        "Dolor de cuello",
        "Dolor y rigidez en la columna cervical, a menudo con dolor de cabeza.",
    ),
    (
        "sciatica",
        "Sciatica",
        "Pain that runs from the lower back down the back of one leg.",
        "Ciática",
        "Dolor que baja desde la zona lumbar por la parte posterior de una pierna.",
    ),
    (
        "herniated-disc",
        "Herniated disc",
        "A disc that bulges and presses on a nearby nerve.",
        "Hernia de disco",
        "Un disco que sobresale y presiona un nervio cercano.",
    ),
    (
        "spinal-stenosis",
        "Spinal stenosis",
        "Narrowing of the spinal canal that squeezes nerves.",
        "Estenosis espinal",
        "Estrechamiento del canal espinal que comprime los nervios.",
    ),
    (
        "arthritis",
        "Arthritis of the spine",
        "Wear of the facet joints that causes pain and stiffness.",
        "Artritis de la columna",
        "Desgaste de las articulaciones facetarias que causa dolor y rigidez.",
    ),
    (
        "sports-injuries",
        "Sports injuries",
        "Strains, sprains and overuse injuries from training.",
        "Lesiones deportivas",
        "Distensiones, esguinces y lesiones por sobrecarga al entrenar.",
    ),
    (
        "work-injuries",
        "Work injuries",
        "Back and neck injuries from lifting, falls or repetitive tasks.",
        "Lesiones en el trabajo",
        "Lesiones de espalda y cuello por cargar peso, caídas o tareas repetitivas.",
    ),
]

SERVICES = [
    (
        "physical-therapy",
        "Physical therapy",
        "Guided exercise and hands-on care to restore movement.",
        "Fisioterapia",
        "Ejercicio guiado y terapia manual para recuperar el movimiento.",
    ),
    (
        "therapeutic-massage",
        "Therapeutic massage",
        "Massage aimed at muscle tension and spasm.",
        "Masaje terapéutico",
        "Masaje dirigido a la tensión y los espasmos musculares.",
    ),
    (
        "chiropractic-care",
        "Chiropractic care",
        "Spinal adjustments and mobilization.",
        "Quiropráctica",
        "Ajustes y movilización de la columna.",
    ),
    (
        "epidural-injections",
        "Epidural steroid injections",
        "Anti-inflammatory medicine placed near irritated nerves.",
        "Inyecciones epidurales de esteroides",
        "Un antiinflamatorio que se aplica cerca de los nervios irritados.",
    ),
    (
        "radiofrequency-ablation",
        "Radiofrequency ablation",
        "Heat that quiets the nerves carrying joint pain.",
        "Ablación por radiofrecuencia",
        "Calor que calma los nervios que transmiten el dolor articular.",
    ),
    (
        "pain-management",
        "Pain management",
        "A physician-led plan combining medicine and therapy.",
        "Manejo del dolor",
        "Un plan dirigido por un médico que combina medicamentos y terapia.",
    ),
    (
        "acupuncture",
        "Acupuncture",
        "Fine needles used alongside other treatment to ease pain.",
        "Acupuntura",
        "Agujas finas que se usan junto a otros tratamientos para aliviar el dolor.",
    ),
    (
        "spine-surgery-consult",
        "Spine surgery consultation",
        "A surgeon's opinion when other care has not helped.",
        "Consulta con un cirujano de columna",
        "La opinión de un cirujano cuando otros tratamientos no han funcionado.",
    ),
]

FEATURED_SERVICES = (
    "physical-therapy",
    "therapeutic-massage",
    "epidural-injections",
    "pain-management",
)

HOME_ES = {
    "Home": "Inicio",
    "Relief for your back and neck, close to home": "Alivio para su espalda y cuello, cerca de casa",
    "Specialists in spine care and pain management at centers across the country. Tell us where you are and we will find the nearest one.": "Especialistas en columna y manejo del dolor en centros de todo el país. Díganos dónde está y encontraremos el más cercano.",
    "How we can help": "Cómo podemos ayudarle",
    "Care that starts with listening": "Una atención que empieza por escuchar",
    "Every first visit begins with a conversation about your pain, your work and what you want to get back to. Your plan is built around that, not around a template.": "Cada primera visita comienza con una conversación sobre su dolor, su trabajo y lo que quiere volver a hacer. Su plan se construye a partir de eso, no de una plantilla.",
}

ABOUT_ES = {
    "About us": "Quiénes somos",
    "about-us": "quienes-somos",
    "A network of clinicians who share one aim: fewer days lost to back and neck pain.": "Una red de profesionales con un mismo objetivo: menos días perdidos por dolor de espalda y cuello.",
    "Our approach": "Nuestro enfoque",
    "We start with the least invasive care that can work: movement, manual therapy and education. When that is not enough, our physicians offer injections and other procedures, and refer to surgeons only when it is truly needed.": "Empezamos con la atención menos invasiva que pueda funcionar: movimiento, terapia manual y educación. Cuando no es suficiente, nuestros médicos ofrecen inyecciones y otros procedimientos, y derivan a cirugía solo cuando de verdad hace falta.",
    "Insurance and payment": "Seguros y pagos",
    "Most centers accept major insurance plans, Medicare and workers' compensation. Call your center before your visit and we will check your coverage with you.": "La mayoría de los centros aceptan los principales seguros, Medicare y compensación laboral. Llame a su centro antes de la visita y revisaremos su cobertura con usted.",
}


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    """Create or refresh the network's demo content; returns the accounts to print."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    Locale.objects.get_or_create(language_code="es")
    with transaction.atomic():
        _load_taxonomy(english)
        _load_people(english)
        home = _load_home(english)
        about = _load_about(home)
        notices = _load_notices(home)
        _load_settings(home, notices)
        _load_menus(english, home, about)
        accounts = _load_accounts()
    # Translations publish on commit: run them outside the transaction above, page by page.
    for model, rows in ((Condition, CONDITIONS), (Service, SERVICES)):
        for slug, name, description, name_es, description_es in rows:
            term = model.objects.get(slug=slug, locale=english)
            translate(term, "es", {name: name_es, description: description_es})
    # After the services: the Spanish people then list the Spanish specialties where they can.
    for _key, name, credentials, credentials_es, _specialties, bio, bio_es in PEOPLE:
        person = Person.objects.get(name=name, locale=english)
        translate(person, "es", {credentials: credentials_es, bio: bio_es})
    translate(home, "es", HOME_ES)
    translate(Page.objects.get(pk=about.pk), "es", ABOUT_ES)
    for notice in notices:
        translate(Page.objects.get(pk=notice.pk), "es", NOTICES_ES)
    for menu in NavigationMenu.objects.filter(locale=english):
        translate(menu, "es", MENU_ES)
    stdout.write("  network: settings, home and about pages, taxonomy, people, menus, accounts")
    return accounts


def _load_taxonomy(locale: Locale) -> None:
    for model, rows in ((Condition, CONDITIONS), (Service, SERVICES)):
        for slug, name, description, *_ in rows:
            model.objects.update_or_create(
                slug=slug, locale=locale, defaults={"name": name, "description": description}
            )


def _load_people(locale: Locale) -> None:
    """The clinicians and writers the blog and the centres share (`network.demo_people`)."""
    for _key, name, credentials, _c_es, specialties, bio, _b_es in PEOPLE:
        person, _ = Person.objects.update_or_create(
            name=name, locale=locale, defaults={"credentials": credentials, "bio": bio}
        )
        person.specialties.set(Service.objects.filter(slug__in=specialties, locale=locale))
        person.save()


def demo_people(locale: Locale) -> dict[str, Person]:
    """The demo people in `locale`, by key, for the apps' demos to link."""
    by_name = {person.name: person for person in Person.objects.filter(locale=locale)}
    return {key: by_name[name] for key, name, *_ in PEOPLE}


def _load_home(locale: Locale) -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="Home", slug="network-home", hero_heading="-", locale=locale)
        )
    home.hero_heading = "Relief for your back and neck, close to home"
    home.hero_text = (
        "Specialists in spine care and pain management at centers across the country. "
        "Tell us where you are and we will find the nearest one."
    )
    home.featured_services_heading = "How we can help"
    # Reuse the rows already there so a second run changes nothing.
    current = {item.service_id: item for item in home.featured_services.all()}
    home.featured_services = [
        current.get(service.pk) or HomePageFeaturedService(service=service)
        for service in (Service.objects.get(slug=slug, locale=locale) for slug in FEATURED_SERVICES)
    ]
    home.body = [
        ("heading", {"text": "Care that starts with listening", "level": "h2"}),
        (
            "paragraph",
            "<p>Every first visit begins with a conversation about your pain, your work and what "
            "you want to get back to. Your plan is built around that, not around a template.</p>",
        ),
    ]
    home.save_revision().publish()
    site = site or Site(is_default_site=True)
    old_root = site.root_page if site.pk else None
    # Full URLs (sitemap, hreflang) use the site's address: make it the one `make run` serves.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "Spine Network"
    site.save()
    placeholder = old_root and old_root.specific_class is Page and old_root.depth == 2
    if placeholder and old_root.pk != home.pk:
        old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
    return HomePage.objects.get(pk=home.pk)


def _load_about(home: HomePage) -> StandardPage:
    about = StandardPage.objects.child_of(home).filter(slug="about-us").first()
    if about is None:
        about = home.add_child(instance=StandardPage(title="About us", slug="about-us"))
    about.introduction = (
        "A network of clinicians who share one aim: fewer days lost to back and neck pain."
    )
    about.body = [
        ("heading", {"text": "Our approach", "level": "h2"}),
        (
            "paragraph",
            "<p>We start with the least invasive care that can work: movement, manual therapy and "
            "education. When that is not enough, our physicians offer injections and other "
            "procedures, and refer to surgeons only when it is truly needed.</p>",
        ),
        ("heading", {"text": "Insurance and payment", "level": "h2"}),
        (
            "paragraph",
            "<p>Most centers accept major insurance plans, Medicare and workers' compensation. Call "
            "your center before your visit and we will check your coverage with you.</p>",
        ),
    ]
    about.save_revision().publish()
    return StandardPage.objects.get(pk=about.pk)


NOTICES = [
    (
        "privacy-notice",
        "Privacy notice",
        "How we collect, use and protect the information you share with us.",
        [
            (
                "What we collect",
                "When you request an appointment we ask for your name, a phone number, an email "
                "address if you wish, and a few words about your pain. We use them only to call "
                "you back and to prepare your visit.",
            ),
            (
                "What we never do",
                "We do not sell your information, we do not put it in web addresses or email "
                "subjects, and this site loads nothing from advertising or tracking companies.",
            ),
            (
                "Your choices",
                "You can ask us at any time to see, correct or delete what you sent us. Call the "
                "number at the bottom of this page and we will help.",
            ),
        ],
    ),
    (
        "nondiscrimination-notice",
        "Nondiscrimination notice",
        "Our centers treat every patient with the same care, and help is free in your language.",
        [
            (
                "Our commitment",
                "We do not exclude people or treat them differently because of race, color, "
                "national origin, age, disability or sex, including sexual orientation and gender "
                "identity.",
            ),
            (
                "Help in your language",
                "Interpreters, written information in other languages and aids for people with "
                "disabilities are free. Ask at your center or call us.",
            ),
        ],
    ),
]

NOTICES_ES = {
    "Privacy notice": "Aviso de privacidad",
    "privacy-notice": "aviso-de-privacidad",
    "How we collect, use and protect the information you share with us.": "Cómo recogemos, usamos y protegemos la información que comparte con nosotros.",
    "What we collect": "Qué recogemos",
    "When you request an appointment we ask for your name, a phone number, an email address if you wish, and a few words about your pain. We use them only to call you back and to prepare your visit.": "Cuando pide una cita le pedimos su nombre, un teléfono, un correo electrónico si lo desea y unas palabras sobre su dolor. Los usamos solo para llamarle y preparar su visita.",
    "What we never do": "Lo que nunca hacemos",
    "We do not sell your information, we do not put it in web addresses or email subjects, and this site loads nothing from advertising or tracking companies.": "No vendemos su información, no la ponemos en direcciones web ni en asuntos de correo, y este sitio no carga nada de empresas de publicidad o seguimiento.",
    "Your choices": "Sus opciones",
    "You can ask us at any time to see, correct or delete what you sent us. Call the number at the bottom of this page and we will help.": "Puede pedirnos en cualquier momento ver, corregir o borrar lo que nos envió. Llame al número que aparece al pie de esta página y le ayudaremos.",
    "Nondiscrimination notice": "Aviso de no discriminación",
    "nondiscrimination-notice": "aviso-de-no-discriminacion",
    "Our centers treat every patient with the same care, and help is free in your language.": "Nuestros centros atienden a cada paciente con el mismo cuidado, y la ayuda en su idioma es gratuita.",
    "Our commitment": "Nuestro compromiso",
    "We do not exclude people or treat them differently because of race, color, national origin, age, disability or sex, including sexual orientation and gender identity.": "No excluimos a nadie ni tratamos a nadie de forma distinta por su raza, color, origen nacional, edad, discapacidad o sexo, incluidas la orientación sexual y la identidad de género.",
    "Help in your language": "Ayuda en su idioma",
    "Interpreters, written information in other languages and aids for people with disabilities are free. Ask at your center or call us.": "Los intérpretes, la información escrita en otros idiomas y las ayudas para personas con discapacidad son gratuitos. Pregunte en su centro o llámenos.",
}


def _load_notices(home: HomePage) -> list[StandardPage]:
    """The privacy and nondiscrimination notices the footer links to."""
    pages = []
    for slug, title, introduction, sections in NOTICES:
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=title, slug=slug))
        page.introduction = introduction
        page.body = [
            block
            for heading, text in sections
            for block in (
                ("heading", {"text": heading, "level": "h2"}),
                ("paragraph", f"<p>{text}</p>"),
            )
        ]
        page.show_in_menus = False
        page.save_revision().publish()
        pages.append(StandardPage.objects.get(pk=page.pk))
    return pages


def _load_settings(home: HomePage, notices: list[StandardPage]) -> None:
    site = Site.objects.get(is_default_site=True)
    network = NetworkSettings.for_site(site)
    network.network_name = "Spine Network"
    network.main_phone = "+18005550142"
    network.central_intake_email = "intake@spine-network.example"
    network.routing_radius_miles = 50
    network.related_posts_max = 3
    network.facebook_url = "https://www.facebook.com/spine-network-example"
    network.instagram_url = "https://www.instagram.com/spine-network-example"
    network.postal_address = "2100 Lamar Boulevard, Suite 300\nAustin, TX 78705"
    network.phone_days = "weekdays"
    network.phone_opens = datetime.time(7, 0)
    network.phone_closes = datetime.time(19, 0)
    network.phone_time_zone = "CT"
    network.privacy_page, network.non_discrimination_page = notices
    network.save()


MENU_ES = {
    "Home": "Inicio",
    "About us": "Quiénes somos",
    "About the network": "Sobre la red",
}


def add_menu_link(name: str, page: Page, label: str, label_es: str) -> None:
    """Append an app's page to a demo menu (once) and refresh the menu's Spanish version.

    The network demo cannot know the finder or the blog; their demos call this for their index
    pages, so the menus list every section without the network app importing the others."""
    menu = NavigationMenu.objects.get(name=name, locale=page.locale)
    items = [item for item in menu.items.order_by("sort_order") if item.link_page_id != page.pk]
    items.append(NavigationMenuItem(link_page=page, label=label, locale=page.locale))
    for sort_order, item in enumerate(items):
        item.sort_order = sort_order
    menu.items = items
    menu.save()
    MENU_ES[label] = label_es
    translate(menu, "es", MENU_ES)


def _load_menus(locale: Locale, home: HomePage, about: StandardPage) -> None:
    menus = {
        "main": [(home, "Home"), (about, "About us")],
        "footer": [(about, "About the network")],
    }
    for name, links in menus.items():
        menu, _ = NavigationMenu.objects.get_or_create(name=name, locale=locale)
        current = {item.link_page_id: item for item in menu.items.all()}
        items = []
        for page, label in links:
            item = current.get(page.pk) or NavigationMenuItem(link_page=page, locale=locale)
            item.label = label
            item.sort_order = len(items)
            items.append(item)
        menu.items = items
        menu.save()


def _load_accounts() -> list[tuple[str, str, str]]:
    User = get_user_model()
    accounts = []
    for role, username, password in (ADMIN_ACCOUNT, MANAGER_ACCOUNT, EDITOR_ACCOUNT):
        user, _ = User.objects.get_or_create(username=username)
        user.email = f"{username}@spine-network.example"
        user.is_staff = username == "admin"
        user.is_superuser = username == "admin"
        user.set_password(password)
        user.save()
        accounts.append((role, username, password))
    # Accounts hold only the network's own groups (`network.roles`): the locations app gives
    # "Location managers" their page permissions on centers, the blog its editorial groups.
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    managers, _ = Group.objects.get_or_create(name="Location managers")
    managers.permissions.add(access_admin)
    managers.user_set.add(User.objects.get(username=MANAGER_ACCOUNT[1]))
    for _role, username, _password in accounts:
        leave_wagtail_default_groups(User.objects.get(username=username))
    return accounts
