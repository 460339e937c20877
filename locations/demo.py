"""Demo content of the locations app: the finder, 33 fictional centres, their providers, a manager.

All names, addresses, phone numbers (555-01xx, reserved for fiction) and texts are invented for
this project; cities and ZIP codes are real and the coordinates sit near each ZIP's centroid. Runs
after the network demo (it needs the home page, the services and the `manager` account) and is
idempotent: centres are found again by slug and rewritten.
"""

from datetime import date, time, timedelta
from decimal import Decimal
from typing import TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from locations.demo_images import alt_texts, centre_photo
from locations.models import (
    CentreManager,
    HoursException,
    LocationIndexPage,
    LocationPage,
    LocationProvider,
    OpeningHours,
    ZipCentroid,
)
from locations.permissions import ADMINISTRATORS_GROUP, ensure_centre_roles
from network.demo import add_menu_link, demo_people
from network.localization import localized, translate
from network.models import HomePage, NetworkSettings, Person, Service

INDEX_INTRO = (
    "Find the center nearest to you. Type your ZIP code or city, or let your browser share your "
    "location."
)
INDEX_ES = {
    "Locations": "Centros",
    "locations": "centros",
    INDEX_INTRO: "Encuentre el centro más cercano. Escriba su código postal o ciudad, o permita que su navegador comparta su ubicación.",
}

# Weekly hours: {weekday (Monday is 0): [(opens, closes)]}.
WEEKDAYS = range(5)
HOURS = {
    "standard": {day: [("08:00", "17:00")] for day in WEEKDAYS},
    "lunch": {day: [("08:00", "12:00"), ("13:00", "17:30")] for day in WEEKDAYS},
    "saturday": {**{day: [("08:00", "18:00")] for day in WEEKDAYS}, 5: [("09:00", "13:00")]},
    "early": {**{day: [("07:00", "19:00")] for day in range(4)}, 4: [("07:00", "15:00")]},
    "late": {day: [("10:00", "19:30")] for day in WEEKDAYS},
}

S = {
    "pt": "physical-therapy",
    "massage": "therapeutic-massage",
    "chiro": "chiropractic-care",
    "epidural": "epidural-injections",
    "rfa": "radiofrequency-ablation",
    "pain": "pain-management",
    "acu": "acupuncture",
    "surgery": "spine-surgery-consult",
}
CORE = ["pt", "massage", "pain"]
FULL = ["pt", "massage", "chiro", "epidural", "rfa", "pain", "surgery"]

