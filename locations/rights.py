"""The two rights a center page checks itself, and the permission tester that applies them.

Kept apart from `locations.permissions` (which builds groups from the models) because the page
model needs them: the model imports this module, `permissions` imports the model.
"""

from wagtail.models import PagePermissionTester

MANAGE_CENTRES = "locations.manage_centres"
CHANGE_ROUTING = "locations.change_routing"


class CentrePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, with deleting, unpublishing, moving and copying a center kept
    for users holding `MANAGE_CENTRES` (superusers hold every permission)."""

    def _manages_centres(self) -> bool:
        return self.user.is_active and self.user.has_perm(MANAGE_CENTRES)

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return self._manages_centres() and super().can_delete(ignore_bulk)

    def can_unpublish(self) -> bool:
        return self._manages_centres() and super().can_unpublish()

    def can_move(self) -> bool:
        return self._manages_centres() and super().can_move()

    def can_copy(self) -> bool:
        # A copy is a new center: adding centers is the administrators' too.
        return self._manages_centres() and super().can_copy()
