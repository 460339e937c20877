"""`localized()`: related objects swapped for their versions in one language, in one query."""

import pytest
from django.utils import translation

from network.localization import localized, translate
from network.models import Person, Service
from tests.factories import PersonFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_keeps_order_swaps_translated_and_keeps_untranslated_objects(
    locales, django_assert_num_queries
):
    physio = ServiceFactory(name="Physical therapy")
    massage = ServiceFactory(name="Massage")
    translate(physio, "es", {"Physical therapy": "Fisioterapia"})

    with django_assert_num_queries(1):
        shown = localized([massage, physio], locales["es"])

    assert [service.name for service in shown] == ["Massage", "Fisioterapia"]


def test_objects_already_in_the_language_cost_no_query(locales, django_assert_num_queries):
    services = [ServiceFactory(), ServiceFactory()]

    with django_assert_num_queries(0):
        assert localized(services, locales["en"]) == services


def test_a_queryset_filters_and_without_fallback_drops_what_has_no_match(locales):
    dana = PersonFactory(name="Dana")
    sam = PersonFactory(name="Sam")
    spanish_dana = translate(dana, "es", {})

    visible = Person.objects.exclude(name="Sam")

    assert localized([sam, dana], locales["es"], queryset=visible, fallback=False) == [spanish_dana]
    # Without the queryset, Sam stays in English rather than disappearing.
    assert localized([sam, dana], locales["es"]) == [sam, spanish_dana]


def test_translated_person_keeps_name_and_specialties(locales):
    physio = ServiceFactory(name="Physical therapy")
    translate(physio, "es", {"Physical therapy": "Fisioterapia"})
    person = PersonFactory(name="Dana Whitfield", credentials="physical therapist")
    person.specialties.set([physio])
    person.save()

    spanish = translate(person, "es", {"physical therapist": "fisioterapeuta"})

    assert (spanish.name, spanish.credentials) == ("Dana Whitfield", "fisioterapeuta")
    with translation.override("es"):
        assert [s.name for s in spanish.localized_specialties()] == ["Fisioterapia"]
    assert Service.objects.filter(locale=locales["es"]).count() == 1
