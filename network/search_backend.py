"""The site's search backend: Wagtail's database backend, ranked the same way on both databases.

- SQLite: Wagtail ranks by FTS5's bm25 over every column with equal weights, multiplied by a title
  length factor, so a short title that does not match ("About us") could outrank an article whose
  title is the patient's words. Here the title column weighs ten times the body, and nothing else.
- PostgreSQL: text is indexed and queried with the text-search configuration of its language
  (`SEARCH_CONFIGS`, e.g. English stemming for English pages, Spanish for Spanish ones) instead of
  one configuration for every language. Field boosts map to tsvector weights as upstream.

Configured in settings as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "network.search_backend"`.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.models import FloatField, Func
from django.utils import translation
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend

TITLE_WEIGHT = 10.0


def SearchBackend(params: dict[str, Any]):
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    backend = database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    return backend


def _sqlite_backend_class() -> type:
    # Imported only when the site runs on SQLite, as Wagtail's own backend selection does: each
    # database's module is written for that database alone (the PostgreSQL one needs
    # django.contrib.postgres and its driver).
    from wagtail.search.backends.database.sqlite.query import SQLiteFTSIndexEntry
    from wagtail.search.backends.database.sqlite.sqlite import (
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )

    class TitleWeightedBM25(Func):
        """bm25() with column weights; the FTS table's columns are (autocomplete, body, title)."""

        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            table = SQLiteFTSIndexEntry._meta.db_table
            return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []

    class TitleWeightedQueryCompiler(SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            return TitleWeightedBM25()

    class TitleWeightedSQLiteBackend(SQLiteSearchBackend):
        query_compiler_class = TitleWeightedQueryCompiler

    return TitleWeightedSQLiteBackend


def _postgres_backend_class() -> type:
    # Imported only on PostgreSQL, for the same reason as the SQLite classes above.
    from wagtail.search.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class LanguageIndex(PostgresIndex):
        """Indexes each object with its own language's configuration."""

        def add_items(self, model, objs):
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            by_language = defaultdict(list)
            for obj in objs:
                by_language[codes.get(getattr(obj, "locale_id", None))].append(obj)
            for language, group in by_language.items():
                with self.backend.configured_for(language):
                    super().add_items(model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        """Queries with the configuration of the language being served."""

        def get_config(self, backend):
            return backend.config_for(translation.get_language())

    class LanguagePostgresBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex

        def __init__(self, params: dict[str, Any]) -> None:
            super().__init__(params)
            self.configs = params.get("SEARCH_CONFIGS", {})
            self._indexing = threading.Lock()
            self._default_config = self.config

        def config_for(self, language: str | None) -> str | None:
            return self.configs.get((language or "").split("-")[0], self._default_config)

        @contextmanager
        def configured_for(self, language: str | None) -> Iterator[None]:
            """While indexing, the upstream indexer reads `backend.config`: set it to the
            language's configuration for one batch at a time."""
            with self._indexing:
                self.config = self.config_for(language)
                try:
                    yield
                finally:
                    self.config = self._default_config

    return LanguagePostgresBackend
