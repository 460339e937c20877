"""Admin views of the locations app: the center managers, and the network administrators' list of
every center with filters."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from locations.models import CentreManager, LocationPage
from locations.permissions import MANAGE_CENTRES
from locations.states import US_STATES


class CentreManagerIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[CentreManager]:
        # Each row names the user and lists their centers: two queries for the page, not two a row.
        return super().get_base_queryset().select_related("user").prefetch_related("centres")


class CentreManagerViewSet(ModelViewSet):
    """Settings > Centre managers: one form names a user and their centres; permissions follow."""

    model = CentreManager
    icon = "group"
    menu_label = _("Center managers")
    add_to_settings_menu = True
    index_view_class = CentreManagerIndexView
    list_display = ["__str__", "centre_names", "can_publish"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    inspect_view_enabled = False


class CentreFilterSet(PageFilterSet):
    """The center list's filters: where a center is, whether it takes requests, who manages it."""

    state = django_filters.ChoiceFilter(label=_("State"), choices=US_STATES)
    accepts_requests = django_filters.BooleanFilter(
        label=_("Accepts appointment requests"),
        widget=forms.RadioSelect(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )
    manager = django_filters.ModelChoiceFilter(
        label=_("Manager"),
        queryset=CentreManager.objects.select_related("user").order_by("user__username"),
        method="filter_manager",
    )

    class Meta:
        model = LocationPage
        fields = []

    def filter_manager(
        self, queryset: QuerySet[LocationPage], name: str, manager: CentreManager | None
    ) -> QuerySet[LocationPage]:
        """The manager's centers in every language (they are named by their default-language
        page, and manage its translations too)."""
        if manager is None:
            return queryset
        keys = manager.centres.values("translation_key")
        return queryset.filter(translation_key__in=keys)


class CentreIndexView(PageIndexView):
    """Every center of the network, for its administrators (`MANAGE_CENTRES`); center managers
    reach their own centers through the page explorer."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(MANAGE_CENTRES):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(MANAGE_CENTRES)


class CentreListingViewSet(PageListingViewSet):
    model = LocationPage
    icon = "home"
    menu_label = _("Centers")
    add_to_admin_menu = True
    menu_order = 150  # after Pages
    index_view_class = CentreIndexView
    filterset_class = CentreFilterSet
    columns = [
        *PageIndexView.base_columns[:2],  # bulk actions, title (with its language)
        Column("city", label=_("City"), sort_key="city"),
        Column("state", label=_("State"), sort_key="state"),
        BooleanColumn("accepts_requests", label=_("Accepts requests"), sort_key="accepts_requests"),
        *PageIndexView.base_columns[3:],  # updated, status
    ]

    @property
    def menu_item_class(self) -> type[MenuItem]:
        return AdministratorsMenuItem


centre_manager_viewset = CentreManagerViewSet("centre_managers")
centre_listing_viewset = CentreListingViewSet("centres")
