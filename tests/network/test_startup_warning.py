"""Several gunicorn workers without REDIS_URL: gunicorn's log warns once at start-up
(gunicorn.conf.py, network.checks), whatever set the number of workers."""

import re
import select
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from network.checks import several_workers_warning
from tests.network.test_production import production_env

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
WARNING = "network.W001 at start-up"


def test_the_warning_names_the_workers_and_what_is_not_shared(settings):
    settings.REDIS_URL = ""

    message = several_workers_warning(4)

    assert message.startswith(f"{WARNING}: 4 workers without REDIS_URL.")
    assert "4 times LOCATIONS_SEARCH_RATELIMIT" in message
    assert several_workers_warning(1) is None


def test_no_warning_with_redis(settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/1"
    assert several_workers_warning(4) is None


def gunicorn_log_until_workers_boot(
    arguments: list[str], env: dict[str, str], app: str = "network.wsgi:application"
) -> str:
    """What gunicorn, started from the project root as the docs say, logs until its first worker
    boots (the start-up hook runs before that); then it is stopped."""
    server = subprocess.Popen(
        # Stopped as soon as a worker boots: a worker still loading Django handles the stop only
        # once it has, and gunicorn's default 30 s of grace made the wait below run out on a
        # busy machine.
        [
            GUNICORN,
            app,
            *("--bind", "127.0.0.1:0", "--log-level", "info", "--graceful-timeout", "5"),
            *arguments,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    log = []
    deadline = time.monotonic() + 120  # a bound on a hang, not a timing assertion
    try:
        while "Booting worker" not in "".join(log):
            ready, _, _ = select.select([server.stderr], [], [], 1)
            if ready:
                line = server.stderr.readline()
                if not line:  # gunicorn exited
                    break
                log.append(line)
            if time.monotonic() > deadline:
                break
        if app != "network.wsgi:application":
            # Another application: it must answer (its worker loads Django its own way).
            port = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", "".join(log)).group(1)
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                        log.append(f"answered {answer.status}\n")
                        break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        break
                    time.sleep(0.1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()
    output = "".join(log)
    assert "Booting worker" in output, output
    return output


@pytest.mark.parametrize(
    ("arguments", "extra", "workers"),
    [
        (["--workers", "2"], {}, 2),  # the documented command's option
        ([], {"WEB_CONCURRENCY": "3"}, 3),  # gunicorn's default number of workers
        ([], {"GUNICORN_CMD_ARGS": "--workers 2"}, 2),
    ],
)
def test_gunicorn_warns_when_several_workers_run_without_redis(tmp_path, arguments, extra, workers):
    env = {**production_env(tmp_path), "REDIS_URL": "", **extra}

    log = gunicorn_log_until_workers_boot(arguments, env)

    assert log.count(WARNING) == 1
    assert f"{WARNING}: {workers} workers without REDIS_URL" in log


@pytest.mark.parametrize(
    ("arguments", "redis_url"),
    [(["--workers", "1"], ""), (["--workers", "2"], "redis://127.0.0.1:6379/1")],
)
def test_gunicorn_is_quiet_with_one_worker_or_with_redis(tmp_path, arguments, redis_url):
    env = {**production_env(tmp_path), "REDIS_URL": redis_url}
    assert WARNING not in gunicorn_log_until_workers_boot(arguments, env)


def test_another_application_served_from_the_project_root_still_boots(tmp_path):
    """bench/ceiling.py configures Django itself: the hook must not read the site's settings."""
    env = {**production_env(tmp_path), "REDIS_URL": ""}

    log = gunicorn_log_until_workers_boot(
        ["--workers", "2", "--chdir", "bench"], env, app="ceiling:application"
    )

    assert "answered 200" in log
    assert WARNING not in log
