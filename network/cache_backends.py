"""Django's Redis cache backend, answering like an empty cache while Redis cannot be reached, and
building its Redis client once.

Everything the site keeps in Redis can be recomputed (pages, chrome) or is a protection that may
lapse for a while (rate-limit counters: a search is let through rather than refused). A Redis
restart must therefore cost speed, never a 500: a connection or timeout error reads as a miss, a
write is dropped, `add` fails and `incr` finds no key (django-ratelimit then counts from one).
The error's class is logged at most once a minute per process, never its arguments.

Django's client makes a new `redis.Redis` for every operation, and redis-py fills a table of
reply handlers each time (about 0.3 ms, more than the round trip to a local Redis): a page or an
appointment request makes several. The client here keeps one `redis.Redis` per connection pool;
it is thread-safe (each command takes a connection from the pool). `incr` is one round trip
(a script), not two, and keeps the key's expiry.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
REPORT_EVERY_SECONDS = 60
_last_report = -REPORT_EVERY_SECONDS


@contextmanager
def _unless_unreachable() -> Iterator[None]:
    global _last_report
    try:
        yield
    except (RedisConnectionError, RedisTimeoutError) as error:
        now = time.monotonic()
        if now - _last_report >= REPORT_EVERY_SECONDS:
            _last_report = now
            logger.error(
                "Redis cannot be reached (%s): serving without the cache", type(error).__name__
            )


# `incr` in one round trip: INCRBY only when the key exists (else nil, and `incr` raises like
# Django's). Django's client asks EXISTS, then INCRBY: two round trips (a rate-limit counter is
# counted so on every request), and a counter that expired between the two came back as a new key
# without an expiry, counting for ever.
_INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class _ReusingClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._incr_existing: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        script = self._incr_existing.get(id(client))
        if script is None:
            script = self._incr_existing[id(client)] = client.register_script(_INCR_EXISTING)
        value = script(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _ReusingClient

    def get(self, key, default=None, version=None):
        with _unless_unreachable():
            return super().get(key, default, version)
        return default

    def get_many(self, keys, version=None):
        with _unless_unreachable():
            return super().get_many(keys, version)
        return {}

    def has_key(self, key, version=None):
        with _unless_unreachable():
            return super().has_key(key, version)
        return False

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with _unless_unreachable():
            return super().set(key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        with _unless_unreachable():
            return super().set_many(data, timeout, version)
        return list(data)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with _unless_unreachable():
            return super().add(key, value, timeout, version)
        return False

    def incr(self, key, delta=1, version=None):
        with _unless_unreachable():
            return super().incr(key, delta, version)
        raise ValueError(f"Key '{key}' not found (Redis cannot be reached).")

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with _unless_unreachable():
            return super().touch(key, timeout, version)
        return False

    def delete(self, key, version=None):
        with _unless_unreachable():
            return super().delete(key, version)
        return False

    def delete_many(self, keys, version=None):
        with _unless_unreachable():
            return super().delete_many(keys, version)

    def clear(self):
        with _unless_unreachable():
            return super().clear()
        return False
