from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from network.compat import use_django_tasks_for_the_backport

# Before Wagtail's apps import their task modules (see network.compat).
use_django_tasks_for_the_backport()


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        # Connect the cache invalidation receivers and register the deploy checks.
        from network import checks, signals  # noqa: F401
