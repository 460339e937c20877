"""The locations tests' finder and centres made once for a module rather than once for each test.

A module imports these fixtures to have its tests share one `world` (tests.locations.conftest's
`make_world`: the home page, the finder, the services, the provider, `centre` and `centres`, in
English), built in `module_transaction` and handed to each test as copies
(`tests.conftest.shared`). Each test still runs in its own transaction, so what it changes is
undone before the next. Fixtures not in the world (the Spanish pages, the appointment page) are
still made by each test that asks for them, on top of the world.
"""

import pytest

from tests.conftest import shared
from tests.locations.conftest import make_world


@pytest.fixture(scope="module")
def world(module_transaction):
    return make_world()


locales = shared("locales")
home = shared("home")
location_index = shared("location_index")
physio = shared("physio")
massage = shared("massage")
provider = shared("provider")
centre = shared("centre")
centres = shared("centres")

__all__ = [
    "centre",
    "centres",
    "home",
    "locales",
    "location_index",
    "massage",
    "physio",
    "provider",
    "world",
]
