"""Every search box of the site goes through here: the site search and the article index and topic
pages.

Wagtail's database search backend passes the visitor's words to the database's full-text engine,
which treats some characters as syntax: on SQLite an unbalanced double quote is an FTS5 syntax error
(upstream wagtail#13227), and on both SQLite and PostgreSQL a NUL character fails the query. So a
query reaches the backend as plain words only (`clean_query`), and should the backend still fail,
`search_page` answers "no results" and logs the error's class, never the words (they may be health
details) and never a server error.
"""

from __future__ import annotations

import logging
import re
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError, connections, transaction
from django.db.models import QuerySet

from network.text import normalize_input

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200  # characters kept of what the visitor typed
MAX_TERMS = 20  # words sent to the backend
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchQuery:
    """A visitor's search, cleaned.

    `text` is what they typed (normalized, without control characters, capped): safe to show in the
    search box and the results heading. `terms` is what the backend searches for: words only, in
    lower case, so no quote, operator (`AND`, `NEAR`, `-`, `*`, `^`, `:`) or bracket is ever syntax.
    """

    text: str
    terms: str

    def __bool__(self) -> bool:
        return bool(self.text)


def clean_query(raw: str | None) -> SearchQuery:
    """The one cleaning of a search box's value (`?q=`), for every search entry point."""
    text = normalize_input(raw)[:MAX_QUERY_LENGTH].strip()
    words = _WORD.findall(text.lower())[:MAX_TERMS]
    return SearchQuery(text=text, terms=" ".join(words))


def search_page(
    queryset: QuerySet,
    query: SearchQuery,
    page_number: Any,
    per_page: int,
    **search_options: Any,
) -> PaginatorPage:
    """One page of `queryset.search(...)` for `query`, its results loaded.

    A query without words (only punctuation) finds nothing. Inside a transaction (tests, or
    ATOMIC_REQUESTS) the search runs in a savepoint: on PostgreSQL a failed statement would otherwise
    break the rest of the transaction. Outside one, no transaction is opened for a read.
    """
    paginator_of_nothing = Paginator(queryset.none(), per_page)
    if not query.terms:
        return paginator_of_nothing.get_page(1)
    try:
        in_transaction = connections[queryset.db].in_atomic_block
        with transaction.atomic(using=queryset.db) if in_transaction else nullcontext():
            results = queryset.search(query.terms, **search_options)
            page = Paginator(results, per_page).get_page(page_number)
            page.object_list = list(page.object_list)
    except (DatabaseError, ValueError) as error:
        # The message may quote the query: log the class only.
        logger.warning("Search failed (%s); showing no results.", type(error).__name__)
        return paginator_of_nothing.get_page(1)
    return page
