"""Find the page a URL asks for in two queries, then let Wagtail serve it as usual.

Wagtail walks the tree one level at a time: the site, the locale, the home page's translation,
then for every path segment the child page and its specific row (eight queries for an article).
Here the home page in the visitor's language comes from the chrome cache, and every page on the
way is read in one query by its `url_path`, as its specific class with the specific fields
deferred; only the page served is loaded in full (with what its model lists in
`serve_select_related`). A page whose class routes by itself (RoutablePageMixin: the article
index's topic and feed URLs) gets the rest of the path, as in Wagtail. The page found for a
URL that names a page exactly is kept with the chrome until the content changes (no query at
all the next time; `network.caching.kept`); URLs a routable page answers are not kept, so made-up
paths cannot fill the cache. The answer goes where
Wagtail's own `Page.route_for_request` keeps it (`request._wagtail_route_for_request`), so
Wagtail's serve view, its hooks and view restrictions run unchanged.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve

from network.caching import kept, site_for_request
from network.chrome import localized_root


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, with the route found in two queries."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)


def route(request: HttpRequest, path: str):
    """Wagtail's `RouteResult` (page, args, kwargs) for `path`, or None (a 404)."""
    site = site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    found = kept(
        f"route:{site.pk}:{translation.get_language()}:{'/'.join(components)}",
        lambda: _find(site, components),
        keep=lambda found: found is not None and found[1] == len(components),
    )
    if found is None:
        return None
    served, consumed = found
    try:
        return served.route(request, components[consumed:])
    except Http404:
        return None


def _find(site, components: list[str]):
    """The page to serve and how many path components lead to it (the rest is the page's own
    routing), or None."""
    root = localized_root(site)
    url_paths = [
        root.url_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)
    ]
    by_url_path = {
        page.url_path: page
        for page in Page.objects.filter(
            url_path__in=url_paths,
            path__startswith=root.path,
            depth__lte=root.depth + len(components),
        ).specific(defer=True)
    }
    page = by_url_path.get(root.url_path)
    if page is None:
        return None
    consumed = 0
    while consumed < len(components) and _routes_like_a_page(page, components[consumed:]):
        child = by_url_path.get(url_paths[consumed + 1])
        if child is None:
            return None
        child._cached_parent_obj = page
        page, consumed = child, consumed + 1
    model = type(page)
    served = model._default_manager.select_related(*getattr(model, "serve_select_related", ())).get(
        pk=page.pk
    )
    if hasattr(page, "_cached_parent_obj"):
        served._cached_parent_obj = page._cached_parent_obj
    return served, consumed


def _routes_like_a_page(page: Page, remaining: list[str]) -> bool:
    """Whether Wagtail would route `remaining` to `page`'s child pages: true of plain pages, and
    of a routable page none of whose own URLs matches (RoutablePageMixin tries them first)."""
    if type(page).route is Page.route:
        return True
    if isinstance(page, RoutablePageMixin):
        if not page.live:
            return True
        try:
            page.resolve_subpage("/" + "".join(f"{c}/" for c in remaining))
        except Http404:
            return True
    return False
