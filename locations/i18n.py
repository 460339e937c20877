"""Show related translatable objects in the visitor's language.

wagtail-localize copies synchronised many-to-many and child-object links as they are, so a Spanish
centre page points at the English Service and Provider rows (upstream #820). Pages therefore store
one set of links and swap each object for its translation when they display it: one query per list.
"""

from collections.abc import Iterable
from typing import TypeVar

from wagtail.models import Locale, TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)


def localized(objects: Iterable[T], locale: Locale | None = None) -> list[T]:
    """`objects` in `locale` (default: the active language), keeping order; untranslated ones stay."""
    objects = list(objects)
    if not objects:
        return []
    locale = locale or Locale.get_active()
    missing = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not missing:
        return objects
    model = type(objects[0])
    found = {
        obj.translation_key: obj
        for obj in model._default_manager.filter(locale=locale, translation_key__in=missing)
    }
    return [
        obj if obj.locale_id == locale.pk else found.get(obj.translation_key, obj)
        for obj in objects
    ]
