"""Wagtail hooks of the network app: the "Network" menu of snippets, wagtail-localize's publishing
actions held to the network's rules (see `network.translation_guards`), and the mark the page cache
reads."""

from django.db.models import Count, QuerySet
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from network import translation_guards
from network.models import Condition, NavigationMenu, Person, Service
from network.pagecache import mark_page


class TaxonomyViewSet(SnippetViewSet):
    """Conditions and services: searched by name, slug or description (the database's own search,
    so a slug or a word of the description finds the term too); the admin adds a language filter
    and column to every translatable snippet."""

    list_display = ["name", "slug", "description"]
    search_fields = ["name", "slug", "description"]
    search_backend_name = None
    ordering = ["name"]


class ConditionViewSet(TaxonomyViewSet):
    model = Condition
    icon = "tag"
    menu_order = 100


class ServiceViewSet(TaxonomyViewSet):
    model = Service
    icon = "clipboard-list"
    menu_order = 200


class PersonViewSet(SnippetViewSet):
    """People: their credentials and specialties at a glance, filtered by specialty."""

    model = Person
    icon = "group"
    menu_order = 300
    list_display = [
        "name",
        "credentials",
        Column(
            "specialties",
            label=_("Specialties"),
            accessor=lambda person: ", ".join(s.name for s in person.specialties.all()),
        ),
    ]
    list_filter = ["specialties"]
    search_fields = ["name", "credentials", "bio"]
    search_backend_name = None
    ordering = ["name"]

    def get_queryset(self, request) -> QuerySet[Person]:
        # One query for every row's specialties, not one per row.
        return Person.objects.prefetch_related("specialties")


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_order = 400
    list_display = ["name", Column("links", label=_("Links"), accessor="link_count")]
    list_filter = ["name"]
    search_fields = ["name", "items__label"]
    search_backend_name = None

    def get_queryset(self, request) -> QuerySet[NavigationMenu]:
        return NavigationMenu.objects.annotate(link_count=Count("items"))


class NetworkSnippets(SnippetViewSetGroup):
    """The network's shared content in one admin menu, above the images and documents."""

    menu_label = _("Network")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (ConditionViewSet, ServiceViewSet, PersonViewSet, NavigationMenuViewSet)


register_snippet(NetworkSnippets)

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