# (title, slug, street, ZIP, area code, hours, services, accepts requests)
CENTRES = [
    ("Austin Downtown", "austin-downtown", "410 Congress Avenue, Suite 200", "78701", "512", "saturday", FULL, True),
    ("Austin South Congress", "austin-south-congress", "1812 South Congress Avenue", "78704", "512", "standard", [*CORE, "acu"], True),
    ("Houston Midtown", "houston-midtown", "2400 Travis Street", "77002", "713", "lunch", FULL, True),
    ("Houston Memorial", "houston-memorial", "9650 Katy Freeway, Suite 120", "77024", "713", "early", [*CORE, "epidural"], True),
    ("Dallas Uptown", "dallas-uptown", "2501 Cedar Springs Road", "75201", "214", "late", [*CORE, "chiro"], True),
    ("Fort Worth Near Southside", "fort-worth-near-southside", "1300 West Magnolia Avenue", "76102", "817", "standard", CORE, False),
    ("San Antonio Riverwalk", "san-antonio-riverwalk", "315 East Commerce Street", "78205", "210", "saturday", [*CORE, "epidural", "rfa"], True),
    ("Tampa Channelside", "tampa-channelside", "615 Channelside Drive", "33602", "813", "standard", FULL, True),
    ("Miami Brickell", "miami-brickell", "1101 Brickell Avenue, Floor 3", "33131", "305", "late", [*CORE, "acu"], True),
    ("Orlando Lake Eola", "orlando-lake-eola", "220 East Central Boulevard", "32801", "407", "saturday", [*CORE, "chiro"], True),
    ("Jacksonville San Marco", "jacksonville-san-marco", "1950 San Marco Boulevard", "32207", "904", "lunch", CORE, True),
    ("Atlanta Downtown", "atlanta-downtown", "55 Park Place NE", "30303", "404", "early", FULL, True),
    ("Atlanta Midtown", "atlanta-midtown", "1100 Peachtree Street NE", "30309", "404", "standard", [*CORE, "acu"], True),
    ("Marietta East Cobb", "marietta-east-cobb", "4475 Roswell Road", "30062", "770", "saturday", CORE, False),
    ("Phoenix Roosevelt Row", "phoenix-roosevelt-row", "901 North 3rd Street", "85004", "602", "early", [*CORE, "epidural", "rfa"], True),
    ("Scottsdale Old Town", "scottsdale-old-town", "7301 East Camelback Road", "85251", "480", "standard", [*CORE, "massage", "acu"], True),
    ("Tucson Downtown", "tucson-downtown", "120 North Stone Avenue", "85701", "520", "lunch", CORE, True),
    ("Denver LoDo", "denver-lodo", "1650 Wynkoop Street", "80202", "303", "late", FULL, True),
    ("Denver Cherry Creek", "denver-cherry-creek", "200 Columbine Street", "80206", "303", "saturday", [*CORE, "chiro"], True),
    ("Colorado Springs Old North End", "colorado-springs-old-north-end", "1520 North Tejon Street", "80903", "719", "standard", CORE, True),
    ("Los Angeles Arts District", "los-angeles-arts-district", "800 East 3rd Street", "90012", "213", "late", FULL, True),
    ("San Diego Gaslamp", "san-diego-gaslamp", "455 Fifth Avenue", "92101", "619", "saturday", [*CORE, "acu"], True),
    ("San Francisco SoMa", "san-francisco-soma", "901 Howard Street", "94103", "415", "early", [*CORE, "epidural"], False),
    ("Sacramento Capitol", "sacramento-capitol", "1215 K Street", "95814", "916", "standard", CORE, True),
    ("New York Chelsea", "new-york-chelsea", "245 West 29th Street, Suite 500", "10001", "212", "late", FULL, True),
    ("Brooklyn Heights", "brooklyn-heights", "75 Montague Street", "11201", "718", "saturday", [*CORE, "chiro"], True),
    ("Buffalo Downtown", "buffalo-downtown", "300 Pearl Street", "14202", "716", "lunch", CORE, True),
    ("Chicago Loop", "chicago-loop", "150 North Michigan Avenue", "60601", "312", "early", FULL, True),
    ("Chicago Lincoln Park", "chicago-lincoln-park", "2315 North Clark Street", "60614", "773", "saturday", [*CORE, "acu"], True),
    ("Raleigh Downtown", "raleigh-downtown", "421 Fayetteville Street", "27601", "919", "standard", [*CORE, "epidural"], True),
    ("Charlotte Uptown", "charlotte-uptown", "525 North Tryon Street", "28202", "704", "late", FULL, False),
    ("Seattle First Hill", "seattle-first-hill", "1100 Ninth Avenue", "98101", "206", "saturday", [*CORE, "acu"], True),
    ("Tacoma Stadium District", "tacoma-stadium-district", "705 North 1st Street", "98402", "253", "standard", CORE, True),
]  # fmt: skip

# The centre closed today for staff training, so the demo shows an exception in action.
CLOSED_TODAY = "houston-memorial"
# The demo `manager` account manages these centres.
MANAGED = ["austin-downtown", "austin-south-congress", "san-antonio-riverwalk"]

TITLE_ES = {"Downtown": "Centro", "Old Town": "Casco Antiguo"}


def _closing(centre: LocationPage, language: str) -> str:
    """The paragraph that ends a center's page, written from what is true of that center: who sees
    patients there, for which of its services, and how to ask for a visit."""
    source = sorted(centre.services.all(), key=lambda service: service.slug)
    services = localized(source, Locale.objects.get(language_code=language))
    names = [service.name[0].lower() + service.name[1:] for service in services]
    people = sorted(link.provider.name for link in centre.provider_links.all())
    if language == "es":
        title = _title_es(centre.title)
        team = _join(people, "y") or f"el equipo de {title}"
        verb = "le atienden" if len(people) > 1 else "le atiende"
        text = f"En {title}, {team} {verb} por {_join(names, 'y')}. "
        if centre.accepts_requests:
            return text + "Pida una cita en línea y le llamaremos en un día hábil."
        return (
            text
            + "Este centro no recibe solicitudes en línea por ahora: llámenos y le buscaremos hora."
        )
    team = _join(people, "and") or f"the {centre.title} team"
    verb = "see" if len(people) > 1 else "sees"
    text = f"At {centre.title}, {team} {verb} patients for {_join(names, 'and')}. "
    if centre.accepts_requests:
        return text + "Request a visit online and we will call you back within one business day."
    return (
        text
        + "This center is not taking online requests right now: call us and we will find you a time."
    )


