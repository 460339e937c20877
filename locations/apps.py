from django.apps import AppConfig


class LocationsConfig(AppConfig):
    name = "locations"

    def ready(self) -> None:
        # Connect the receivers (managers' groups, translations kept in sync). Imported here, not
        # at the top: apps.py is loaded before any model exists.
        from locations import signals  # noqa: F401
