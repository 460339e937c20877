"""Admin views of the locations app."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from locations.models import CentreManager


class CentreManagerViewSet(ModelViewSet):
    """Settings > Centre managers: one form names a user and their centres; permissions follow."""

    model = CentreManager
    icon = "group"
    menu_label = _("Center managers")
    add_to_settings_menu = True
    list_display = ["__str__", "centre_names", "can_publish"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    inspect_view_enabled = False


centre_manager_viewset = CentreManagerViewSet("centre_managers")
