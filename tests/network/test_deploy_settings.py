"""Settings for several machines (docs/deploy.md): uploads on a shared store and a front-end cache
purged on publish, both from the environment alone."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = """
import json
from django.apps import apps
from django.core.files.storage import storages
from wagtail.contrib.frontend_cache.utils import get_backends
print(json.dumps({
    "storage": type(storages["default"]).__name__,
    "location": str(getattr(storages["default"], "location", "")),
    "purging": apps.is_installed("wagtail.contrib.frontend_cache"),
    "backends": sorted(get_backends()),
}))
"""


def probe(tmp_path, **extra: str) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **extra}
    result = subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "shell", "-v", "0", "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_by_default_uploads_stay_on_disk_and_nothing_purges(tmp_path):
    assert probe(tmp_path) == {
        "storage": "FileSystemStorage",
        "location": str(settings.MEDIA_ROOT),
        "purging": False,
        "backends": [],
    }


def test_the_environment_names_the_media_store_and_the_front_end_cache(tmp_path):
    cache = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    found = probe(
        tmp_path,
        MEDIA_STORAGE="django.core.files.storage.InMemoryStorage",
        MEDIA_STORAGE_OPTIONS=json.dumps({"location": "uploads"}),
        WAGTAILFRONTENDCACHE=json.dumps(cache),
    )
    assert found == {
        "storage": "InMemoryStorage",
        "location": str(settings.BASE_DIR / "uploads"),
        "purging": True,
        "backends": ["edge"],
    }
