"""One content generation for everything the site caches: the per-locale chrome and the page cache.

Every cache key the site builds from content carries the current *generation*, a number kept in
the default cache. Anything that can change what a page shows (a page published, unpublished,
moved, deleted or translated; a menu, the network settings, a snippet, a site, a view
restriction: see `network.signals`) replaces the number, so every older entry stops being read at
once and simply expires. No entry is ever looked up to be deleted, and no list of cached URLs is
kept.

Within one request, or one background task, the generation is read once (`hold_generation`): a
page builds a dozen keys from it, and each read would be a round trip to Redis. A change made by
the request itself replaces the held number too; a change made elsewhere meanwhile is seen from the
next request on.

The chrome (`cached`) is also kept in each process's memory for a few seconds
(`LOCAL_SECONDS`), under the same keys: a page or an appointment request reads eight or so pieces
of it, and each would otherwise be a round trip to Redis. Keys carry the generation, so a change
is still seen by every process on its next request; what is kept is pickled, so each reader gets
an object of its own, as from Redis.

With REDIS_URL the generation is shared by every process. Without it each process has its own
memory cache, so a change made in one process reaches the others when their entries expire: after
`CACHE_SECONDS` at most (see docs/performance.md).
"""

from __future__ import annotations

import pickle
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Locale, Site

T = TypeVar("T")

GENERATION_KEY = "content-generation"
_MISSING = object()


# The generation read by the request or task this thread is running (None: none, or not read).
_held = threading.local()


def hold_generation(holding: bool) -> None:
    """Called as each request or task starts (True) and finishes (False): `network.signals`."""
    _held.holding = holding
    _held.generation = None


def generation() -> int:
    """The current content generation (created on first use)."""
    value = getattr(_held, "generation", None)
    if value is not None:
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY)
    if getattr(_held, "holding", False):
        _held.generation = value
    return value


def new_generation() -> None:
    """Make every entry cached so far stale (content changed)."""
    value = time.time_ns()
    cache.set(GENERATION_KEY, value, timeout=None)
    if getattr(_held, "holding", False):
        _held.generation = value


# Chrome kept in this process: key -> (monotonic expiry, pickled value). Bounded: when full, the
# expired entries go, and if that is not enough, all of them.
LOCAL_SECONDS = 10
LOCAL_ENTRIES = 500
_local: dict[str, tuple[float, bytes]] = {}


def _keep_locally(key: str, value: object, now: float) -> None:
    if len(_local) >= LOCAL_ENTRIES:
        for old in [k for k, (expires, _) in list(_local.items()) if expires <= now]:
            _local.pop(old, None)
        if len(_local) >= LOCAL_ENTRIES:
            _local.clear()
    _local[key] = (now + min(LOCAL_SECONDS, settings.CACHE_SECONDS), pickle.dumps(value))


def forget_local() -> None:
    """Drop what this process keeps in memory (the tests' fresh start; Redis is the truth)."""
    _local.clear()


def cached(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept in the default cache under `name` until the content changes."""
    key = f"chrome:{generation()}:{name}"
    now = time.monotonic()
    local = _local.get(key)
    if local is not None and local[0] > now:
        return pickle.loads(local[1])
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, timeout=settings.CACHE_SECONDS)
    _keep_locally(key, value, now)
    return value


def kept(name: str, compute: Callable[[], T], keep: Callable[[T], bool] = lambda value: True) -> T:
    """`compute()`, kept like `cached` but for FRAGMENT_CACHE_SECONDS (0: never kept, always
    computed) and only when `keep(value)`: the rendered parts of pages and the pages routing
    finds, which the tests turn off so that they measure what a first visit costs."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if not seconds:
        return compute()
    # In the page cache's alias: however many pages are kept, filling it never evicts the chrome
    # or the generation from the default cache.
    store = caches[settings.CACHE_MIDDLEWARE_ALIAS]
    key = f"kept:{generation()}:{name}"
    value = store.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        if keep(value):
            store.set(key, value, timeout=seconds)
    return value


def page_fragment(request: HttpRequest | None, page, name: str, render: Callable[[], str]) -> str:
    """`render()`, a part of a page's HTML, kept until the content changes (`kept`): keyed by
    the page, its live revision, the language, the scheme and host (absolute URLs in it).

    Kept only for the page's own URL (not a routable page's other URLs, nor made-up variants of
    it: one entry per page), and rendered afresh, without being kept, in a preview (a draft shares
    the live page's id), outside a page, and when rendering asked for a CSRF token: a visitor's
    token must never be shared (the same rule as the page cache's, network.pagecache)."""
    if (
        request is None
        or getattr(request, "is_preview", False)
        or not getattr(page, "pk", None)
        or request.path != page.get_url(request)
    ):
        return render()
    asked_for_token = []

    def render_watching_the_token() -> str:
        # Django's get_token() sets this flag: cleared here, so a token asked for inside the
        # fragment is seen even when the page asked for one before; then put back.
        before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        try:
            return render()
        finally:
            asked_for_token.append(request.META["CSRF_COOKIE_NEEDS_UPDATE"])
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = before or asked_for_token[-1]

    return kept(
        f"fragment:{name}:{page.pk}:{page.live_revision_id}:{translation.get_language()}:"
        f"{request.scheme}:{request.get_host()}",
        render_watching_the_token,
        keep=lambda html: not any(asked_for_token),
    )


def site_for_request(request: HttpRequest | None) -> Site | None:
    """Wagtail's `Site.find_for_request`, answered from the cache.

    Wagtail keeps the site it finds on `request._wagtail_site` (its documented per-request
    cache), so setting it here also spares Wagtail's own routing and settings the lookup. The
    sites' root paths, which every page URL built with the request starts from, are put where
    Wagtail keeps them for the request too (`site_root_paths`)."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = cached(
            f"site:{hostname}:{port}", lambda: Site.find_for_request(request)
        )
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = site_root_paths()
    return request._wagtail_site


def site_root_paths() -> list:
    """Wagtail's `Site.get_site_root_paths()` (where each site's pages start, in each language),
    kept with the chrome: Wagtail reads it from the default cache, a round trip to Redis for
    every request that builds a page's URL (`page.get_url(request)` keeps it on the request, as
    `site_for_request` sets it)."""
    return cached("site-root-paths", Site.get_site_root_paths)


def active_locale() -> Locale:
    """`Locale.get_active()` without a query per call."""
    return cached(f"locale:{translation.get_language()}", Locale.get_active)


def default_locale() -> Locale:
    """`Locale.get_default()` without a query per call."""
    return cached(f"locale:{settings.LANGUAGE_CODE}", Locale.get_default)
