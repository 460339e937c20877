"""Translate pages and snippets in code the way wagtail-localize's editor does, and show related
translatable objects in the visitor's language.

`translate` runs in production, not only for demo content and tests: `locations.sync` calls it
with no new strings each time a center is published in the default language, which refreshes the
source from the page and re-publishes every existing translation with its synchronized data
(phone, hours, coordinates) while keeping the translated wording.

The admin's translation editor works from a `TranslationSource` and its `Translation` record; creating
both here means editors can keep refining these translations in the admin afterwards.
"""

from collections.abc import Iterable, Mapping
from typing import TypeVar

from django.db import models
from wagtail.models import DraftStateMixin, Locale, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from network.caching import active_locale

T = TypeVar("T", bound=TranslatableMixin)


def localized(
    objects: Iterable[T],
    locale: Locale | None = None,
    *,
    queryset: models.QuerySet | None = None,
    fallback: bool = True,
) -> list[T]:
    """`objects` swapped for their versions in `locale` (default: the active language), in order,
    in one query.

    wagtail-localize copies synchronised links (many-to-many fields, child objects, page choosers)
    as they are, so a Spanish page may point at English services, people or articles (upstream
    #820, #710). Pages therefore store one set of links and swap each object for its translation
    when they display it, matching on `translation_key`.

    - `fallback=True` (people, taxonomy): an object without a version in `locale` stays, in its
      source wording, rather than disappearing; `fallback=False` drops it.
    - `queryset` narrows what counts as a match (e.g. visible pages only, their listing data
      prefetched); every object is then looked up, even one already in `locale`. Without it,
      objects already in `locale` are kept as they are and cost no query.
    """
    objects = list(objects)
    if not objects:
        return []
    locale = locale or active_locale()
    if queryset is None:
        queryset = type(objects[0])._default_manager.all()
        wanted = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
        if not wanted:
            return objects
    else:
        wanted = {obj.translation_key for obj in objects}
    found = {
        obj.translation_key: obj
        for obj in queryset.filter(locale=locale, translation_key__in=wanted)
    }
    swapped = []
    for obj in objects:
        if obj.translation_key not in wanted:
            swapped.append(obj)  # already in `locale`
        elif obj.translation_key in found:
            swapped.append(found[obj.translation_key])
        elif fallback:
            swapped.append(obj)
    return swapped


def translate(
    instance: models.Model,
    language_code: str,
    strings: Mapping[str, str],
    *,
    publish: bool = True,
) -> models.Model:
    """Create or update the translation of `instance` into `language_code`, and publish it (unless
    `publish=False`).

    `strings` maps source text to its translation; text without an entry keeps its earlier
    translation, or else the source wording (so slugs and names can stay the same); `{}` therefore
    re-syncs an existing translation with the source's current values (`locations.sync`). Related translatable objects are used in their target
    language when translated first, and fall back to the source object otherwise.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = strings.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    drafts = isinstance(instance, DraftStateMixin)
    # wagtail-localize publishes drafts in `transaction.on_commit`, which never fires inside a test's
    # transaction and runs late inside any outer one; save a draft and publish it here instead.
    translated, _ = source.create_or_update_translation(
        locale, publish=publish and not drafts, copy_parent_pages=True, fallback=True
    )
    if publish and drafts:
        translated.get_latest_revision().publish()
        translated.refresh_from_db()
    return translated
