"""The centre finder page: ZIP, city or position; radius and service filters; both languages."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings
from wagtail.models import Site

from network.models import NetworkSettings
from tests.locations.world import *  # noqa: F403  (this module's tests share one network)

pytestmark = pytest.mark.django_db

FINDER = "/en/locations/"


def result_titles(html: str) -> list[str]:
    return re.findall(r'<h[34] id="centre-\d+"><a href="[^"]+">([^<]+)</a>', html)


def test_zip_search_lists_centres_within_the_radius_by_distance(client, centres, appointment_page):
    html = client.get(FINDER, {"q": "78701"}).text

    assert result_titles(html) == ["Austin Downtown", "Round Rock"]
    assert "2 centers within 50 miles of Austin, TX 78701." in html
    assert 'role="status" aria-live="polite"' in html
    assert re.search(r"16\.\d miles \(26\.\d km\) away", html)  # Round Rock
    assert f'href="/en/book/?location={centres["austin"].pk}"' in html
    assert "(512) 555-0100" in html
    assert "Today:" in html
    assert "https://www.google.com/maps/dir/?api=1&amp;destination=Round+Rock" in html


def test_city_search(client, centres):
    html = client.get(FINDER, {"q": "Dallas, TX", "radius": "25"}).text

    assert result_titles(html) == ["Dallas Uptown"]
    assert "Not taking appointment requests online" in html


def test_coordinates_search_from_the_browser(client, centres):
    html = client.get(FINDER, {"lat": "39.74", "lon": "-104.99", "radius": "10"}).text

    assert result_titles(html) == ["Denver Cherry Creek"]
    assert "1 center within 10 miles of your location." in html


def test_radius_widens_the_search(client, centres):
    html = client.get(FINDER, {"q": "78701", "radius": "100"}).text

    assert "Dallas Uptown" not in result_titles(html)  # about 180 miles away
    html = client.get(FINDER, {"q": "78701", "radius": "50"}).text
    assert 'option value="50" selected' in html


def test_default_radius_is_the_network_routing_radius(client, centres):
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.routing_radius_miles = 20
    settings.save()

    html = client.get(FINDER, {"q": "78701"}).text

    assert result_titles(html) == ["Austin Downtown", "Round Rock"]  # Round Rock is 16.5 miles
    assert 'option value="20" selected' in html
    assert "within 20 miles" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("00000", "We couldn&#x27;t find the ZIP code 00000."),
        ("#@!?", "Enter a 5-digit ZIP code or a city and state, like Austin, TX."),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_kept(client, centres, query, message):
    html = client.get(FINDER, {"q": query}).text

    assert f'name="q" id="id_q" value="{query}"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_q-help id_q-error"' in html
    error = re.search(r'<p class="finder__error" id="id_q-error" role="alert">([^<]+)</p>', html)
    assert error and message in error.group(1)
    assert "All our centers" in html  # the full list stays available


def test_nothing_within_the_radius_offers_the_nearest_beyond_it(client, centres):
    html = client.get(FINDER, {"q": "Albuquerque, NM", "radius": "10"}).text

    assert "0 centers within 10 miles of Albuquerque, NM." in html
    assert "Nearest centers beyond 10 miles" in html
    assert result_titles(html) == ["Denver Cherry Creek", "Dallas Uptown", "Round Rock"]


def test_service_filter_uses_stable_slugs(client, centres):
    html = client.get(FINDER, {"q": "78701", "service": "therapeutic-massage"}).text

    assert result_titles(html) == ["Round Rock"]
    assert '<option value="therapeutic-massage" selected>Therapeutic massage</option>' in html


def test_service_filter_without_a_place_lists_matching_centres_by_state(client, centres):
    html = client.get(FINDER, {"service": "physical-therapy"}).text

    assert result_titles(html) == ["Austin Downtown"]


def test_unknown_service_is_an_error_not_a_crash(client, centres):
    response = client.get(FINDER, {"q": "78701", "service": "brain-surgery"})

    assert response.status_code == 200
    assert 'class="finder__error" role="alert"' in response.text


def test_without_a_search_all_centres_are_grouped_by_state(client, centres):
    html = client.get(FINDER).text

    assert "4 centers." in html
    colorado, texas = html.index('id="state-CO">Colorado<'), html.index('id="state-TX">Texas<')
    assert colorado < html.index("Denver Cherry Creek") < texas
    assert (
        texas
        < html.index("Austin Downtown")
        < html.index("Dallas Uptown")
        < html.index("Round Rock")
    )
    assert "miles (" not in html


def test_all_centres_list_opens_with_a_jump_list_by_state(client, centres):
    html = client.get(FINDER).text

    jump_list = html[
        html.index('id="finder-states"') : html.index("</nav>", html.index("finder-states"))
    ]
    assert (
        '<a href="#state-CO">Colorado <span class="finder__states-count">(1)</span></a>'
        in jump_list
    )
    assert (
        '<a href="#state-TX">Texas <span class="finder__states-count">(3)</span></a>' in jump_list
    )
    assert html.count('<a href="#finder-states">Back to the list of states</a>') == 2


def test_draft_and_private_centres_are_not_listed(client, centres):
    centres["dallas"].unpublish()

    html = client.get(FINDER).text

    assert "Dallas Uptown" not in html


def test_spanish_finder(client, centres, centre_es, location_index_es):
    html = client.get("/es/centros/", {"q": "78701", "service": "physical-therapy"}).text

    assert '<html lang="es"' in html
    assert '<option value="physical-therapy" selected>Fisioterapia</option>' in html
    assert 'href="/es/centros/austin-centro/"' in html
    assert result_titles(html) == ["Austin Centro"]


def test_spanish_finder_lists_untranslated_centres_too(
    client, centres, centre_es, location_index_es
):
    html = client.get("/es/centros/").text

    assert {"Austin Centro", "Round Rock", "Dallas Uptown", "Denver Cherry Creek"} == set(
        result_titles(html)
    )


def location_error(html: str) -> str:
    match = re.search(
        r'<p class="finder__error finder__alert" role="alert" id="finder-location-error">([^<]+)</p>',
        html,
    )
    return match.group(1) if match else ""


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"lat": "91", "lon": "-97.74"}, "The latitude (lat) must be a number between -90 and 90."),
        (
            {"lat": "nan", "lon": "-97.74"},
            "The latitude (lat) must be a number between -90 and 90.",
        ),
        (
            {"lat": "30.27", "lon": "-inf"},
            "The longitude (lon) must be a number between -180 and 180.",
        ),
        (
            {"lat": "30.27", "lon": "east"},
            "The longitude (lon) must be a number between -180 and 180.",
        ),
        ({"lat": "30.27"}, "Give both the latitude (lat) and the longitude (lon)."),
    ],
)
def test_unusable_coordinates_are_explained_not_ignored(client, centres, params, message):
    response = client.get(FINDER, params)

    assert response.status_code == 200
    error = location_error(response.text)
    assert message in error
    assert error.startswith("We could not use the location in this search:")
    assert "All our centers" in response.text  # the full list stays available


def test_a_radius_not_offered_gets_a_sentence_and_keeps_the_search(client, centres):
    html = client.get(FINDER, {"q": "78701", "radius": "7"}).text

    assert "We can search within 10, 25, 50 or 100 miles. Choose one of these distances." in html
    assert 'name="q" id="id_q" value="78701"' in html
    assert "Select a valid choice" not in html


def test_a_service_not_offered_gets_a_sentence(client, centres):
    html = client.get(FINDER, {"q": "78701", "service": "brain-surgery"}).text

    assert (
        "We don&#x27;t offer that service at our centers. Choose a service from the list." in html
    )
    assert "Select a valid choice" not in html


def test_spanish_sentences_for_a_radius_and_a_service_not_offered(
    client, centres, location_index_es
):
    html = client.get("/es/centros/", {"q": "78701", "radius": "7", "service": "x"}).text

    assert "Podemos buscar a 10, 25, 50 o 100 millas. Elija una de estas distancias." in html
    assert "No ofrecemos ese servicio en nuestros centros. Elija un servicio de la lista." in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\uff17\uff18\uff17\uff10\uff11"},  # full-width digits
        {"q": "\u0667\u0668\u0667\u0660\u0661"},  # Arabic-Indic digits
        {"q": "78701", "radius": "\uff12\uff15"},
        {"lat": "\uff13\uff10\uff0e\uff12\uff17", "lon": "-97.74"},
    ],
)
def test_unicode_digits_search_like_ascii_digits(client, centres, params):
    html = client.get(FINDER, params).text

    assert result_titles(html) == ["Austin Downtown", "Round Rock"]


def test_service_slugs_match_whatever_their_case(client, centres):
    html = client.get(FINDER, {"q": "78701", "service": "Therapeutic-MASSAGE"}).text

    assert result_titles(html) == ["Round Rock"]
    assert '<option value="therapeutic-massage" selected>' in html


def test_coordinates_are_rounded_before_they_reach_a_url(client, centres):
    html = client.get(FINDER, {"lat": "30.271234", "lon": "-97.742678"}).text

    assert '<input type="hidden" name="lat" value="30.27" id="id_lat">' in html
    assert '<input type="hidden" name="lon" value="-97.74" id="id_lon">' in html
    assert "30.2712" not in html and "97.7426" not in html


def test_finder_script_rounds_the_browser_position_to_two_decimals():
    source = Path(finders.find("network/js/locate.js")).read_text()

    assert "latitude.toFixed(2)" in source and "longitude.toFixed(2)" in source
    assert "toFixed(5)" not in source


@pytest.mark.parametrize("params", [{"q": "78701"}, {"lat": "30.27", "lon": "-97.74"}, {"q": "x"}])
def test_answers_that_carry_a_location_are_never_stored(client, centres, params):
    assert client.get(FINDER, params)["Cache-Control"] == "private, no-store"


def test_the_finder_without_a_location_may_be_cached(client, centres):
    assert "no-store" not in client.get(FINDER, {"service": "physical-therapy"}).get(
        "Cache-Control", ""
    )


@pytest.mark.usefixtures("frozen_clock")
@override_settings(LOCATIONS_SEARCH_RATELIMIT="3/m")
def test_too_many_searches_get_a_friendly_page_with_the_phone_number(client, centres):
    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.main_phone = "+18005550142"
    network.save()

    assert client.get("/api/locations/nearest/", {"q": "78701"}).status_code == 200
    for _ in range(2):
        assert client.get(FINDER, {"q": "78701"}).status_code == 200
    assert client.get(FINDER).status_code == 200  # listing every centre does not count
    limited = client.get(FINDER, {"q": "78701"})

    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 60
    assert limited["Cache-Control"] == "private, no-store"
    assert "<h1>Please wait a moment</h1>" in limited.text
    assert 'href="tel:+1-800-555-0142">(800) 555-0142</a>' in limited.text
    assert '<header class="site-header">' in limited.text  # inside the site chrome
    # The JSON endpoint shares the budget.
    assert client.get("/api/locations/nearest/", {"q": "78701"}).status_code == 429
