"""SQLite test databases built once and kept between test sessions, under a key of what made them.

Two files cost most of what a test session spends before its tests: the database as migrations
leave it (245 migrations, about 20 seconds of CPU in each xdist worker, nearly all of it Django
rendering its model state again and again) and the demo loaded into a copy of it (about 35
seconds more: `tests/demo_database.py`). Each is built here once, into `.test-cache/` at the
project's top (git-ignored; `make clean` empties it), and every worker restores it into its
in-memory test database with SQLite's backup API in a fraction of a second.

A file is used only under the key it was built for: a hash of everything it is made of (for the
migrated database the migration files of every installed app, the data files migrations read, the
settings and the installed packages' versions; for the demo, those and every file of the project's
apps, templates, demo content and translations). A change to any of them gives a new key, so a
file built from older code is never used; the build that replaces it removes it. A file lock makes
one process build while the others wait for it, whether they are workers of one session or of two.

Only SQLite is kept this way: on PostgreSQL pytest-django migrates each worker's database itself.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".test-cache"
# What the demo is made of besides the migrated database: the product's code, templates, content
# and translations, and how the tests build it.
DEMO_SOURCES = ("appointments", "blog", "demo", "locale", "locations", "network", "templates")
DEMO_BUILDER = ROOT / "tests" / "demo_database.py"
COMPLETE = "complete"  # written last in a built folder


def _hash_files(digest: hashlib.blake2b, folder: Path, paths: Iterable[Path]) -> None:
    """Add each file's path (relative to `folder`, so that the checkout may move) and content."""
    for path in sorted(paths):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())


def _hash_tree(digest: hashlib.blake2b, folder: Path) -> None:
    files = (
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    _hash_files(digest, folder, files)


def _environment(digest: hashlib.blake2b) -> None:
    """Python's, SQLite's and every installed package's version."""
    digest.update(f"{sys.version}|{sqlite3.sqlite_version}".encode())
    versions = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("|".join(versions).encode())


def migrated_key() -> str:
    """What the migrated database is made of: every installed app's migration files, the data
    files the project's migrations read (`locations/data`), the settings module and the
    environment."""
    digest = hashlib.blake2b(digest_size=16)
    _environment(digest)
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        folder = Path(app.path) / "migrations"
        if folder.is_dir():
            digest.update(app.label.encode())
            _hash_files(digest, folder, folder.glob("*.py"))
    _hash_tree(digest, ROOT / "locations" / "data")
    settings_file = Path(sys.modules[os.environ["DJANGO_SETTINGS_MODULE"]].__file__)
    _hash_files(digest, settings_file.parent, [settings_file])
    return digest.hexdigest()


def demo_key() -> str:
    """What the demo database is made of: the migrated database and every file of the project's
    apps, templates, demo content and translations, and the builder."""
    digest = hashlib.blake2b(migrated_key().encode(), digest_size=16)
    for name in DEMO_SOURCES:
        _hash_tree(digest, ROOT / name)
    _hash_files(digest, DEMO_BUILDER.parent, [DEMO_BUILDER])
    return digest.hexdigest()


def kept(kind: str, key: str, build: Callable[[Path], None]) -> Path:
    """The folder `.test-cache/<kind>-<key>`, built by `build(folder)` unless a complete one is
    already there; an earlier key's folder of the same kind is removed when a new one is built."""
    CACHE.mkdir(exist_ok=True)
    folder = CACHE / f"{kind}-{key}"
    with FileLock(CACHE / f"{kind}.lock"):
        if not (folder / COMPLETE).exists():
            for stale in CACHE.glob(f"{kind}-*"):
                shutil.rmtree(stale, ignore_errors=True)
            folder.mkdir()
            build(folder)
            (folder / COMPLETE).touch()
    return folder


def manage_on(database: Path, *arguments: str, doing: str, **environ: str) -> str:
    """Run `manage.py <arguments>` in a process of its own on the SQLite file `database`, with this
    process's environment (the tests' settings) and `environ`; what it printed. The file is left
    in SQLite's rollback-journal mode rather than the WAL mode Django's settings put it in: one
    self-contained file to copy, whose backup can be restored into an in-memory database.
    `doing` names the step in the error raised when the command fails."""
    ran = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}", **environ},
        capture_output=True,
        text=True,
    )
    if ran.returncode:
        raise RuntimeError(f"{doing} failed:\n{ran.stderr}")
    with closing(sqlite3.connect(database)) as copy:
        copy.execute("PRAGMA journal_mode=DELETE")
    return ran.stdout


def migrated_database() -> Path:
    """The SQLite file of the test database as migrations leave it, built once per key."""

    def build(folder: Path) -> None:
        manage_on(
            folder / "db.sqlite3", "migrate", "--noinput", doing="Migrating the test database"
        )

    folder = kept("migrated", migrated_key(), build)
    return folder / "db.sqlite3"


def restore(path: Path) -> None:
    """Replace the whole test database (the connection's, in memory) by the SQLite file at
    `path`, which is only read; forget what was cached from the database it replaced."""
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as source:
        source.backup(connection.connection)
    ContentType.objects.clear_cache()  # ids read from the database replaced
    for alias in settings.CACHES:
        caches[alias].clear()
