"""With REDIS_URL set and Redis down, pages and the rate-limited search still answer (no 500),
and the outage is logged once a minute, not once a request."""

import runpy
import socket
from pathlib import Path

import pytest

from network import cache_backends
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = pytest.mark.django_db

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "network" / "settings.py"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.fixture
def redis_down(settings, monkeypatch):
    """The caches the settings build for a REDIS_URL nobody answers at."""
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port()}/0")
    settings.CACHES = runpy.run_path(str(SETTINGS_FILE))["CACHES"]


def test_settings_use_the_forgiving_backend_for_every_alias(redis_down, settings):
    assert {alias: cache["BACKEND"] for alias, cache in settings.CACHES.items()} == {
        "default": "network.cache_backends.RedisCache",
        "ratelimit": "network.cache_backends.RedisCache",
        "pages": "network.cache_backends.RedisCache",
    }


def test_pages_and_searches_answer_while_redis_is_down(
    redis_down, client, home, caplog, monkeypatch
):
    finder = LocationIndexPageFactory(parent=home)
    LocationPageFactory(parent=finder, title="Austin Downtown")
    # Saving those pages met the outage already: the next report would wait a minute.
    monkeypatch.setattr(cache_backends, "_last_report", -cache_backends.REPORT_EVERY_SECONDS)

    answers = [client.get("/en/").status_code for _ in range(3)]
    answers += [client.get("/en/locations/austin-downtown/").status_code for _ in range(3)]
    answers += [client.get("/api/locations/nearest/", {"q": "78701"}).status_code for _ in range(3)]

    assert answers == [200] * 9
    outage = [r for r in caplog.records if r.name == "network.cache_backends"]
    assert len(outage) == 1
    assert outage[0].getMessage() == (
        "Redis cannot be reached (ConnectionError): serving without the cache"
    )