def _join(items: list[str], conjunction: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


PARKING = [
    ("Free parking in the garage behind the building; bring your ticket to reception.", "Estacionamiento gratuito en el garaje detrás del edificio; traiga su boleto a recepción."),
    ("Street parking with meters, and a public garage one block away.", "Estacionamiento en la calle con parquímetros y un garaje público a una cuadra."),
    ("Reserved patient spaces at the front door, including two accessible spaces.", "Plazas reservadas para pacientes junto a la entrada, incluidas dos plazas accesibles."),
    ("Close to a light-rail stop; the building garage validates two hours.", "Cerca de una parada de tren ligero; el garaje del edificio valida dos horas."),
]  # fmt: skip
ACCESS = [
    ("Step-free entrance, automatic doors and an accessible restroom.", "Entrada sin escalones, puertas automáticas y baño accesible."),
    ("Lift to every floor; wheelchairs are available at reception.", "Ascensor a todas las plantas; hay sillas de ruedas en recepción."),
    ("Ground-floor clinic with wide treatment rooms and height-adjustable tables.", "Clínica en planta baja con salas amplias y camillas de altura regulable."),
]  # fmt: skip

# Where the network's demo people (`network.demo_people`) practise, by key. Some of them also
# write or review the blog's articles: the pain physician who reviews the articles on injections
# sees patients in Houston. Daniel Okafor, the health educator, sees no patients.
PRACTICES = {
    "elena-marsh": ["austin-downtown", "austin-south-congress"],
    "james-okafor": ["austin-downtown", "san-antonio-riverwalk"],
    "marcus-bell": ["houston-midtown", "houston-memorial"],
    "sofia-ramirez": ["dallas-uptown", "denver-cherry-creek"],
    "jordan-ellis": ["miami-brickell", "tampa-channelside", "orlando-lake-eola"],
    "hannah-cho": ["los-angeles-arts-district", "denver-lodo"],
    "priya-nair": ["new-york-chelsea", "brooklyn-heights"],
    "grace-whitaker": ["seattle-first-hill", "chicago-lincoln-park"],
    "luis-herrera": ["phoenix-roosevelt-row", "tucson-downtown", "chicago-loop"],
    "naomi-carter": ["atlanta-downtown", "atlanta-midtown", "raleigh-downtown"],
}


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    services = {s.slug: s for s in Service.objects.filter(locale=english)}
    with transaction.atomic():
        index = _load_index(home)
        people = demo_people(english)
        centres = [_load_centre(index, row, services, people) for row in CENTRES]
        _load_settings(index)
        _load_manager(centres)
    # Translations publish on commit: page by page, outside the transaction, re-read from the DB.
    # (The people are translated by the network demo.)
    translate(Page.objects.get(pk=index.pk), "es", INDEX_ES)
    add_menu_link("main", index, "Find a center", "Buscar un centro")
    for row in CENTRES:
        centre = LocationPage.objects.get(pk=next(c.pk for c in centres if c.slug == row[1]))
        translate(centre, "es", _centre_es(centre))
    ensure_centre_roles()
    admin = get_user_model().objects.filter(username="admin").first()
    if admin is not None:
        admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    stdout.write(f"  locations: finder, {len(centres)} centers, {len(PRACTICES)} providers\n")
    return []


def _load_index(home: HomePage) -> LocationIndexPage:
    index = LocationIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=LocationIndexPage(title="Locations", slug="locations"))
    index.title = "Locations"
    index.introduction = INDEX_INTRO
    index.save_revision().publish()
    return LocationIndexPage.objects.get(pk=index.pk)


