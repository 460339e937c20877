"""One budget of centre searches per visitor, shared by the finder page and the JSON endpoint.

Both may geocode what a patient typed, and a configured online geocoder's quota belongs to the
whole network, so they count together: `LOCATIONS_SEARCH_RATELIMIT` searches (a django-ratelimit
rate, default 60 a minute) per client address (`network.client_ip`), in the rate-limit cache.

A refused search is logged once per address and window, not once per request (a client hammering
the endpoint wrote 111,000 lines in 45 seconds), under a keyed digest of the address rather than
the address itself; Django's own "Too Many Requests" line for these responses is filtered out
(`network.logs.skip_throttled`).
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from network.client_ip import ratelimit_key
from network.logs import THROTTLE_LOGGED

GROUP = "locations-search"
logger = logging.getLogger(__name__)


def search_rate(group: str, request: HttpRequest) -> str:
    return settings.LOCATIONS_SEARCH_RATELIMIT


def throttled_for(request: HttpRequest) -> int | None:
    """Count one search for this visitor. None while they are within the limit; over it, the
    seconds until they may search again (for a `Retry-After` header)."""
    usage = get_usage(request, group=GROUP, key=ratelimit_key, rate=search_rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    retry_after = max(usage["time_left"], 1)
    _log_once_per_window(request, retry_after)
    setattr(request, THROTTLE_LOGGED, True)
    return retry_after


def _log_once_per_window(request: HttpRequest, retry_after: int) -> None:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), ratelimit_key(GROUP, request).encode(), hashlib.sha256
    ).hexdigest()[:12]
    # `add` succeeds once until the window ends, in every process sharing the cache.
    if caches[settings.RATELIMIT_USE_CACHE].add(f"{GROUP}-logged-{digest}", 1, retry_after):
        logger.warning(
            "Centre searches refused for client %s for %d s (limit %s)",
            digest,
            retry_after,
            settings.LOCATIONS_SEARCH_RATELIMIT,
        )
