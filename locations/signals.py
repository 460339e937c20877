"""Receivers that keep derived state current; connected by `LocationsConfig.ready()`.

- A center manager's record (saved, its centers changed, deleted) rewrites or drops the manager's
  own permission group (`locations.permissions`).
- A center translated after its managers were named gives them the new page too.
- Publishing a center in the default language pushes its synchronized data to its translations
  (`locations.sync`).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from locations.models import CentreManager, LocationPage
from locations.permissions import drop_manager, sync_manager
from locations.sync import sync_translations


@receiver(post_save, sender=CentreManager)
@receiver(m2m_changed, sender=CentreManager.centres.through)
def _sync_manager(sender: type, instance: CentreManager, **kwargs: Any) -> None:
    if kwargs.get("action", "post_").startswith("post_"):
        sync_manager(instance)


@receiver(post_delete, sender=CentreManager)
def _drop_manager(sender: type, instance: CentreManager, **kwargs: Any) -> None:
    drop_manager(instance)


@receiver(post_save, sender=LocationPage)
def _extend_managers_to_translation(
    sender: type, instance: LocationPage, created: bool, **kwargs: Any
) -> None:
    """A centre translated after its managers were named: give them the new page too."""
    if created and not kwargs.get("raw"):
        for manager in CentreManager.objects.filter(
            centres__translation_key=instance.translation_key
        ):
            sync_manager(manager)


@receiver(page_published, sender=LocationPage)
def _sync_translations(sender: type, instance: LocationPage, **kwargs: Any) -> None:
    sync_translations(instance)
