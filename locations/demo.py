"""Demo content of the locations app: the finder, 33 fictional centres, their providers, a manager.

The centers and their texts live in demo/locations/ (read by `network.demo_content`). All names,
addresses, phone numbers (555-01xx, reserved for fiction) and texts are invented for this project; cities and ZIP codes are real and the coordinates sit near
each ZIP's centroid. Runs after the network demo (it needs the home page, the services and the
`manager` account) and is idempotent: centres are found again by slug and rewritten.
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
from locations.sync import translations_left_to_caller
from network.demo import add_menu_link, demo_people
from network.demo_content import read, translations
from network.localization import localized, translate
from network.models import HomePage, NetworkSettings, Person, Service

CONTENT = read("locations/locations.toml")
CENTRES = read("locations/centers.toml")["centers"]
# The demo `manager` account manages these centres.
MANAGED = CONTENT["managed"]
# Where the network's demo people practise, by key (Daniel Okafor, the health educator, sees no
# patients): some of them also write or review the blog's articles.
PRACTICES = CONTENT["practices"]

# Weekly hours: {weekday (Monday is 0): [(opens, closes)]}.
WEEKDAYS = range(5)
HOURS = {
    "standard": {day: [("08:00", "17:00")] for day in WEEKDAYS},
    "lunch": {day: [("08:00", "12:00"), ("13:00", "17:30")] for day in WEEKDAYS},
    "saturday": {**{day: [("08:00", "18:00")] for day in WEEKDAYS}, 5: [("09:00", "13:00")]},
    "early": {**{day: [("07:00", "19:00")] for day in range(4)}, 4: [("07:00", "15:00")]},
    "late": {day: [("10:00", "19:30")] for day in WEEKDAYS},
}


def _closing(centre: LocationPage, language: str) -> str:
    """The paragraph that ends a center's page, written from what is true of that center: who sees
    patients there, for which of its services, and how to ask for a visit (the wording is
    demo/locations/locations.toml's `closing`)."""
    words = CONTENT["closing"][language]
    source = sorted(centre.services.all(), key=lambda service: service.slug)
    services = localized(source, Locale.objects.get(language_code=language))
    names = [service.name[0].lower() + service.name[1:] for service in services]
    people = sorted(link.provider.name for link in centre.provider_links.all())
    title = _title_es(centre.title) if language == "es" else centre.title
    text = words["text"].format(
        title=title,
        team=_join(people, words["and"]) or words["team"].format(title=title),
        verb=words["verb_many"] if len(people) > 1 else words["verb_one"],
        services=_join(names, words["and"]),
    )
    return text + (words["accepts"] if centre.accepts_requests else words["refuses"])


def _join(items: list[str], conjunction: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def load(stdout: TextIO) -> list[tuple[str, str, str]]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    services = {s.slug: s for s in Service.objects.filter(locale=english)}
    # Every centre is translated below, from its final English version: publishing it here need
    # not also re-publish its Spanish version (which a reload would otherwise do twice).
    with transaction.atomic(), translations_left_to_caller():
        index = _load_index(home)
        people = demo_people(english)
        centres = [_load_centre(index, row, services, people) for row in CENTRES]
        _load_settings(index)
        _load_manager(centres)
    # Translations publish on commit: page by page, outside the transaction, re-read from the DB.
    # (The people are translated by the network demo.)
    translate(Page.objects.get(pk=index.pk), "es", translations(CONTENT["index"]))
    add_menu_link("main", index, CONTENT["index"]["menu_label"])
    for row in CENTRES:
        centre = LocationPage.objects.get(pk=next(c.pk for c in centres if c.slug == row["slug"]))
        translate(centre, "es", _centre_es(centre))
    ensure_centre_roles()
    admin = get_user_model().objects.filter(username="admin").first()
    if admin is not None:
        admin.groups.add(Group.objects.get(name=ADMINISTRATORS_GROUP))
    stdout.write(f"  locations: finder, {len(centres)} centers, {len(PRACTICES)} providers\n")
    return []


def _load_index(home: HomePage) -> LocationIndexPage:
    content = CONTENT["index"]
    title = content["title"]["en"]
    index = LocationIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=LocationIndexPage(title=title, slug=content["slug"]["en"]))
    index.title = title
    index.introduction = content["introduction"]["en"]
    index.save_revision().publish()
    return LocationIndexPage.objects.get(pk=index.pk)


def _load_centre(
    index: LocationIndexPage,
    row: dict,
    services: dict[str, Service],
    people: dict[str, Person],
) -> LocationPage:
    title, slug, zip_code, area_code = row["title"], row["slug"], row["zip_code"], row["area_code"]
    number = CENTRES.index(row)
    centroid = ZipCentroid.objects.get(zip_code=zip_code)
    centre = LocationPage.objects.child_of(index).filter(slug=slug).first()
    if centre is None:
        centre = LocationPage(title=title, slug=slug)
    centre.title = title
    centre.street_address = row["street"]
    centre.city, centre.state, centre.zip_code = centroid.city, centroid.state, zip_code
    # A little off the ZIP centroid, as a real building would be.
    centre.latitude = Decimal(f"{centroid.latitude + 0.0021 * (number % 3 - 1):.6f}")
    centre.longitude = Decimal(f"{centroid.longitude + 0.0017 * (number % 5 - 2):.6f}")
    centre.time_zone = centroid.time_zone
    centre.phone = f"+1{area_code}5550{100 + number:03d}"
    centre.fax = f"+1{area_code}5550{150 + number:03d}"
    centre.intake_emails = f"{slug}@spine-network.example"
    centre.accepts_requests = row["accepts_requests"]
    parking, access = CONTENT["parking"], CONTENT["access"]
    centre.parking_notes = parking[number % len(parking)]["en"]
    centre.accessibility_notes = access[number % len(access)]["en"]
    centre.search_description = CONTENT["search_description"]["en"].format(
        city=centroid.city, state=centroid.state
    )
    centre.photo = centre_photo(title, slug, number)
    centre.photo_alt = alt_texts(number)[0]
    centre.services = [services[service] for service in row["services"]]
    centre.opening_hours = [
        OpeningHours(weekday=day, opens=_time(opens), closes=_time(closes))
        for day, ranges in HOURS[row["hours"]].items()
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
    if slug == CONTENT["closed_today"]:
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
    for words in CONTENT["title_words"]:
        title = title.replace(words["en"], words["es"])
    return title


def _centre_es(centre: LocationPage) -> dict[str, str]:
    strings = {
        centre.title: _title_es(centre.title),
        _closing(centre, "en"): _closing(centre, "es"),
        centre.search_description: CONTENT["search_description"]["es"].format(
            city=centre.city, state=centre.state
        ),
        # The photo is synchronized; its description is translated.
        centre.photo_alt: alt_texts([row["slug"] for row in CENTRES].index(centre.slug))[1],
    }
    strings.update(translations(CONTENT["parking"], CONTENT["access"]))
    return strings
