"""Template helpers of the locations app: the "open now" clock and the static map."""

import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext

from locations import maps
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


@register.inclusion_tag("locations/includes/static_map.html")
def static_map(centres, origin=None, highlight: bool = False) -> dict:
    """A map of `centres` (and the search's `origin`) drawn on the server as SVG over the states'
    outlines (a static file of this site, see `locations.maps`): no tile server, no third-party
    request, readable without JavaScript. The list beside it stays the accessible
    source of the same facts; the map is labeled and each dot has a title."""
    if isinstance(centres, LocationPage):
        centres = [centres]
    # Finder results carry the center as `.location` (with its distance).
    centres = [getattr(item, "location", item) for item in centres]
    tiles = None
    if settings.MAP_TILE_URL:
        # What the interactive map (locations/js/tile-map.js) draws once the patient asks for it.
        places = [
            {"lat": float(c.latitude), "lon": float(c.longitude), "label": c.title, "url": c.url}
            for c in centres
            if c.latitude is not None and c.longitude is not None
        ]
        tiles = {
            "url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "places": json.dumps(places),
            "origin": json.dumps(
                {
                    "lat": float(origin.latitude),
                    "lon": float(origin.longitude),
                    "label": origin.label,
                }
                if origin
                else None
            ),
        }
    points = [
        point
        for centre in centres
        if (point := maps.map_point(centre.latitude, centre.longitude, centre.title))
    ]
    start = maps.map_point(origin.latitude, origin.longitude, origin.label) if origin else None
    return {
        "width": maps.WIDTH,
        "height": maps.HEIGHT,
        "states": static(maps.STATE_MAP),
        "points": points,
        "origin": start,
        "highlight": highlight,
        "count": len(points),
        "tiles": tiles,
    }
