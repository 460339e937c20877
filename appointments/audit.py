"""Who looked at which patients' requests: every inspect view and every export is recorded.

Records are Wagtail log entries on the requests themselves (actions registered in `wagtail_hooks`),
so they show in each request's history and, for the network administrator, in Reports > Site
history filtered by the "Viewed" and "Exported" actions, with user and date filters. An export
writes one entry per exported request (with the export's id in its data), so "which requests" is
exact; they carry no shared log UUID, which would fold them into one line of the site history.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from appointments.records import AppointmentRequest
from appointments.workflow import EXPORTED, VIEWED


def record_view(user, request: AppointmentRequest) -> None:
    log(request, VIEWED, user=user)


def record_export(user, requests: Iterable[AppointmentRequest], export_format: str) -> int:
    """One entry per request, in one query; returns how many were recorded."""
    content_type = ContentType.objects.get_for_model(AppointmentRequest)
    batch, now = uuid.uuid4(), timezone.now()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(request.pk),
            label=str(request),
            action=EXPORTED,
            data={"format": export_format, "export": str(batch)},
            timestamp=now,
            user=user,
        )
        for request in requests
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=500)
    return len(entries)
