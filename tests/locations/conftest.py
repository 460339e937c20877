import pytest

from tests.locations.factories import LocationIndexPageFactory


@pytest.fixture
def location_index(home):
    return LocationIndexPageFactory(parent=home)
