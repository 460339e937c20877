"""Template helpers of the locations app: the "open now" clock."""

from django import template
from django.utils.translation import gettext

from locations.models import LocationPage, format_ranges

register = template.Library()


@register.inclusion_tag("locations/includes/hours_now.html")
def hours_now(centre: LocationPage) -> dict:
    """Today's hours and "open now", rendered for visitors without JavaScript and cached pages;
    `locations/js/hours.js` recomputes both in the browser from the schedule data it carries."""
    status = centre.hours_status()
    data = centre.hours_data()
    data["labels"] = {
        "open": gettext("Open now"),
        "closed": gettext("Closed now"),
    }
    return {
        "centre": centre,
        "status": status,
        "today_text": format_ranges(
            status.today, bool(status.exception and status.exception.closed)
        ),
        "data": data,
        "data_id": f"hours-data-{centre.pk}",
    }
