"""Gunicorn's settings for the site, read by gunicorn from its working directory (the project
root, or `--chdir` to it) unless `-c` names another file.

Only a start-up hook: with more than one worker (`--workers`, `WEB_CONCURRENCY` or
`GUNICORN_CMD_ARGS`, whichever gunicorn settled on) and no REDIS_URL, each worker would keep its
own rate-limit counters and page cache, so gunicorn's log says so once, before the workers start
(`manage.py check --deploy` says it too: network.W001). The settings are read, Django is not set
up: the workers still load the site themselves.
"""

import os

from network.checks import several_workers_warning

# What network.wsgi sets too: the settings are read (lazily) when the hook runs.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings")


def when_ready(server) -> None:
    """Gunicorn's hook, called once in the master process when it listens. Only for this site:
    another application served from here (bench/ceiling.py) configures Django its own way, and
    reading the site's settings in the master would come first."""
    if not str(getattr(server.app, "app_uri", "")).startswith("network."):
        return
    message = several_workers_warning(server.cfg.workers)
    if message:
        server.log.warning(message)
