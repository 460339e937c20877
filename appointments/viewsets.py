"""The location managers' inbox: Wagtail's generic model views over `AppointmentRequest`, scoped.

Every view starts from `permissions.visible_requests(user)`: the list, its search, filter choices
and export, and each object view, which answers 404 for a request the user may not see (as for one
that does not exist, so ids say nothing). The model is not in Wagtail's search index (patient data
stays in its own table) and not in the reference index (a centre page's usage must not list
requests); search runs on the database, within the visible requests.
"""

from __future__ import annotations

import re

import django_filters
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import registry as log_registry

from appointments import workflow
from appointments.admin_forms import InboxForm
from appointments.audit import record_export, record_view
from appointments.permissions import has_inbox, inbox_centres, visible_requests
from appointments.records import AppointmentRequest, Notification
from network.models import Condition, Service

NOTIFICATION_STATES = {
    "failed": _("Failed"),
    "pending": _("Pending"),
    "sent": _("Sent"),
    "none": _("None"),
}


def reason_names() -> dict[str, str]:
    """Reason slugs and the names staff read (the default language's taxonomy)."""
    names = {"other": str(_("Other"))}
    for model in (Condition, Service):
        names.update(
            model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
                "slug", "name"
            )
        )
    return names


def with_notification_state(queryset: QuerySet[AppointmentRequest]) -> QuerySet:
    """Annotate `notification_state`: failed if any email to the centre failed, else pending if
    any waits, else sent, else none (never notified: spam, duplicates)."""
    staff = Notification.objects.filter(request=OuterRef("pk"), kind=Notification.Kind.STAFF)
    return queryset.annotate(
        _failed=Exists(staff.filter(state=Notification.State.FAILED)),
        _pending=Exists(staff.filter(state=Notification.State.PENDING)),
        _sent=Exists(staff.filter(state=Notification.State.SENT)),
    )


def notification_state(request: AppointmentRequest) -> str:
    for state in ("failed", "pending", "sent"):
        if getattr(request, f"_{state}", False):
            return state
    return "none"


