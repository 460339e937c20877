"""Admin panels shared by the apps."""

from __future__ import annotations

from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel


class PermissionFieldPanel(FieldPanel):
    """A field editable by users with `permission` and shown read-only to everyone else.

    Wagtail's `FieldPanel(permission=...)` leaves the field out of the form for users without the
    permission (so what they post cannot change it) but also hides it; people who may not change
    where a center's requests go or who reviewed an article still need to see it.
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is not None and self.bound_field is None:
                # Left out of the form for this user: show the stored value instead.
                self.read_only = True
                db_field = self.panel.db_field
                self.heading = self.panel.heading or capfirst(db_field.verbose_name)
                self.help_text = self.panel.help_text or capfirst(db_field.help_text)

        def is_shown(self) -> bool:
            return self.read_only or super().is_shown()
