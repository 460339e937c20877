"""The Redis cache backend builds its redis-py client once, not once per operation (redis-py
fills a table of reply handlers for every client it builds: more than a round trip to a local
Redis). Against the machine's Redis, in a database of its own."""

from unittest import mock

import pytest
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


def test_incr_is_one_round_trip_that_keeps_the_expiry_and_never_creates_a_key():
    """A rate-limit counter is counted with `incr` on every request: Django's client asked EXISTS
    then INCRBY (two round trips, and a key that expired in between came back without expiry)."""
    cache = RedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "test-redis-incr"})
    cache.delete("counter")
    cache.add("counter", 1, 60)
    cache.incr("counter")  # loads the script
    sent = mock.patch.object(
        redis.Redis, "execute_command", autospec=True, side_effect=redis.Redis.execute_command
    )
    with sent as commands:
        assert cache.incr("counter", 5) == 7
    assert [call.args[1] for call in commands.call_args_list] == ["EVALSHA"]
    assert cache.get("counter") == 7
    key = cache.make_and_validate_key("counter")
    client = cache._cache.get_client(key, write=True)
    assert 0 < client.ttl(key) <= 60
    cache.delete("counter")
    with pytest.raises(ValueError):
        cache.incr("counter")
    assert cache.get("counter") is None
