"""Load (or refresh) the demo network: idempotent, so `make run` can call it on every start.

It resets the `admin` password, the default Site and the network settings, so it refuses to run
unless DEBUG is on (`make run` sets it) or `--force` says the database is a throwaway one.
"""

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from network.deferred_indexing import deferred_index_updates


class Command(BaseCommand):
    help = (
        "Create or update the demo network: settings, pages, taxonomy, centers, articles, accounts."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off (this resets the demo accounts, Site and settings).",
        )

    def handle(self, *args, **options) -> None:
        if not (settings.DEBUG or options["force"]):
            raise CommandError(
                "load_demo resets the admin password, the default Site and the network settings. "
                "It runs only with DEBUG=true, or with --force on a database you can throw away."
            )
        accounts: list[tuple[str, str, str]] = []
        # Pages are saved several times while they load: their search and reference index
        # entries are brought up to date once each, at the end (network.deferred_indexing).
        with deferred_index_updates():
            # Each app that has a `demo` module adds its part, in INSTALLED_APPS order, so
            # locations can rely on the network's taxonomy and blog posts on the centres.
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if Path(app_config.path).parent != settings.BASE_DIR:
                    continue  # only this project's apps, not Wagtail's or Django's
                if find_spec(module_name) is None:
                    continue
                self.stdout.write(f"Loading demo content: {app_config.label}")
                accounts += import_module(module_name).load(stdout=self.stdout) or []
        self.stdout.write(self.style.SUCCESS("Demo content is ready. Sign in at /admin/ with:"))
        for role, username, password in accounts:
            self.stdout.write(f"  {role:<22} username: {username:<12} password: {password}")
