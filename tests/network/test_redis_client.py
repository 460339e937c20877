"""The Redis cache backend builds its redis-py client once, not once per operation (redis-py
fills a table of reply handlers for every client it builds: more than a round trip to a local
Redis). Against the machine's Redis, in a database of its own."""

from unittest import mock

import redis

from network.cache_backends import RedisCache


def test_one_client_serves_every_operation():
    cache = RedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "test-redis-client"})
    with mock.patch.object(
        redis.Redis, "__init__", autospec=True, side_effect=redis.Redis.__init__
    ) as built:
        cache.set("visits", 1)
        cache.incr("visits")
        assert cache.get("visits") == 2
        cache.get_many(["visits", "other"])
        cache.delete("visits")
    assert built.call_count == 1
