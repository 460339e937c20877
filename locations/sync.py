"""Keep translated centre pages' synchronised data (hours, phone, coordinates...) current.

wagtail-localize copies synchronised fields only when someone runs "Sync translated pages"; until
then a Spanish page would show last month's phone number or holiday hours. Patients rely on these
facts, so publishing a centre in the default language pushes them to its existing translations at
once (translated wording is kept; text not yet translated shows in the source language).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from network.localization import translate

_left_to_caller = ContextVar("translations_left_to_caller", default=False)


@contextmanager
def translations_left_to_caller() -> Iterator[None]:
    """Inside the block, publishing a centre leaves its translations as they are: for code that
    translates each centre it publishes right afterwards (the demo loader), where syncing first
    would re-publish every translation twice with the same end result."""
    token = _left_to_caller.set(True)
    try:
        yield
    finally:
        _left_to_caller.reset(token)


def sync_translations(page) -> list:
    """Re-publish each existing translation of `page` with its current synchronised data."""
    if _left_to_caller.get():
        return []
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
