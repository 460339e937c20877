"""Logging filters."""

import logging

# Set on a request whose refusal (429) the code that refused it logs itself, once per client and
# window (locations.throttle).
THROTTLE_LOGGED = "throttle_logged"


def skip_throttled(record: logging.LogRecord) -> bool:
    """Drop Django's per-response warning for a 429 already logged once per client and window, so
    a flood of refused requests cannot fill a disk."""
    request = getattr(record, "request", None)
    return not (
        getattr(record, "status_code", None) == 429 and getattr(request, THROTTLE_LOGGED, False)
    )
