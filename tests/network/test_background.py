"""Background work and mail: the settings branch that differs between Django 5.2 and 6.x."""

import os
import subprocess
import sys
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "notifications"],
    }
}


def found(client, word: str) -> bool:
    return 'class="search-result"' in client.get("/en/search/", {"q": word}).text


def test_search_index_waits_for_the_worker_with_the_database_backend(client, home, settings):
    """Why `make run` starts `db_worker`: with the database backend Wagtail's index updates
    are queued, and only the worker brings a new page into search results."""
    settings.TASKS = DATABASE_TASKS

    StandardPageFactory(parent=home, slug="lumbar", introduction="lumbosacral")
    assert not found(client, "lumbosacral")

    # The worker recycles database connections between tasks, which would end this test's
    # transaction (and, on Django 6, close its connection): keep the connection.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--queue-name", "*", "--no-startup-delay", verbosity=0)

    assert found(client, "lumbosacral")


def test_mail_settings_suit_the_installed_django():
    """Django 6.1 replaced EMAIL_BACKEND with MAILERS: the settings configure whichever the
    installed Django reads, and loading them raises no deprecation warning about mail."""
    probe = "\n".join(
        [
            "import warnings",
            "import django",
            "from django.conf import settings",
            "with warnings.catch_warnings(record=True) as caught:",
            "    warnings.simplefilter('always')",
            "    django.setup()",
            "mailers = getattr(settings, 'MAILERS', None)",
            "print(mailers['default']['BACKEND'] if mailers else settings.EMAIL_BACKEND)",
            "print([str(w.message) for w in caught if 'MAIL' in str(w.message)])",
        ]
    )
    env = {**os.environ, "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587/?tls=True"}

    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )

    backend, mail_warnings = result.stdout.splitlines()[-2:]
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert mail_warnings == "[]"


def test_mail_is_sent_from_the_network_address():
    mail.send_mail("Your request", "We will call you back.", None, ["patient@example.org"])

    assert [message.to for message in mail.outbox] == [["patient@example.org"]]
    assert mail.outbox[0].from_email == "Spine Network <no-reply@localhost>"
