"""Template helpers of the locations app: the "open now" clock and JSON-LD output."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from locations.models import LocationPage, format_ranges

register = template.Library()

# The escapes of Django's `json_script`: no "</script>" or "<!--" can end the element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict) -> SafeString:
    """A `<script type="application/ld+json">` element, escaped exactly like `json_script`."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    escaped = text.translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{escaped}</script>')


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
