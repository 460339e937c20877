"""Translations of articles go through the same medical review as their source.

wagtail-localize's translation editor offers a marketing editor no way to save a translation
except publishing it, which they may not do. `submit_translation` saves the translated text as a
draft of the translated article and submits it to the article's workflow ("Medical review"), so a
medical reviewer approves it before it goes live, like the English text.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import WorkflowState
from wagtail_localize.models import Translation

from blog.models import BlogPage


def synced_translation(page: BlogPage) -> Translation | None:
    """The wagtail-localize translation that writes `page`, if it is a synced translation."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()


def can_submit_translation(page: BlogPage, user) -> bool:
    """Whether `user` may submit this translated article for review (they may edit it)."""
    return synced_translation(page) is not None and page.permissions_for_user(user).can_edit()


@transaction.atomic
def submit_translation(page: BlogPage, user) -> WorkflowState:
    """Save the translation's current text as a draft of `page` and start its workflow afresh
    (a review already under way is cancelled: the reviewer approves the text saved now)."""
    translation = synced_translation(page)
    if translation is None:
        raise ValueError("This article is not a synced translation.")
    translation.save_target(user=user, publish=False)
    page = BlogPage.objects.get(pk=page.pk)
    workflow = page.get_workflow()
    if workflow is None:
        raise ValueError("No workflow reviews articles here.")
    if page.current_workflow_state is not None:
        page.current_workflow_state.cancel(user=user)
    return workflow.start(page, user)
