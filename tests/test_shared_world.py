"""`module_transaction` and `shared` (tests/conftest.py): a module's tests share what is made once,
and each still starts from it as it was made, in the database and in memory.

The tests run in the order written (under xdist they may run on different workers, where each
worker makes the world once)."""

from types import SimpleNamespace

import pytest
from wagtail.models import Page

from tests.conftest import shared
from tests.factories import StandardPageFactory, make_home, make_locales

BUILT = []


@pytest.fixture(scope="module")
def world(module_transaction) -> SimpleNamespace:
    BUILT.append(True)
    world = SimpleNamespace(locales=make_locales())
    world.home = make_home(world.locales)
    world.page = StandardPageFactory(parent=world.home, title="As made")
    return world


home = shared("home")
page = shared("page")


def test_a_test_changes_the_shared_page(page):
    page.title = "Changed"
    page.save()
    StandardPageFactory(parent=Page.objects.get(pk=page.get_parent().pk), title="Added")
    assert Page.objects.filter(title__in=["Changed", "Added"]).count() == 2


def test_the_next_test_starts_from_the_page_as_made(page, home):
    assert page.title == "As made"  # in memory: each test has a copy
    assert Page.objects.get(pk=page.pk).title == "As made"  # in the database: rolled back
    assert not Page.objects.filter(title="Added").exists()
    assert page.get_parent().pk == home.pk
    assert len(BUILT) == 1  # made once for the module
