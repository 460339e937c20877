"""The demo network in a SQLite file, built once for every test that needs it.

`build_in(database, media)` runs `build()` in a process of its own, on a copy of the migrated
test database: it loads the demo (`load_demo --force`) and renders each English page once, so
that the image renditions the pages show are made there rather than by every test that renders
them (`make_renditions`). `tests/conftest.py` (`demo_sqlite`) builds it once and keeps it
between sessions (`tests/database_cache.py`), whatever the number of xdist workers; the
in-process `demo` fixture (tests/demo/conftest.py) and the served demo (`demo_server`,
tests/browser/conftest.py) start from copies of the file.
"""

import os
import shutil
import sys
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import Client, override_settings
from django.test.utils import setup_test_environment
from wagtail.models import Page

from tests.database_cache import manage_on

# The address the demo is loaded for: the test client's, so that its pages' URLs are relative.
DEMO_BASE_URL = "http://testserver"


@dataclass(frozen=True)
class DemoFiles:
    """The demo loaded into a SQLite file (`demo_sqlite`): the database, its media folder and
    what `load_demo` printed."""

    database: Path
    media: Path
    printed: str

    def copy_media_to(self, folder: Path) -> Path:
        """A media folder of the caller's own, as the demo left it: hard links to the demo's
        files (instant, and the demo's own stay as they are: storage replaces or deletes a file,
        never writes into one)."""
        shutil.copytree(self.media, folder, copy_function=os.link)
        return folder


def make_renditions() -> None:
    """Render each English page of the demo once, so that the image renditions its pages show
    (photos, heroes, illustrations, in every size of their srcset) exist before the tests.

    Every test that renders the demo's pages made all of them again otherwise (resizing some 200
    pictures, most of what such a test cost). The Spanish pages show the same images in the same
    sizes. Nothing else is written by a visit (no cache either)."""
    client = Client()
    with override_settings(CACHE_MIDDLEWARE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0):
        for page in Page.objects.live().public().filter(locale__language_code="en").specific():
            if page.url:
                assert client.get(page.url).status_code == 200, page.url


def build() -> None:
    """Load the demo and make its renditions in the configured database; print what
    `load_demo` printed (the accounts). Run by `build_in` through `manage.py shell`."""
    setup_test_environment()  # the test client's host, `testserver`, is allowed
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    make_renditions()
    sys.stdout.write(out.getvalue())


def build_in(database: Path, media: Path) -> str:
    """Build the demo in `database` (a copy of the migrated test database) with its pictures in
    `media`, in a process of its own; what `load_demo` printed."""
    return manage_on(
        database,
        "shell",
        "--no-imports",
        "--command",
        "import tests.demo_database; tests.demo_database.build()",
        doing="Building the demo database",
        MEDIA_ROOT=str(media),
        BASE_URL=DEMO_BASE_URL,
    )
