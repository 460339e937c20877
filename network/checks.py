"""System checks of the network app (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs) -> list[Warning]:
    """Production runs several processes; without Redis each keeps its own caches."""
    if settings.REDIS_URL:
        return []
    return [
        Warning(
            "REDIS_URL is not set: every process keeps its own rate-limit counters and page cache.",
            hint=(
                "Set REDIS_URL when more than one process serves the site (several gunicorn "
                "workers or servers): limits then count per address across processes, and a "
                "change purges every process's cached pages at once (otherwise within "
                "PAGE_CACHE_SECONDS)."
            ),
            id="network.W001",
        )
    ]
