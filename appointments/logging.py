"""Keep patient data out of logs and error reports.

`PatientDataFilter` (installed on the console handler in `LOGGING`) rewrites each record's message
before it is written: email addresses, US phone numbers and the values of patient form fields and
admin searches in query strings become placeholders. `PatientSafeExceptionReporterFilter` (the
`DEFAULT_EXCEPTION_REPORTER_FILTER`) keeps the same fields out of error reports' POST data and
headers and hides every local variable of this app's frames, where a form or a request's details
would be; `PatientSafeExceptionReporter` (`DEFAULT_EXCEPTION_REPORTER`) does the same for the
request's URL and GET parameters, which Django's reporter shows unfiltered.
"""

from __future__ import annotations

import logging
import re

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

# The appointment form's fields, the inbox's note and search, and a position a finder may send.
PATIENT_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "email",
    "message",
    "zip_code",
    "note",
    "q",
    "lat",
    "lon",
    "latitude",
    "longitude",
)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\w])")
_FIELD_NAMES = "|".join(re.escape(name) for name in PATIENT_FIELDS)
QUERY_VALUE = re.compile(rf"(?P<key>(?:^|(?<=[?&;]))(?:{_FIELD_NAMES})=)[^&;\s\"'#]*")


def redact(text: str) -> str:
    text = QUERY_VALUE.sub(r"\g<key>[redacted]", text)
    text = EMAIL.sub("[email]", text)
    return PHONE.sub("[phone]", text)


class PatientDataFilter(logging.Filter):
    """Rewrites, never drops: the event is still logged, without the patient."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class PatientSafeExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        parameters = super().get_post_parameters(request)
        if request is None:
            return parameters
        parameters = parameters.copy()
        for name in PATIENT_FIELDS:
            if name in parameters:
                parameters[name] = self.cleansed_substitute
        return parameters

    def get_safe_request_meta(self, request):
        meta = super().get_safe_request_meta(request)
        for key in ("QUERY_STRING", "HTTP_REFERER"):
            if isinstance(meta.get(key), str):
                meta[key] = redact(meta[key])
        return meta

    def get_traceback_frame_variables(self, request, tb_frame):
        if tb_frame.f_globals.get("__name__", "").startswith("appointments."):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)


class PatientSafeExceptionReporter(ExceptionReporter):
    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            hidden = self.filter.cleansed_substitute
            data["request_GET_items"] = [
                (name, hidden if name in PATIENT_FIELDS else value)
                for name, value in self.request.GET.items()
            ]
            data["request_insecure_uri"] = redact(data.get("request_insecure_uri", ""))
        return data
