"""Keep translated centre pages' synchronised data (hours, phone, coordinates...) current.

wagtail-localize copies synchronised fields only when someone runs "Sync translated pages"; until
then a Spanish page would show last month's phone number or holiday hours. Patients rely on these
facts, so publishing a centre in the default language pushes them to its existing translations at
once (translated wording is kept; text not yet translated shows in the source language).
"""

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from network.localization import translate


def sync_translations(page) -> list:
    """Re-publish each existing translation of `page` with its current synchronised data."""
    if page.locale_id != Locale.get_default().pk:
        return []
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return []
    languages = (
        Translation.objects.filter(source=source, enabled=True)
        .values_list("target_locale__language_code", flat=True)
        .distinct()
    )
    return [translate(page, language, {}) for language in languages]
