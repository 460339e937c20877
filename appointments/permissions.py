"""Who may see which appointment requests: the one answer every path of the inbox asks.

A request is health data and reaches only the people of the centre it was routed to. Centre managers
see the requests of the centres named in their `CentreManager` record; the network's intake staff
(the "Network intake" group) and superusers see all, including those routed to central intake (no
centre). Everyone else sees none. The inbox views, filters, badge, dashboard panel, export, history
and the Wagtail permission policy all start from `visible_requests`, so no path can disagree.

Nothing is cached beyond the user object of one HTTP request: changing a user's centres or groups
takes effect on their next request.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from appointments.records import AppointmentRequest
from appointments.routing import routing_queryset
from locations.models import CentreManager, LocationPage
from locations.permissions import INTAKE_GROUP

__all__ = [
    "INTAKE_GROUP",
    "AppointmentPermissionPolicy",
    "has_inbox",
    "inbox_centres",
    "intake_group",
    "sees_all",
    "visible_requests",
]

# Actions of Wagtail's generic views: who may do what, within the requests they can see.
_ANYONE_WITH_AN_INBOX = {"view", "change"}
_NETWORK_WIDE = {"delete"}

_CACHE = "_appointments_scope"


def intake_group() -> Group:
    return Group.objects.get_or_create(name=INTAKE_GROUP)[0]


def _scope(user) -> tuple[bool, list[int]]:
    """(sees every request, ids of the centres the user manages), once per user object."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return False, []
    cached = getattr(user, _CACHE, None)
    if cached is None:
        if user.is_superuser or user.groups.filter(name=INTAKE_GROUP).exists():
            cached = (True, [])
        else:
            centres = CentreManager.objects.filter(user=user, centres__isnull=False)
            cached = (False, list(centres.values_list("centres", flat=True)))
        setattr(user, _CACHE, cached)
    return cached


def sees_all(user) -> bool:
    """Superusers and the network's intake staff: every request, every centre."""
    return _scope(user)[0]


def has_inbox(user) -> bool:
    """Whether the user has an inbox at all (menu item, dashboard panel, badge)."""
    everything, centres = _scope(user)
    return everything or bool(centres)


def visible_requests(user) -> QuerySet[AppointmentRequest]:
    """The requests `user` may see, search, count, export, inspect and edit."""
    everything, centres = _scope(user)
    if everything:
        return AppointmentRequest.objects.all()
    return AppointmentRequest.objects.filter(centre_id__in=centres)


def inbox_centres(user) -> QuerySet[LocationPage]:
    """The centres `user` may filter by and reassign to: their own, or every default-language
    centre for network-wide staff. Names of other centres never reach a manager."""
    everything, centres = _scope(user)
    if everything:
        # Also centres no longer live that still hold requests.
        return LocationPage.objects.filter(
            Q(pk__in=routing_queryset().values("pk"))
            | Q(pk__in=AppointmentRequest.objects.values("centre_id"))
        ).order_by("title")
    return LocationPage.objects.filter(pk__in=centres).order_by("title")


class AppointmentPermissionPolicy(BasePermissionPolicy):
    """Wagtail's permission policy for `AppointmentRequest`, answering from `visible_requests`
    rather than Django's model permissions: model permissions are all-or-nothing, and a request
    belongs to a centre. Nobody adds requests in the admin (patients do, through the form)."""

    def user_has_permission(self, user, action: str) -> bool:
        if action in _NETWORK_WIDE:
            return sees_all(user)
        return action in _ANYONE_WITH_AN_INBOX and has_inbox(user)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_permission_for(self, user, action: str):
        if not self.user_has_permission(user, action):
            return AppointmentRequest.objects.none()
        return visible_requests(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return AppointmentRequest.objects.none()
        return visible_requests(user)

    def user_has_permission_for_instance(self, user, action: str, instance) -> bool:
        return (
            self.user_has_permission(user, action)
            and visible_requests(user).filter(pk=instance.pk).exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        network = Q(is_superuser=True) | Q(groups__name=INTAKE_GROUP)
        if set(actions) & _ANYONE_WITH_AN_INBOX:
            network |= Q(centre_manager__centres__isnull=False)
        elif not set(actions) & _NETWORK_WIDE:
            return users.none()
        return users.filter(network).distinct()

    def users_with_permission(self, action: str):
        return self.users_with_any_permission([action])
