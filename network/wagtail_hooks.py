"""Wagtail hooks of the network app: wagtail-localize's publishing actions held to the network's
rules (see `network.translation_guards`), and the mark the page cache reads."""

from django.urls import include, path
from wagtail import hooks

from network import translation_guards
from network.pagecache import mark_page

CONVERT_TO_ALIAS_ACTION = "localize-convert-to-alias"


# Registered before wagtail-localize's hook (order -1), so these paths answer first.
@hooks.register("register_admin_urls", order=-1)
def guarded_translation_urls() -> list:
    urls = [
        path(
            "submit/page/<int:page_id>/",
            translation_guards.SubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            translation_guards.UpdateTranslationsView.as_view(),
            name="update_translations",
        ),
        path(
            "page/<int:page_id>/convert_to_alias/",
            translation_guards.convert_to_alias,
            name="convert_to_alias",
        ),
        path(
            "translate/<int:translation_id>/disable/",
            translation_guards.stop_translation,
            name="stop_translation",
        ),
    ]
    return [path("localize/", include((urls, "network_localize"), namespace="network_localize"))]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items: list, request, context) -> None:
    """Only administrators may turn a translation back into an alias of its source."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS_ACTION]


@hooks.register("on_serve_page")
def pages_may_be_cached(serve_page):
    """Mark every page Wagtail serves, the only responses the page cache may keep
    (network.pagecache decides whether this one is public)."""

    def serve(page, request, args, kwargs):
        mark_page(request)
        return serve_page(page, request, args, kwargs)

    return serve
