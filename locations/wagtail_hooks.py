from wagtail import hooks

from locations.views import centre_listing_viewset, centre_manager_viewset


@hooks.register("register_admin_viewset")
def register_centre_managers():
    return centre_manager_viewset


@hooks.register("register_admin_viewset")
def register_centre_listing():
    return centre_listing_viewset
