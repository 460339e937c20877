"""Demo content of the network app: settings, home and about pages, taxonomy, people, menus,
accounts.

The texts live in demo/network/ (written for this project); this module builds them. Every function is idempotent: running it again updates
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

from network.demo_content import read, text_blocks, translations
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

# The texts: demo/network/*.toml (read by `network.demo_content`).
TAXONOMY = read("network/taxonomy.toml")
PEOPLE = read("network/people.toml")["people"]
PAGES = read("network/pages.toml")
MENUS = read("network/menus.toml")["menus"]
# Every menu label's Spanish; the other apps' demos add their sections' labels (`add_menu_link`).
MENU_ES = translations(MENUS)


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
    for model, terms in ((Condition, TAXONOMY["conditions"]), (Service, TAXONOMY["services"])):
        for term in terms:
            source = model.objects.get(slug=term["slug"], locale=english)
            translate(source, "es", translations(term))
    # After the services: the Spanish people then list the Spanish specialties where they can.
    for person in PEOPLE:
        source = Person.objects.get(name=person["name"], locale=english)
        translate(source, "es", translations(person))
    translate(home, "es", translations(PAGES["home"]))
    translate(Page.objects.get(pk=about.pk), "es", translations(PAGES["about"]))
    for notice in notices:
        translate(Page.objects.get(pk=notice.pk), "es", translations(PAGES["notices"]))
    for menu in NavigationMenu.objects.filter(locale=english):
        translate(menu, "es", MENU_ES)
    stdout.write("  network: settings, home and about pages, taxonomy, people, menus, accounts")
    return accounts


def _load_taxonomy(locale: Locale) -> None:
    for model, terms in ((Condition, TAXONOMY["conditions"]), (Service, TAXONOMY["services"])):
        for term in terms:
            model.objects.update_or_create(
                slug=term["slug"],
                locale=locale,
                defaults={"name": term["name"]["en"], "description": term["description"]["en"]},
            )


def _load_people(locale: Locale) -> None:
    """The clinicians and writers the blog and the centres share (demo/network/people.toml)."""
    for row in PEOPLE:
        person, _ = Person.objects.update_or_create(
            name=row["name"],
            locale=locale,
            defaults={"credentials": row["credentials"]["en"], "bio": row["bio"]["en"]},
        )
        person.specialties.set(Service.objects.filter(slug__in=row["specialties"], locale=locale))
        person.save()


def demo_people(locale: Locale) -> dict[str, Person]:
    """The demo people in `locale`, by key, for the apps' demos to link."""
    by_name = {person.name: person for person in Person.objects.filter(locale=locale)}
    return {row["key"]: by_name[row["name"]] for row in PEOPLE}


def _load_home(locale: Locale) -> HomePage:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title="Home", slug="network-home", hero_heading="-", locale=locale)
        )
    content = PAGES["home"]
    home.hero_heading = content["hero_heading"]["en"]
    home.hero_text = content["hero_text"]["en"]
    home.featured_services_heading = content["featured_services_heading"]["en"]
    # Reuse the rows already there so a second run changes nothing.
    current = {item.service_id: item for item in home.featured_services.all()}
    home.featured_services = [
        current.get(service.pk) or HomePageFeaturedService(service=service)
        for service in (
            Service.objects.get(slug=slug, locale=locale) for slug in content["featured_services"]
        )
    ]
    home.body = text_blocks(content["body"])
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
    content = PAGES["about"]
    slug, title = content["slug"]["en"], content["title"]["en"]
    about = StandardPage.objects.child_of(home).filter(slug=slug).first()
    if about is None:
        about = home.add_child(instance=StandardPage(title=title, slug=slug))
    about.introduction = content["introduction"]["en"]
    about.body = text_blocks(content["body"])
    about.save_revision().publish()
    return StandardPage.objects.get(pk=about.pk)


def _load_notices(home: HomePage) -> list[StandardPage]:
    """The privacy and nondiscrimination notices the footer links to."""
    pages = []
    for notice in PAGES["notices"]:
        slug, title = notice["slug"]["en"], notice["title"]["en"]
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=StandardPage(title=title, slug=slug))
        page.introduction = notice["introduction"]["en"]
        page.body = text_blocks(notice["body"])
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


def add_menu_link(name: str, page: Page, label: dict[str, str]) -> None:
    """Append an app's page to a demo menu (once) and refresh the menu's Spanish version.

    The network demo cannot know the finder or the blog; their demos call this for their index
    pages, so the menus list every section without the network app importing the others. `label`
    is the link's text in English and Spanish (`{"en": ..., "es": ...}`)."""
    menu = NavigationMenu.objects.get(name=name, locale=page.locale)
    items = [item for item in menu.items.order_by("sort_order") if item.link_page_id != page.pk]
    items.append(NavigationMenuItem(link_page=page, label=label["en"], locale=page.locale))
    for sort_order, item in enumerate(items):
        item.sort_order = sort_order
    menu.items = items
    menu.save()
    MENU_ES.update(translations(label))
    translate(menu, "es", MENU_ES)


def _load_menus(locale: Locale, home: HomePage, about: StandardPage) -> None:
    pages = {"home": home, "about": about}
    for content in MENUS:
        menu, _ = NavigationMenu.objects.get_or_create(name=content["name"], locale=locale)
        current = {item.link_page_id: item for item in menu.items.all()}
        items = []
        for link in content["items"]:
            page = pages[link["page"]]
            item = current.get(page.pk) or NavigationMenuItem(link_page=page, locale=locale)
            item.label = link["label"]["en"]
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
