"""The kept SQLite test databases (tests/database_cache.py): built once per key, never used for
another key."""

from types import SimpleNamespace

import pytest

from tests import database_cache


def test_a_folder_is_built_once_per_key_and_a_new_key_replaces_the_old(tmp_path, monkeypatch):
    monkeypatch.setattr(database_cache, "CACHE", tmp_path)
    builds = []

    def build(folder):
        builds.append(folder.name)
        (folder / "db.sqlite3").write_text(folder.name)

    first = database_cache.kept("migrated", "one", build)
    assert database_cache.kept("migrated", "one", build) == first
    assert builds == ["migrated-one"]

    second = database_cache.kept("migrated", "two", build)
    assert builds == ["migrated-one", "migrated-two"]
    assert (second / "db.sqlite3").read_text() == "migrated-two"
    assert not first.exists()


def test_a_build_that_failed_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setattr(database_cache, "CACHE", tmp_path)

    def fail(folder):
        (folder / "db.sqlite3").write_text("half")
        raise RuntimeError("migrate failed")

    with pytest.raises(RuntimeError):
        database_cache.kept("migrated", "one", fail)
    folder = database_cache.kept("migrated", "one", lambda folder: None)
    assert not (folder / "db.sqlite3").exists()  # what the failed build left was removed


def test_the_key_changes_with_any_migration_and_with_the_demo_sources(tmp_path, monkeypatch):
    migrations = tmp_path / "app" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "0001_initial.py").write_text("operations = []\n")
    app = SimpleNamespace(label="app", path=str(tmp_path / "app"))
    monkeypatch.setattr(database_cache.apps, "get_app_configs", lambda: [app])
    monkeypatch.setattr(database_cache, "ROOT", tmp_path)
    monkeypatch.setattr(database_cache, "DEMO_SOURCES", ("templates",))
    (tmp_path / "locations" / "data").mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.html").write_text("<html>")

    migrated, demo = database_cache.migrated_key(), database_cache.demo_key()
    assert (database_cache.migrated_key(), database_cache.demo_key()) == (migrated, demo)

    (tmp_path / "templates" / "base.html").write_text("<html lang>")
    assert database_cache.migrated_key() == migrated
    assert database_cache.demo_key() != demo

    (migrations / "0002_more.py").write_text("operations = []\n")
    assert database_cache.migrated_key() != migrated
