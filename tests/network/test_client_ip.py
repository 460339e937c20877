"""The client address behind proxies: one function, used as the key of every rate limit."""

import pytest
from django.test import RequestFactory, override_settings

from network.client_ip import client_ip, ratelimit_key

PROXY = "10.0.0.9"  # REMOTE_ADDR: the proxy in front of the site


def request(forwarded: str | None = None, remote: str = PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("hops", "forwarded", "expected"),
    [
        (0, "203.0.113.5", PROXY),  # no proxy configured: the header is the client's to invent
        (1, None, PROXY),
        (1, "", PROXY),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.7, 203.0.113.5", "203.0.113.5"),  # the left one was sent by the client
        (1, "203.0.113.5, 10.0.0.1", "10.0.0.1"),
        (2, "203.0.113.5, 10.0.0.1", "203.0.113.5"),  # load balancer, then nginx
        (2, "spoofed, 203.0.113.5, 10.0.0.1", "203.0.113.5"),
        (2, "10.0.0.1", PROXY),  # shorter than the trusted chain
        (1, "203.0.113.5:443", "203.0.113.5"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "::ffff:203.0.113.5", "203.0.113.5"),
        (1, "garbage", PROXY),
        (1, "203.0.113.5, garbage", PROXY),
        (1, "999.1.1.1", PROXY),
        (1, "unknown", PROXY),
        (1, ",,,", PROXY),
        (1, "\x00", PROXY),
    ],
)
def test_client_ip_takes_the_trusted_hop_from_the_right(hops, forwarded, expected):
    with override_settings(TRUSTED_PROXY_HOPS=hops):
        assert client_ip(request(forwarded)) == expected


def test_client_ip_without_a_usable_remote_addr():
    assert client_ip(request(remote="")) is None
    assert ratelimit_key("group", request(remote="")) == "unknown"


def test_ratelimit_key_counts_an_ipv6_subscriber_as_one_address():
    with override_settings(TRUSTED_PROXY_HOPS=1):
        first = ratelimit_key("group", request("2001:db8:1:2::1"))
        second = ratelimit_key("group", request("2001:db8:1:2:ffff::9"))
        other = ratelimit_key("group", request("2001:db8:1:3::1"))
        ipv4 = ratelimit_key("group", request("203.0.113.5"))

    assert first == second == "2001:db8:1:2::/64"
    assert other != first
    assert ipv4 == "203.0.113.5"
