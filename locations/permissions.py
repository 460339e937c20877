"""Page permissions of centre managers, derived from their `CentreManager` record.

Wagtail grants page rights to groups (GroupPagePermission), inherited by the pages below. Each
manager gets one group of their own, rewritten whenever the record changes or one of their centres
gains a translation: rights on exactly their centres' pages in every language, plus admin access and
the right to choose and upload images. They also join the shared "Location managers" group, which
carries nothing page-specific.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

LOCATION_MANAGERS_GROUP = "Location managers"
GROUP_PREFIX = "Center manager: "


def page_permissions(can_publish: bool) -> list[Permission]:
    codenames = ["add_page", "change_page"] + (["publish_page"] if can_publish else [])
    page_type = ContentType.objects.get_for_model(Page)
    return list(Permission.objects.filter(content_type=page_type, codename__in=codenames))


@transaction.atomic
def sync_manager(manager) -> Group:
    """Make the manager's group grant exactly what the record says; safe to call any time."""
    from locations.models import LocationPage

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


def drop_manager(manager) -> None:
    if manager.group_id:
        Group.objects.filter(pk=manager.group_id).delete()
    # Through the link table: the user row itself may be going away (a deleted user cascades here).
    Group.user_set.through.objects.filter(
        user_id=manager.user_id, group__name=LOCATION_MANAGERS_GROUP
    ).delete()


def _allow_images(group: Group) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=["add_image", "choose_image"]
    ):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
