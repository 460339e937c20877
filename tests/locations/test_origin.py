"""One rule for where a search starts, on the finder page and in the JSON endpoint: a typed place
(`q`) wins over a point (`lat`/`lon`), which may be left over from an earlier "Use my location"."""

import pytest

from locations.forms import FinderForm, NearestQueryForm

AUSTIN_AND_DENVER = {"q": "78701", "lat": "39.74", "lon": "-104.99"}


@pytest.mark.parametrize(
    "form",
    [
        lambda data: FinderForm(data, default_radius=50, services=[]),
        lambda data: NearestQueryForm(data),
    ],
    ids=["finder", "api"],
)
def test_a_typed_place_wins_over_a_point_in_both_forms(db, form):
    both = form(AUSTIN_AND_DENVER)
    point_only = form({"lat": "39.74", "lon": "-104.99"})

    assert both.is_valid(), both.errors
    assert both.cleaned_data["origin"].label == "Austin, TX 78701"
    assert point_only.is_valid(), point_only.errors
    assert (
        point_only.cleaned_data["origin"].latitude,
        point_only.cleaned_data["origin"].longitude,
    ) == (
        39.74,
        -104.99,
    )


def test_a_place_we_cannot_find_is_not_replaced_by_the_point(db):
    finder = FinderForm(
        {"q": "00000", "lat": "39.74", "lon": "-104.99"}, default_radius=50, services=[]
    )
    api = NearestQueryForm({"q": "00000", "lat": "39.74", "lon": "-104.99"})

    assert not finder.is_valid()
    assert finder.errors["q"] == ["We couldn't find the ZIP code 00000."]
    assert not api.is_valid()
    assert api.first_error() == "We couldn't find the ZIP code 00000."


def test_finder_page_and_endpoint_search_from_the_typed_place(client, centres):
    html = client.get("/en/locations/", AUSTIN_AND_DENVER).text
    answer = client.get("/api/locations/nearest/", AUSTIN_AND_DENVER).json()

    assert "2 centers within 50 miles of Austin, TX 78701." in html
    assert answer["origin"]["label"] == "Austin, TX 78701"
    assert [result["name"] for result in answer["results"]] == ["Austin Downtown", "Round Rock"]
