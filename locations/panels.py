"""Admin panels of the center editor."""

from __future__ import annotations

from wagtail.admin.panels import Panel


class WeeklyHoursSummaryPanel(Panel):
    """The saved weekly hours as one compact table, Monday first: the rows of the hours editor
    below are one time range each, which makes a week hard to read at a glance."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "locations/admin/weekly_hours_summary.html"

        def is_shown(self) -> bool:
            return self.instance.pk is not None and super().is_shown()

        def get_context_data(self, parent_context: dict | None = None) -> dict:
            context = super().get_context_data(parent_context)
            context["days"] = self.instance.weekly_hours_table()
            return context
