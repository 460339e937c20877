"""The visitor's address, also behind proxies: the one key of every rate limit and sign-in lockout.

Behind a reverse proxy, `REMOTE_ADDR` is the proxy's address and the visitor's is in
`X-Forwarded-For`, a comma-separated list to which each proxy appends the address it received the
request from. Only the entries appended by the site's own proxies can be trusted: anything to their
left was sent by the client and may be made up. So with `TRUSTED_PROXY_HOPS = N` (the number of
proxies in front of the site, e.g. 1 for nginx alone, 2 for a load balancer in front of nginx) the
visitor is the N-th entry from the right. With 0 (the default, no proxy) the header is ignored.

A header that is missing, shorter than N entries or not an IP address there (`garbage`, a port we
cannot strip) gives `REMOTE_ADDR`: counting a broken request against the proxy's address is safe,
raising an error is not.

Usage: `django_ratelimit.core.is_ratelimited(request, group=..., key=ratelimit_key, rate=...)`
(or `@ratelimit(key="network.client_ip.ratelimit_key", ...)`); counters live in the "ratelimit"
cache (settings.RATELIMIT_USE_CACHE), which page caching never evicts.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

IPV6_PREFIX = 64  # one IPv6 subscriber usually holds a whole /64: count it as one address

__all__ = ["client_ip", "ratelimit_key"]


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address from one header entry: `203.0.113.5`, `203.0.113.5:443`, `[2001:db8::1]:443`,
    `2001:db8::1`; None for anything else. IPv4-mapped IPv6 addresses become IPv4."""
    value = value.strip().strip('"')
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # IPv4 with a port; IPv6 has at least two colons
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _client_address(request: HttpRequest) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    hops = getattr(settings, "TRUSTED_PROXY_HOPS", 0)
    if hops > 0:
        forwarded = [
            entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry
        ]
        if len(forwarded) >= hops:
            address = _parse(forwarded[-hops])
            if address is not None:
                return address
    return _parse(request.META.get("REMOTE_ADDR", ""))


def client_ip(request: HttpRequest) -> str | None:
    """The visitor's IP address as text; None when even `REMOTE_ADDR` is not an address."""
    address = _client_address(request)
    return str(address) if address is not None else None


def ratelimit_key(group: str, request: HttpRequest) -> str:
    """django-ratelimit key: the visitor's address, or its /64 network for IPv6."""
    address = _client_address(request)
    if address is None:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
