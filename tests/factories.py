"""Test factories for the network app; each app's tests add theirs beside its tests."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from network.localization import translate
from network.models import Condition, HomePage, Person, Service, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = "Relief for your back, close to home"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction."

    class Meta:
        model = StandardPage


class ConditionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Condition {n}")
    slug = factory.Sequence(lambda n: f"condition-{n}")

    class Meta:
        model = Condition


class ServiceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")

    class Meta:
        model = Service


class PersonFactory(factory.django.DjangoModelFactory):
    """A clinician: an article's author or reviewer, a centre's provider."""

    name = factory.Sequence(lambda n: f"Dr. Person {n}")
    credentials = "MD"

    class Meta:
        model = Person


def make_locales() -> dict[str, Locale]:
    return {
        "en": Locale.objects.get_or_create(language_code="en")[0],
        "es": Locale.objects.get_or_create(language_code="es")[0],
    }


def make_home(locales: dict[str, Locale]) -> HomePage:
    """An English HomePage as the default site's root.

    Wagtail's placeholder page (its migrations' "Welcome" page) stays where it is, beside the home
    page and outside the site, where no visitor's URL reaches it: deleting it in every test that
    has a home page cost about 60 ms each (Django's collector walks every relation to a page).

    Transactional tests (live_server, browser tests) start from a flushed database without the
    root page and site that Wagtail's migrations create, so both are created when missing.
    """
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locales["en"])
    )
    home = HomePageFactory(parent=root, title="Home", slug="network-home")
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    return home


def make_home_es(home: HomePage) -> HomePage:
    """The Spanish translation of the home page, made the way editors do with wagtail-localize."""
    return translate(home, "es", {"Home": "Inicio", home.hero_heading: "Alivio cerca de casa"})
