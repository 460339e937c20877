"""appointments.routing against real centre pages, the ZIP table and the one centre search."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from appointments.routing import route
from locations import geocoding
from locations.geocoding import GeocodingError
from tests.appointments.conftest import make_centre
from tests.appointments.world import *  # noqa: F403  (this module's tests share one network)

AUSTIN_ZIP = "78701"
DALLAS_ZIP = "75201"  # about 180 miles from every test centre

pytestmark = pytest.mark.django_db


def test_a_chosen_centre_that_accepts_requests_gets_it(centres):
    result = route("other", centres["round_rock"], AUSTIN_ZIP)
    assert result.centre == centres["round_rock"]
    assert result.routed == "chosen"
    assert Decimal("15") < result.distance_miles < Decimal("20")


def test_a_chosen_centre_far_beyond_the_radius_is_still_chosen(centres):
    result = route("other", centres["san_antonio"], DALLAS_ZIP)
    assert (result.centre, result.routed) == (centres["san_antonio"], "chosen")


def test_a_chosen_centre_without_a_patient_location_has_no_distance(centres):
    result = route("other", centres["austin"])
    assert (result.centre, result.routed, result.distance_miles) == (
        centres["austin"],
        "chosen",
        None,
    )


def test_nearest_prefers_the_nearest_centre_offering_the_reasons_service(centres, physio):
    """Austin Downtown is nearer but offers no physical therapy; Austin South offers it but takes
    no requests: Round Rock gets it."""
    result = route("physical-therapy", None, AUSTIN_ZIP)
    assert (result.centre, result.routed) == (centres["round_rock"], "nearest")
    assert Decimal("15") < result.distance_miles < Decimal("20")


def test_nearest_without_the_service_takes_the_nearest_accepting_centre(centres, surgery):
    result = route("spine-surgery-consult", None, AUSTIN_ZIP)
    assert (result.centre, result.routed) == (centres["austin"], "nearest")
    assert result.distance_miles < Decimal("1")


def test_a_condition_or_other_reason_takes_the_nearest_accepting_centre(centres, sciatica):
    assert route("sciatica", None, AUSTIN_ZIP).centre == centres["austin"]
    assert route("other", None, AUSTIN_ZIP).centre == centres["austin"]


def test_the_patients_position_wins_over_the_zip_code(centres):
    """Near Round Rock, with a ZIP code in Austin: the position is what the browser measured."""
    result = route("other", None, AUSTIN_ZIP, 30.51, -97.68)
    assert (result.centre, result.routed) == (centres["round_rock"], "nearest")
    assert result.distance_miles < Decimal("1")


def test_nothing_within_the_radius_goes_to_central_intake(centres):
    result = route("physical-therapy", None, DALLAS_ZIP)
    assert (result.centre, result.routed, result.distance_miles) == (None, "fallback", None)


def test_the_radius_comes_from_the_network_settings(centres, network):
    network.routing_radius_miles = 200
    network.save()
    result = route("physical-therapy", None, DALLAS_ZIP)
    assert (result.centre, result.routed) == (centres["round_rock"], "nearest")


def test_nearest_without_any_place_goes_to_central_intake(centres):
    assert route("other", None).routed == "fallback"


def test_centres_not_accepting_requests_are_skipped(centres, physio):
    """Austin South is the nearest physical-therapy centre to this point, but takes no requests."""
    result = route("physical-therapy", None, "", 30.20, -97.77)
    assert result.centre == centres["round_rock"]


def test_a_chosen_centre_no_longer_accepting_is_routed_nearest_from_its_position(centres):
    result = route("other", centres["south"], DALLAS_ZIP)
    assert (result.centre, result.routed) == (centres["austin"], "nearest")
    assert Decimal("4") < result.distance_miles < Decimal("6")  # from Austin South, not Dallas


def test_an_unpublished_chosen_centre_is_routed_nearest(centres):
    centres["austin"].unpublish()
    result = route("other", centres["austin"], AUSTIN_ZIP)
    assert result.routed == "nearest"
    assert result.centre not in (None, centres["austin"])


def test_a_spanish_page_routes_like_its_english_source(centres_es, centres):
    chosen = route("other", centres_es["round_rock"], AUSTIN_ZIP)
    assert chosen.centre == centres["round_rock"]
    assert chosen.centre.locale.language_code == "en"
    closed = route("other", centres_es["south"], AUSTIN_ZIP)
    assert closed.centre == centres["austin"]


def test_a_spanish_request_from_the_same_zip_reaches_the_same_centre(centres_es, centres, physio):
    english = route("physical-therapy", None, AUSTIN_ZIP)
    with translation.override("es"):
        spanish = route("physical-therapy", None, AUSTIN_ZIP)
    assert spanish == english
    assert spanish.centre.locale.language_code == "en"


def test_ties_go_to_the_lower_page_id(centres, location_index, massage):
    twin = make_centre(
        location_index, "Austin Downtown Annex", "annex", "30.269200", "-97.746000", [massage]
    )
    assert twin.pk > centres["austin"].pk
    assert route("other", None, AUSTIN_ZIP).centre == centres["austin"]


def test_centres_in_private_sections_are_never_routed_to(centres, location_index):
    """The search's SQL is built once per number of private sections (their paths are values):
    one, then two, then the whole index, each checked against the ORM's own values."""
    assert route("other", None, AUSTIN_ZIP).centre == centres["austin"]
    PageViewRestriction.objects.create(page=centres["austin"], restriction_type="login")
    second = route("other", None, AUSTIN_ZIP).centre
    assert second not in (None, centres["austin"])
    PageViewRestriction.objects.create(page=second, restriction_type="login")
    third = route("other", None, AUSTIN_ZIP).centre
    assert third not in (centres["austin"], second)  # another, or the central intake
    PageViewRestriction.objects.create(page=location_index, restriction_type="login")
    assert route("physical-therapy", None, AUSTIN_ZIP).routed == "fallback"


def test_an_unknown_zip_code_raises_the_geocoders_message(centres):
    with pytest.raises(GeocodingError, match="00000"):
        route("other", None, "00000")


def test_routing_costs_a_fixed_number_of_queries(centres, location_index, physio, network):
    def queries(reason, centre, zip_code):
        geocoding._zip_place.cache_clear()  # each counted with its ZIP code placed afresh
        with CaptureQueriesContext(connection) as captured:
            route(reason, centre, zip_code, network=network)
        return len(captured)

    worst = queries("physical-therapy", None, DALLAS_ZIP)  # both searches, then fallback
    nearest = queries("physical-therapy", None, AUSTIN_ZIP)
    chosen = queries("other", centres["round_rock"], AUSTIN_ZIP)
    for n in range(12):
        make_centre(
            location_index,
            f"Houston {n}",
            f"houston-{n}",
            f"29.{700000 + n * 1000}",
            "-95.360000",
            [physio],
        )
    assert queries("physical-therapy", None, DALLAS_ZIP) == worst
    assert queries("physical-therapy", None, AUSTIN_ZIP) == nearest
    assert queries("other", centres["round_rock"], AUSTIN_ZIP) == chosen
    assert max(worst, nearest, chosen) <= 6
