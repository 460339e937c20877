"""One budget of centre searches per visitor, shared by the finder page and the JSON endpoint.

Both may geocode what a patient typed, and a configured online geocoder's quota belongs to the
whole network, so they count together: `LOCATIONS_SEARCH_RATELIMIT` searches (a django-ratelimit
rate, default 60 a minute) per client address (`network.client_ip`), in the rate-limit cache.
"""

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import get_usage

from network.client_ip import ratelimit_key

GROUP = "locations-search"


def search_rate(group: str, request: HttpRequest) -> str:
    return settings.LOCATIONS_SEARCH_RATELIMIT


def throttled_for(request: HttpRequest) -> int | None:
    """Count one search for this visitor. None while they are within the limit; over it, the
    seconds until they may search again (for a `Retry-After` header)."""
    usage = get_usage(request, group=GROUP, key=ratelimit_key, rate=search_rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)
