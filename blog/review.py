"""What the medical review guarantees: an article goes live only through an approval, and the
approval, not the editor, writes who reviewed it and when.

- `ArticlePermissionTester`: Wagtail's page permissions, except that publishing and unpublishing
  an article are kept for users holding `MANAGE_ARTICLES` (administrators). A medical reviewer
  holds "publish" on articles only because Wagtail publishes an approved article with the
  approver's rights: it may publish exactly the revision they have just approved, and nothing
  else (no publish button in the editor, no bulk publish, no unpublishing).
- `record_review`: run by `MedicalReviewTask` as a reviewer approves an article; saves a revision
  naming the reviewer's person (`Person.account`) and today's date, and makes it the approved
  revision.
  Whatever the editor typed in those fields (they are read-only to editors anyway) is replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from wagtail.models import PagePermissionTester, Revision, TaskState, WorkflowState

from network.models import Person

if TYPE_CHECKING:  # the models use this module (the task, the permission tester): hints only
    from blog.models import BlogPage

MANAGE_ARTICLES = "blog.manage_articles"


class ArticlePermissionTester(PagePermissionTester):
    def _manages_articles(self) -> bool:
        return self.user.is_active and self.user.has_perm(MANAGE_ARTICLES)

    def _has_just_approved(self) -> bool:
        """The page's last workflow was approved by this user, on its latest revision."""
        state = WorkflowState.objects.for_instance(self.page).order_by("-created_at").first()
        if state is None or state.status != WorkflowState.STATUS_APPROVED:
            return False
        task_state = state.current_task_state
        return (
            task_state is not None
            and task_state.status == TaskState.STATUS_APPROVED
            and task_state.finished_by_id == self.user.pk
            and task_state.revision_id == self.page.latest_revision_id
        )

    def can_publish(self) -> bool:
        return super().can_publish() and (self._manages_articles() or self._has_just_approved())

    def can_unpublish(self) -> bool:
        return self._manages_articles() and super().can_unpublish()


def record_review(task_state: TaskState, page: BlogPage, user) -> Revision:
    """Save `page`, the article under review (`task_state.revision.as_object()`), with `user`'s
    person as reviewer and today as the review date, as the revision the approval publishes."""
    people = Person.objects.filter(account=user)
    page.reviewer = people.filter(locale_id=page.locale_id).first() or people.first()
    # An approver with no person behind their account leaves no review line rather than a date
    # without a name (set the account on their person in Snippets > People).
    page.last_reviewed = timezone.localdate() if page.reviewer else None
    revision = page.save_revision(user=user, log_action=False, clean=False)
    task_state.revision = revision
    task_state.save(update_fields=["revision"])
    return revision
