"""Which ZIP codes a center's address may use.

A center's ZIP code places it on the map when it has no coordinates, so a wrong one sends
patients elsewhere: `7520` or `ABCDE` is not a ZIP code, a Dallas address with New York's 10001
would be placed in New York, and the military ZIP codes (APO/FPO: "states" AA, AE and AP) have no
place at all (the centroid table holds them at 0, 0). Checked by the admin's center form and the
CSV import; the finder refuses military ZIP codes with its own message (`locations.geocoding`).
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from locations.geodata import ZipCentroid

ZIP_FORMAT = re.compile(r"\d{5}(-\d{4})?")
MILITARY_STATES = frozenset({"AA", "AE", "AP"})


def zip_state(zip_code: str) -> str | None:
    """The state (or military "state") of a 5-digit ZIP code in the centroid table, if listed."""
    return ZipCentroid.objects.filter(pk=zip_code[:5]).values_list("state", flat=True).first()


def zip_problem(zip_code: str, state: str) -> str | None:
    """Why `zip_code` cannot be the ZIP code of a center in `state`; None when it can.

    A well-formed ZIP code missing from the table is accepted (new ZIP codes appear): the
    center is then placed by its city.
    """
    if not ZIP_FORMAT.fullmatch(zip_code or ""):
        return _("Enter a ZIP code of 5 digits, or ZIP+4 like 78701-1234.")
    found = zip_state(zip_code)
    if found in MILITARY_STATES:
        return _(
            "%(zip)s is a military (APO/FPO) ZIP code, which has no place on the map. "
            "Enter the ZIP code of the center's street address."
        ) % {"zip": zip_code}
    if found and state and found != state.upper():
        return _("ZIP code %(zip)s is in %(zip_state)s, not %(state)s. Check both.") % {
            "zip": zip_code,
            "zip_state": found,
            "state": state.upper(),
        }
    return None
