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

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import DatabaseError, connections, transaction
from django.db.models import QuerySet
from wagtail.models import get_page_models

from network.models import HomePage
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


CENTERS_SHOWN = 5  # centers listed beside the results; the finder lists the rest


@dataclass
class SiteSearchResults:
    """The site search's answer: articles and pages (paginated), and centers apart."""

    results: PaginatorPage
    centers: list
    centers_count: int


def _page_types_in_group(group: str) -> list[int]:
    """Content type ids of the page models that ask to be listed in `group` (their `search_group`
    attribute), so the network app groups centers without importing the locations app."""
    models = [model for model in get_page_models() if getattr(model, "search_group", "") == group]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


def _search_with_fallback(
    queryset: QuerySet, query: SearchQuery, page_number: Any, per_page: int
) -> PaginatorPage:
    """Every word first (what a patient means by "back pain"); any word when that finds nothing."""
    page = search_page(queryset, query, page_number, per_page, operator="and")
    if page.paginator.count == 0 and len(query.terms.split()) > 1:
        page = search_page(queryset, query, page_number, per_page, operator="or")
    return page


def site_search(
    pages: QuerySet, query: SearchQuery, page_number: Any, per_page: int = 10
) -> SiteSearchResults:
    """Search `pages` (live, public, one language) for the site search box.

    The home page is left out (it matches every health word and answers none), and centers are
    searched apart, so articles and pages are never pushed down by the many center pages that
    mention a condition in their list of services."""
    center_types = _page_types_in_group("centers")
    content = pages.not_type(HomePage).exclude(content_type__in=center_types).specific()
    centers = pages.filter(content_type__in=center_types).specific()
    results = _search_with_fallback(content, query, page_number, per_page)
    center_page = _search_with_fallback(centers, query, 1, CENTERS_SHOWN)
    return SiteSearchResults(
        results=results,
        centers=list(center_page.object_list),
        centers_count=center_page.paginator.count,
    )
