"""The page cache: Django's own cache middleware, for public Wagtail pages only.

wagtail-cache (the maintained Wagtail page cache) declares `wagtail<8`, so the site uses what it
is built on: Django's `UpdateCacheMiddleware` and `FetchFromCacheMiddleware`, in the "pages"
cache alias. What this module adds:

- Which responses are public (`cache_policy`): a page Wagtail served (marked by the
  `on_serve_page` hook in network.wagtail_hooks) to a GET or HEAD from a visitor who is not signed
  in, answered 200, without a CSRF token or a cookie of its own (a form's token must never be
  frozen into a shared copy: docs/performance.md), and without a Cache-Control of its own (the
  finder's searches, password-protected pages and the article search say `private, no-store`).
  Those get `Cache-Control: public, max-age=…, s-maxage=…`; other pages `private`.
- Purging: the cache keys carry the content generation (`page_cache_key`), so publishing,
  unpublishing, a related title, a menu, the settings or a translation changes every key at once
  (network.signals).

A cached answer is served before any other middleware runs (the fetch middleware comes right
after the update middleware), with the headers the first answer got (security policies, Vary).
Paths under /api/ are not looked up at all (`FetchFromCacheMiddleware`): they are never kept.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.cache import FetchFromCacheMiddleware as DjangoFetchFromCacheMiddleware
from django.middleware.cache import UpdateCacheMiddleware as DjangoUpdateCacheMiddleware
from django.utils.cache import patch_cache_control

from network.api import is_api_request
from network.caching import generation

PUBLIC_PAGE_ATTRIBUTE = "network_public_page"


def page_cache_key(key: str, key_prefix: str, version: int) -> str:
    """The "pages" cache's KEY_FUNCTION: Django's key with the content generation in it."""
    return f"{key_prefix}:{version}:{generation()}:{key}"


def mark_page(request: HttpRequest) -> None:
    """Record that this response is a Wagtail page (the only responses the cache may keep)."""
    setattr(request, PUBLIC_PAGE_ATTRIBUTE, True)


def cache_policy(request: HttpRequest, response: HttpResponse) -> None:
    """Set Cache-Control on a page's response: public when anyone may be shown this copy."""
    if not getattr(request, PUBLIC_PAGE_ATTRIBUTE, False) or response.has_header("Cache-Control"):
        return
    user = getattr(request, "user", None)
    shareable = (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not (user is not None and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
    )
    if shareable:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.CACHE_MIDDLEWARE_SECONDS,
            s_maxage=settings.CACHE_SECONDS,
        )
    else:
        patch_cache_control(response, private=True)


class UpdateCacheMiddleware(DjangoUpdateCacheMiddleware):
    """Django's, keeping only the responses `cache_policy` made public."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        cache_policy(request, response)
        return super().process_response(request, response)

    def _should_update_cache(self, request: HttpRequest, response: HttpResponse) -> bool:
        return (
            super()._should_update_cache(request, response)
            and getattr(request, PUBLIC_PAGE_ATTRIBUTE, False)
            and "public" in response.get("Cache-Control", "")
        )


class FetchFromCacheMiddleware(DjangoFetchFromCacheMiddleware):
    """Django's, without looking up what the cache never keeps: answers under /api/, which are not
    Wagtail pages. Every patient's browser fetches /api/form-token/ before posting the request
    form, and the lookup was two round trips to Redis (the generation and the page's headers key)
    that always missed."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        if is_api_request(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)
