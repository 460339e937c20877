"""Test factories for the network app; each app's tests add theirs beside its tests."""

import factory
import wagtail_factories

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
