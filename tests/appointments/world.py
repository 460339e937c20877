"""The appointments tests' network made once for a module rather than once for each test.

A module imports these fixtures to have its tests share one `world` (tests.appointments.conftest's
`make_world`: both languages, every fixture there), built in `module_transaction` and handed to
each test as copies (`tests.conftest.shared`). Each test still runs in its own transaction, so
what it changes is undone before the next; building the same pages for every test cost about 2 s
of CPU each.
"""

import pytest

from tests.appointments.conftest import make_world
from tests.conftest import shared


@pytest.fixture(scope="module")
def world(module_transaction):
    return make_world()


locales = shared("locales")
home = shared("home")
home_es = shared("home_es")
network = shared("network")
location_index = shared("location_index")
physio = shared("physio")
massage = shared("massage")
centres = shared("centres")
centres_es = shared("centres_es")
appointment_page = shared("appointment_page")
appointment_page_es = shared("appointment_page_es")

__all__ = [
    "appointment_page",
    "appointment_page_es",
    "centres",
    "centres_es",
    "home",
    "home_es",
    "locales",
    "location_index",
    "massage",
    "network",
    "physio",
    "world",
]
