"""wagtail-localize's admin actions, held to the network's publishing rules.

Four of wagtail-localize's views publish or unsync content on a weaker check than Wagtail's own
editor (upstream they check only the translation permission, or "can edit"):

- "Translate this page" creates a translation of any page for anyone who may submit
  translations (a marketing editor could create a center's Spanish page). Here the user must be
  allowed to edit the page they translate.
- "Sync translated pages" with "Publish immediately" publishes every translation for anyone who
  may submit translations. Here syncing a page needs the right to edit it, and publishing needs
  the right to publish each translated page (an article's Spanish text would otherwise skip the
  medical review); without it the sync is refused.
- "Convert to alias page" replaces a translation with the live source content at once: for
  administrators only.
- "Stop synced translation" lets a translation drift from its source (a center's Spanish page
  would keep an old phone number): for administrators only.

`network.wagtail_hooks` registers these views in front of wagtail-localize's own URLs, with the
same paths, so every link and button wagtail-localize renders reaches them.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)


def _target(translation: Translation):
    try:
        return translation.get_target_instance()
    except translation.source.specific_content_type.model_class().DoesNotExist:
        return None


def can_publish(user, instance) -> bool:
    """Whether `user` may publish `instance` (a page or a snippet) by Wagtail's own rules."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        return user.has_perm(get_permission_name("publish", type(instance)))
    return True  # nothing to publish: saving is the change itself


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", for pages the user may edit."""

    def get_object(self) -> Page:
        page = super().get_object()
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        return page


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", for pages the user may edit, publishing only
    what the user may publish."""

    def get_object(self):
        source = super().get_object()
        instance = source.get_source_instance()
        if (
            isinstance(instance, Page)
            and not instance.permissions_for_user(self.request.user).can_edit()
        ):
            raise PermissionDenied
        return source

    def form_valid(self, form) -> HttpResponse:
        if form.cleaned_data["publish_translations"]:
            for translation in self.object.translations.filter(enabled=True):
                target = _target(translation)
                # A missing translation would be created live: that is an administrator's call.
                if target is None and not self.request.user.is_superuser:
                    raise PermissionDenied
                if target is not None and not can_publish(self.request.user, target):
                    raise PermissionDenied
        return super().form_valid(form)


def convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def stop_translation(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = Translation.objects.filter(pk=translation_id).first()
    unsyncs_page = translation is not None and isinstance(_target(translation), Page)
    if unsyncs_page and not request.user.is_superuser:
        raise PermissionDenied
    return edit_translation.stop_translation(request, translation_id)
