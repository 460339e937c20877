"""Who may do what to centers: managers' page permissions (derived from their `CentreManager`
record), the rights kept for the network's administrators, intake staff, and the "Center changes"
workflow.

Wagtail grants page rights to groups (GroupPagePermission), inherited by the pages below. Each
manager gets one group of their own, rewritten whenever the record changes or one of their centres
gains a translation: rights on exactly their centres' pages in every language, plus admin access and
the right to choose and upload images. They also join the shared "Location managers" group, which
carries nothing page-specific.

Some changes take a center out of the network or reroute patients, so they are kept for network
administrators (superusers, or a group given `MANAGE_CENTRES`): deleting, unpublishing, moving and
renaming (the slug, which is its address) a center. Where requests go (intake emails, whether it
accepts requests, its coordinates) is changed by administrators and intake staff
(`CHANGE_ROUTING`); managers see those fields read-only. Managers who may not publish submit
their changes to the "Center changes" workflow, which the "Network administrators" group approves.

Those two rights and the page's permission tester are in `locations.rights`, which the page model
imports; this module imports the models.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from locations.models import CentreManager, LocationIndexPage, LocationPage
from locations.rights import CHANGE_ROUTING, MANAGE_CENTRES
from network.roles import app_collection

LOCATION_MANAGERS_GROUP = "Location managers"
GROUP_PREFIX = "Center manager: "
ADMINISTRATORS_GROUP = "Network administrators"
CENTERS_COLLECTION = "Centers"
INTAKE_GROUP = "Network intake"  # the same group the appointments inbox reads
WORKFLOW_NAME = "Center changes"


def page_permissions(can_publish: bool) -> list[Permission]:
    codenames = ["add_page", "change_page"] + (["publish_page"] if can_publish else [])
    page_type = ContentType.objects.get_for_model(Page)
    return list(Permission.objects.filter(content_type=page_type, codename__in=codenames))


@transaction.atomic
def sync_manager(manager: CentreManager) -> Group:
    """Make the manager's group grant exactly what the record says; safe to call any time."""
    group = manager.group
    if group is None:
        name = f"{GROUP_PREFIX}{manager.user.get_username()}"[:150]
        group, _ = Group.objects.get_or_create(name=name)
        type(manager).objects.filter(pk=manager.pk).update(group=group)
        manager.group = group
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    pages = LocationPage.objects.filter(
        translation_key__in=manager.centres.values("translation_key")
    ).only("pk")
    GroupPagePermission.objects.filter(group=group).delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page.pk, permission=permission)
        for page in pages
        for permission in page_permissions(manager.can_publish)
    )
    _allow_images(group)
    manager.user.groups.add(group, Group.objects.get_or_create(name=LOCATION_MANAGERS_GROUP)[0])
    return group


def drop_manager(manager: CentreManager) -> None:
    if manager.group_id:
        Group.objects.filter(pk=manager.group_id).delete()
    # Through the link table: the user row itself may be going away (a deleted user cascades here).
    Group.user_set.through.objects.filter(
        user_id=manager.user_id, group__name=LOCATION_MANAGERS_GROUP
    ).delete()


def _allow_images(group: Group) -> None:
    """Choose any image; upload into the "Centers" collection. No "change" (which also deletes):
    a manager cannot remove a photo another center shows."""
    if Collection.get_first_root_node() is None:
        return
    images = Permission.objects.filter(content_type__app_label="wagtailimages")
    wanted = {
        (Collection.get_first_root_node(), images.get(codename="choose_image")),
        (app_collection(CENTERS_COLLECTION), images.get(codename="add_image")),
    }
    GroupCollectionPermission.objects.filter(group=group).exclude(
        pk__in=[
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )[0].pk
            for collection, permission in wanted
        ]
    ).delete()


def _codename_permissions(*names: str) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def ensure_centre_roles() -> Workflow:
    """Create or refresh the administrators' and intake staff's groups and the "Center changes"
    workflow on every center index (all languages); returns the workflow. Idempotent."""
    admin_access = "wagtailadmin.access_admin"
    administrators = Group.objects.get_or_create(name=ADMINISTRATORS_GROUP)[0]
    administrators.permissions.add(
        *_codename_permissions(admin_access, MANAGE_CENTRES, CHANGE_ROUTING)
    )
    intake = Group.objects.get_or_create(name=INTAKE_GROUP)[0]
    intake.permissions.add(*_codename_permissions(admin_access, CHANGE_ROUTING))

    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.set([administrators])
    workflow = Workflow.objects.get_or_create(name=WORKFLOW_NAME)[0]
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # Approving publishes with the approver's rights: administrators publish every center; intake
    # staff edit centers (their routing fields) and submit like managers.
    publish = page_permissions(can_publish=True)
    for index in LocationIndexPage.objects.all():
        for permission in publish:
            GroupPagePermission.objects.get_or_create(
                group=administrators, page=index, permission=permission
            )
        for permission in page_permissions(can_publish=False):
            GroupPagePermission.objects.get_or_create(
                group=intake, page=index, permission=permission
            )
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow
