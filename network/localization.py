"""Translate pages and snippets in code (demo content, tests) the way wagtail-localize's editor does.

The admin's translation editor works from a `TranslationSource` and its `Translation` record; creating
both here means editors can keep refining these translations in the admin afterwards.
"""

from collections.abc import Mapping

from django.db import models
from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(
    instance: models.Model,
    language_code: str,
    strings: Mapping[str, str],
    *,
    publish: bool = True,
) -> models.Model:
    """Create or update the translation of `instance` into `language_code`.

    `strings` maps source text to its translation; text without an entry keeps the source wording
    (so slugs and names can stay the same). Related translatable objects are used in their target
    language when translated first, and fall back to the source object otherwise.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string")
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
