"""Which pages a visitor may see, without the cost of Wagtail's `.public()`."""

from collections.abc import Sequence

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction

from network.caching import cached


def restricted_paths() -> list[str]:
    """Tree paths of the pages that carry a view restriction (their subtrees are private):
    almost always none. Kept until the content changes (network.caching)."""
    return cached(
        "restricted-paths",
        lambda: list(
            Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id")).values_list(
                "path", flat=True
            )
        ),
    )


def exclude_private(pages: QuerySet) -> QuerySet:
    """`pages` without those at or below a page with a view restriction (Wagtail's `.public()`).

    Wagtail loads every restriction joined to its page, which SQLite plans as a scan of all pages
    (~5 ms at 10,000 centres). The restricted paths are kept in the chrome cache instead (almost
    always none, so this adds no condition at all). The centre search and every article listing
    use this.
    """
    return exclude_paths(pages, restricted_paths())


def exclude_paths(pages: QuerySet, paths: Sequence[str]) -> QuerySet:
    """`pages` without those at or below the pages at `paths` (`restricted_paths()`, say); the
    same SQL for any paths of the same number, whose values `excluded_path_values` gives."""
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


def excluded_path_values(connection: BaseDatabaseWrapper, paths: Sequence[str]) -> list[str]:
    """The parameters of `exclude_paths`'s condition, as the ORM passes them (LIKE patterns)."""
    return [connection.ops.prep_for_like_query(path) + "%" for path in paths]


class CachedRestrictionsMixin:
    """For page models: Wagtail's `get_view_restrictions()` (run before serving every page)
    without its two queries when no restricted page contains this one, the usual case. Aliases
    take their source's restrictions, which Wagtail's own method resolves."""

    def get_view_restrictions(self) -> QuerySet:
        if self.alias_of_id is None and not any(
            self.path.startswith(path) for path in restricted_paths()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