class AppointmentRequestFilterSet(WagtailFilterSet):
    """Filters by id and code, never by a patient's details (they would land in URLs)."""

    centre = django_filters.ModelChoiceFilter(
        label=_("Center"), queryset=lambda request: inbox_centres(request.user)
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AppointmentRequest.Status.choices
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )
    routed = django_filters.ChoiceFilter(
        label=_("Routed"), choices=AppointmentRequest.Routed.choices
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    reason = django_filters.ChoiceFilter(
        label=_("Reason"), choices=lambda: sorted(reason_names().items(), key=lambda c: c[1])
    )

    class Meta:
        model = AppointmentRequest
        fields = ["centre", "status", "created_at", "routed", "language", "reason"]


class ScopedObjectMixin:
    """Find the object among the requests the user may see: 404 otherwise, before any
    permission check could answer 403 and confirm that the id exists."""

    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return get_object_or_404(visible_requests(self.request.user), pk=self.kwargs["pk"])


class CentreColumn(Column):
    def get_value(self, instance):
        return instance.centre.title if instance.centre_id else _("Central intake")


class ReasonColumn(Column):
    @cached_property
    def names(self) -> dict[str, str]:
        return reason_names()

    def get_value(self, instance):
        return self.names.get(instance.reason, instance.reason)


class IndexView(generic.IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return with_notification_state(visible_requests(self.request.user).select_related("centre"))

    def search_queryset(self, queryset):
        """Every word must match a name, the email, the reference or (as digits) the phone."""
        if not self.is_searching:
            return queryset
        for word in self.search_query.split():
            match = (
                Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
                | Q(email__icontains=word)
                | Q(reference__icontains=word)
            )
            digits = re.sub(r"\D", "", word)
            if len(digits) >= 3:
                match |= Q(phone__contains=digits)
            queryset = queryset.filter(match)
        return queryset

    def as_spreadsheet(self, queryset, spreadsheet_format):
        requests = list(queryset)
        record_export(self.request.user, requests, spreadsheet_format)
        return super().as_spreadsheet(requests, spreadsheet_format)

    def to_row_dict(self, item):
        """Codes rather than labels (chosen/nearest/fallback, en/es), times in ISO 8601 with
        their offset, phones in E.164: a file for other software as much as for people."""
        computed = {
            "received": timezone.localtime(item.created_at).isoformat(timespec="seconds"),
            "centre": item.centre.title if item.centre_id else "",
            "phone": item.phone.as_e164 if item.phone else "",
            "notification_state": notification_state(item),
        }
        return {
            field: computed[field] if field in computed else getattr(item, field)
            for field in self.list_export
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # A patient typed these: never let a spreadsheet read them as a formula.
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and field != "phone":
            value = "'" + value
        return value


class InspectView(ScopedObjectMixin, generic.InspectView):
    template_name = "appointments/admin/inspect.html"

    def get(self, request, *args, **kwargs):
        record_view(request.user, self.object)
        return super().get(request, *args, **kwargs)

    def get_centre_display_value(self):
        return self.object.centre.title if self.object.centre_id else _("Central intake")

    def get_distance_miles_display_value(self):
        return self.object.distance_miles if self.object.distance_miles is not None else "—"

    def get_reason_display_value(self):
        return reason_names().get(self.object.reason, self.object.reason)

    def get_language_display_value(self):
        return dict(settings.LANGUAGES).get(self.object.language, self.object.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notes"] = self.object.notes.select_related("author")
        context["notifications"] = self.object.notifications.all()
        context["log_entries"] = (
            log_registry.get_logs_for_instance(self.object)
            .select_related("user")
            .order_by("-timestamp")
        )
        return context


class EditView(ScopedObjectMixin, generic.EditView):
    """Status, note and reassignment, each applied and logged by `workflow`."""

    def save_instance(self):
        data, user, request = self.form.cleaned_data, self.request.user, self.object
        workflow.change_status(request, data["status"], user)
        if data["note"].strip():
            workflow.add_note(request, data["note"].strip(), user)
        if data["reassign_to"]:
            workflow.reassign(request, data["reassign_to"], data["reassign_reason"].strip(), user)
        return request

    def get_success_url(self):
        """Back to the request, unless it just left the user's centres."""
        if visible_requests(self.request.user).filter(pk=self.object.pk).exists():
            return reverse(self.inspect_url_name, args=[self.object.pk])
        return super().get_success_url()

    def get_success_buttons(self):
        return []


class DeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class HistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class UsageView(ScopedObjectMixin, usage.UsageView):
    pass


class InboxMenuItem(MenuItem):
    """The menu item, shown to users with an inbox, with the number of new requests as a badge."""

    def is_shown(self, request) -> bool:
        return has_inbox(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        new = visible_requests(request.user).filter(status=AppointmentRequest.Status.NEW).count()
        if new:
            component.attrs = {**component.attrs, "data-appointments-new": str(new)}
        return component


class AppointmentRequestURLFinder(ModelAdminURLFinder):
    """Links to a request (from the admin's own reports) go to its inspect view."""

    edit_url_name = "appointments:inspect"


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    icon = "mail"
    menu_label = _("Appointment requests")
    menu_order = 150
    add_to_admin_menu = True
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False

    index_view_class = IndexView
    inspect_view_class = InspectView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    url_finder_class = AppointmentRequestURLFinder

    filterset_class = AppointmentRequestFilterSet
    ordering = "-created_at"
    # Only makes the list searchable: `IndexView.search_queryset` does the searching.
    search_fields = ["first_name", "last_name", "email", "reference"]
    list_per_page = 50

    list_export = [
        "reference",
        "received",
        "centre",
        "routed",
        "distance_miles",
        "language",
        "reason",
        "status",
        "notification_state",
        "first_name",
        "last_name",
        "phone",
        "email",
        "zip_code",
        "contact_time",
    ]
    export_headings = {field: field for field in list_export}
    export_filename = "appointment-requests"

    inspect_view_fields = [
        "reference",
        "created_at",
        "status",
        "centre",
        "routed",
        "distance_miles",
        "language",
        "reason",
        "first_name",
        "last_name",
        "phone",
        "email",
        "zip_code",
        "contact_time",
        "message",
        "consent_text",
        "consent_at",
        "spam_reason",
        "duplicate_of",
    ]

    def get_form_class(self, for_update=False):
        return InboxForm

    @cached_property
    def list_display(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                get_url=lambda request: reverse(self.get_url_name("inspect"), args=[request.pk]),
            ),
            Column("last_name", label=_("Last name")),
            Column("first_name", label=_("First name")),
            DateColumn("created_at", label=_("Received"), sort_key="created_at"),
            CentreColumn("centre", label=_("Center")),
            ReasonColumn("reason", label=_("Reason")),
            Column("get_status_display", label=_("Status"), sort_key="status"),
            Column("get_routed_display", label=_("Routed")),
            Column("language", label=_("Language")),
        ]

    @cached_property
    def menu_item_class(self):
        return InboxMenuItem

    def get_permissions_to_register(self):
        """None: access follows the user's centres (`permissions`), so the group editor must not
        offer model-wide rights that would say otherwise (Wagtail's site history reads them)."""
        return Permission.objects.none()


appointment_request_viewset = AppointmentRequestViewSet("appointments")
