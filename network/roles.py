"""Who does what on the network, and the groups that say so.

Network administrators are superusers. Every other role is a group created by the app that owns
its rights, which keeps them together with the code that needs them:

- "Location managers", plus one group per manager with rights on exactly their centers
  (`locations.permissions`);
- "Marketing editors" and "Medical reviewers" (`blog.workflow`).

Images live in one collection per app ("Articles", "Centers", "People"), so that image rights follow
the roles: Wagtail's "change image" right also deletes, and a marketing editor with it on the root
collection could delete a center's photo. Each app grants rights on its own collection and only
"choose" elsewhere.

Wagtail's migrations also create "Editors" and "Moderators", with add, change and publish on the
root page (every page, centers included) and every image and document right. The network does
not use them: migration `network.0009` takes their page and collection rights away, and no account
joins them.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import Collection

WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
PEOPLE_COLLECTION = "People"


def app_collection(name: str) -> Collection:
    """The collection `name` under the root collection, created when missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def leave_wagtail_default_groups(user) -> None:
    """Take `user` out of Wagtail's default groups (a demo account may have joined them before)."""
    user.groups.remove(*Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS))
