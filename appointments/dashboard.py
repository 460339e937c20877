"""The admin home's panel: new requests for the user's centres, oldest first, with their age.

The oldest waits longest, so it comes first; the panel shows a handful and the count of all new
requests, within what `permissions.visible_requests` lets the user see.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wagtail.admin.ui.components import Component

from appointments.permissions import has_inbox, visible_requests
from appointments.records import AppointmentRequest

SHOWN = 10


class NewRequestsPanel(Component):
    name = "appointments_new_requests"
    template_name = "appointments/admin/new_requests_panel.html"
    order = 50

    def __init__(self, user) -> None:
        self.user = user

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        new = visible_requests(self.user).filter(status=AppointmentRequest.Status.NEW)
        return {
            "requests": new.select_related("centre").order_by("created_at", "pk")[:SHOWN],
            "total": new.count(),
        }


def add_panel(request, panels: list) -> None:
    if has_inbox(request.user):
        panels.append(NewRequestsPanel(request.user))
