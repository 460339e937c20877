"""System checks of the network app (`manage.py check --deploy`), and the start-up warning that
gunicorn prints when several workers serve the site without a shared cache (gunicorn.conf.py)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

UNSHARED = "REDIS_URL is not set: every process keeps its own rate-limit counters and page cache."
UNSHARED_HINT = (
    "Set REDIS_URL when more than one process serves the site (several gunicorn workers or "
    "servers): limits then count per address across processes, and a change purges every "
    "process's cached pages at once (otherwise within PAGE_CACHE_SECONDS)."
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs) -> list[Warning]:
    """Production runs several processes; without Redis each keeps its own caches."""
    if settings.REDIS_URL:
        return []
    return [Warning(UNSHARED, hint=UNSHARED_HINT, id="network.W001")]


def several_workers_warning(workers: int) -> str | None:
    """What to warn about when `workers` processes start serving the site: nothing with one
    process or with REDIS_URL; otherwise that the search limit counts in each process apart (a
    client gets `workers` times the limit) and that pages cached in one process outlive a change
    made in another."""
    if workers <= 1 or settings.REDIS_URL:
        return None
    return (
        f"network.W001 at start-up: {workers} workers without REDIS_URL. {UNSHARED} A client may "
        f"make up to {workers} times LOCATIONS_SEARCH_RATELIMIT searches, and a change reaches "
        f"the other workers' cached pages within PAGE_CACHE_SECONDS. {UNSHARED_HINT}"
    )
