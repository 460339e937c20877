"""The editorial set-up of the articles: who may write, who must approve, and the review workflow.

Marketing editors write and submit; only the medical reviewers' approval publishes. Kept as one
idempotent function so the demo, a data migration or a shell session configure it the same way.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from blog.models import BlogIndexPage, MedicalReviewTask
from network.roles import PEOPLE_COLLECTION, app_collection

EDITORS_GROUP = "Marketing editors"
REVIEWERS_GROUP = "Medical reviewers"
WORKFLOW_NAME = "Medical review"

# Page permissions on every article index (and so on every article under it). Editors have no
# "publish": they submit. Wagtail publishes with the permissions of whoever approves the last task,
# so reviewers hold "publish"; without "change" they open the editor only while a post awaits them.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "view_page"]
REVIEWER_PAGE_PERMISSIONS = ["view_page", "publish_page"]
ARTICLES_COLLECTION = "Articles"
# On the "Articles" and "People" collections only: editors upload, change (which in Wagtail
# includes deleting) and choose the articles' images and documents and the portraits of the people
# they edit; elsewhere (centers' photos) they may only choose an image to show.
EDITOR_COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
EDITOR_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "network.add_person",
    "network.change_person",
    "network.view_person",
    "network.view_condition",
    "network.view_service",
    "wagtail_localize.submit_translation",
]
REVIEWER_MODEL_PERMISSIONS = ["wagtailadmin.access_admin", "network.view_person"]


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def articles_collection() -> Collection:
    """The collection that holds the articles' images (created under the root when missing)."""
    return app_collection(ARTICLES_COLLECTION)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def ensure_editorial_setup() -> tuple[Group, Group, Workflow]:
    """Create or refresh both groups, their permissions and the "Medical review" workflow on
    every article index (all languages). Returns (editors, reviewers, workflow)."""
    editors = Group.objects.get_or_create(name=EDITORS_GROUP)[0]
    reviewers = Group.objects.get_or_create(name=REVIEWERS_GROUP)[0]
    editors.permissions.add(*_permissions(EDITOR_MODEL_PERMISSIONS))
    reviewers.permissions.add(*_permissions(REVIEWER_MODEL_PERMISSIONS))

    root_collection = Collection.get_first_root_node()
    own = [articles_collection(), app_collection(PEOPLE_COLLECTION)]
    choose_image = _permissions(["wagtailimages.choose_image"])[0]
    GroupCollectionPermission.objects.filter(group=editors).exclude(collection__in=own).exclude(
        permission=choose_image
    ).delete()
    GroupCollectionPermission.objects.get_or_create(
        group=editors, collection=root_collection, permission=choose_image
    )
    for collection in own:
        for permission in _permissions(EDITOR_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=collection, permission=permission
            )

    task = MedicalReviewTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = MedicalReviewTask.objects.create(name=WORKFLOW_NAME)
    task.groups.set([reviewers])
    workflow = Workflow.objects.get_or_create(name=WORKFLOW_NAME)[0]
    # An older set-up used a plain group approval, which records no reviewer: replace it.
    older = Task.objects.filter(name=WORKFLOW_NAME).exclude(pk=task.pk)
    WorkflowTask.objects.filter(workflow=workflow, task__in=older).delete()
    older.update(active=False)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for index in BlogIndexPage.objects.all():
        for group, codenames in (
            (editors, EDITOR_PAGE_PERMISSIONS),
            (reviewers, REVIEWER_PAGE_PERMISSIONS),
        ):
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=index, permission=_page_permission(codename)
                )
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return editors, reviewers, workflow
