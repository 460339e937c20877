"""The inbox's edit form: status, a new internal note, and reassignment to another centre."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from appointments.permissions import inbox_centres
from appointments.records import NOTE_MAX_LENGTH, AppointmentRequest


class InboxForm(WagtailAdminModelForm):
    """Nothing here is a model field on purpose: `workflow` applies each change and logs it, so
    the form never saves the request behind the history's back."""

    status = forms.ChoiceField(label=_("Status"), choices=AppointmentRequest.Status.choices)
    note = forms.CharField(
        label=_("Add an internal note"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen only by the staff who can see this request; never sent to the patient."),
    )
    reassign_to = forms.ModelChoiceField(
        label=_("Send to another center"),
        queryset=None,
        required=False,
        empty_label=_("Keep it here"),
    )
    reassign_reason = forms.CharField(
        label=_("Why it goes to another center"), required=False, max_length=200
    )

    class Meta:
        model = AppointmentRequest
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].initial = self.instance.status
        self.fields["reassign_to"].queryset = inbox_centres(self.for_user).exclude(
            pk=self.instance.centre_id
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reassign_to") and not cleaned.get("reassign_reason", "").strip():
            self.add_error("reassign_reason", _("Say why the request goes to another center."))
        return cleaned