def _load_centre(
    index: LocationIndexPage,
    row: tuple,
    services: dict[str, Service],
    people: dict[str, Person],
) -> LocationPage:
    title, slug, street, zip_code, area_code, hours, offered, accepts = row
    number = CENTRES.index(row)
    centroid = ZipCentroid.objects.get(zip_code=zip_code)
    centre = LocationPage.objects.child_of(index).filter(slug=slug).first()
    if centre is None:
        centre = LocationPage(title=title, slug=slug)
    centre.title = title
    centre.street_address = street
    centre.city, centre.state, centre.zip_code = centroid.city, centroid.state, zip_code
    # A little off the ZIP centroid, as a real building would be.
    centre.latitude = Decimal(f"{centroid.latitude + 0.0021 * (number % 3 - 1):.6f}")
    centre.longitude = Decimal(f"{centroid.longitude + 0.0017 * (number % 5 - 2):.6f}")
    centre.time_zone = centroid.time_zone
    centre.phone = f"+1{area_code}5550{100 + number:03d}"
    centre.fax = f"+1{area_code}5550{150 + number:03d}"
    centre.intake_emails = f"{slug}@spine-network.example"
    centre.accepts_requests = accepts
    centre.parking_notes = PARKING[number % len(PARKING)][0]
    centre.accessibility_notes = ACCESS[number % len(ACCESS)][0]
    centre.search_description = f"Spine and pain care in {centroid.city}, {centroid.state}."
    centre.photo = centre_photo(title, slug, number)
    centre.photo_alt = alt_texts(number)[0]
    centre.services = [services[S[key]] for key in offered]
    centre.opening_hours = [
        OpeningHours(weekday=day, opens=_time(opens), closes=_time(closes))
        for day, ranges in HOURS[hours].items()
        for opens, closes in ranges
    ]
    centre.hours_exceptions = _exceptions(slug)
    centre.provider_links = [
        LocationProvider(provider=people[key]) for key, slugs in PRACTICES.items() if slug in slugs
    ]
    if centre.pk is None:
        index.add_child(instance=centre)
    centre.body = [("paragraph", f"<p>{_closing(centre, 'en')}</p>")]
    centre.save_revision().publish()
    return LocationPage.objects.get(pk=centre.pk)


def _time(text: str) -> time:
    # Real time objects: Wagtail silently leaves child rows out of a revision it cannot serialise.
    return time.fromisoformat(text)


def _exceptions(slug: str) -> list[HoursException]:
    today = timezone.localdate()
    christmas = date(today.year if today <= date(today.year, 12, 25) else today.year + 1, 12, 25)
    exceptions = [
        HoursException(start_date=christmas, closed=True, reason="holiday"),
        HoursException(
            start_date=christmas - timedelta(days=1),
            closed=False,
            opens=time(8),
            closes=time(12),
            reason="special",
        ),
    ]
    if slug == CLOSED_TODAY:
        exceptions.append(HoursException(start_date=today, closed=True, reason="training"))
    return exceptions


def _load_settings(index: LocationIndexPage) -> None:
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.finder_page = index
    if network.appointment_page is None:
        # Until the appointments app has its page, "Request an appointment" leads to the finder.
        network.appointment_page = index
    network.save()


def _load_manager(centres: list[LocationPage]) -> None:
    user = get_user_model().objects.filter(username="manager").first()
    if user is None:
        return
    manager, _ = CentreManager.objects.get_or_create(user=user)
    manager.centres.set([c for c in centres if c.slug in MANAGED])


def _title_es(title: str) -> str:
    for english, spanish in TITLE_ES.items():
        title = title.replace(english, spanish)
    return title


def _centre_es(centre: LocationPage) -> dict[str, str]:
    strings = {
        centre.title: _title_es(centre.title),
        _closing(centre, "en"): _closing(centre, "es"),
        centre.search_description: (
            f"Atención de columna y dolor en {centre.city}, {centre.state}."
        ),
        # The photo is synchronized; its description is translated.
        centre.photo_alt: alt_texts([row[1] for row in CENTRES].index(centre.slug))[1],
    }
    strings.update(dict(PARKING))
    strings.update(dict(ACCESS))
    return strings
