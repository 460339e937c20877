"""What each demo account may do in the admin, as the README's role table says. Over the demo's
real accounts and content, signed in with their real passwords."""

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale

from locations.models import LocationIndexPage, LocationPage
from locations.permissions import CENTERS_COLLECTION
from network.roles import WAGTAIL_DEFAULT_GROUPS, app_collection
from tests.demo.accounts import PASSWORDS, refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(demo):
    return LocationPage.objects.get(slug="austin-downtown", locale__language_code="en")


def test_accounts_hold_only_the_networks_groups(demo):
    users = get_user_model().objects.filter(username__in=PASSWORDS)

    assert users.count() == len(PASSWORDS)
    assert not users.filter(groups__name__in=WAGTAIL_DEFAULT_GROUPS).exists()


def test_managers_upload_into_centers_and_editors_into_articles_and_people(demo):
    from blog.workflow import ARTICLES_COLLECTION, EDITORS_GROUP
    from network.roles import PEOPLE_COLLECTION

    def rights(group):
        return {
            (right.collection.name, right.permission.codename)
            for right in GroupCollectionPermission.objects.filter(group=group)
        }

    manager_group = (
        get_user_model()
        .objects.get(username="manager")
        .groups.get(name__startswith="Center manager: ")
    )
    editors = Group.objects.get(name=EDITORS_GROUP)

    assert rights(manager_group) == {("Root", "choose_image"), (CENTERS_COLLECTION, "add_image")}
    assert {name for name, codename in rights(editors) if codename == "change_image"} == {
        ARTICLES_COLLECTION,
        PEOPLE_COLLECTION,
    }


def test_wagtails_default_groups_hold_no_page_or_collection_rights(demo):
    groups = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)

    assert groups.count() == 2  # kept, emptied by migration network.0009
    assert not GroupPagePermission.objects.filter(group__in=groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=groups).exists()


def test_the_marketing_editor_cannot_touch_centers(sign_in, centre):
    editor = sign_in("editor")
    index = LocationIndexPage.objects.get(locale__language_code="en")
    spanish = Locale.objects.get(language_code="es")
    phone = centre.phone
    urls = [
        reverse("wagtailadmin_pages:edit", args=[centre.pk]),
        reverse("wagtailadmin_pages:edit", args=[centre.get_translation(spanish).pk]),
        reverse("wagtailadmin_pages:add", args=("locations", "locationpage", index.pk)),
        reverse("wagtailadmin_pages:add_subpage", args=[index.pk]),
        reverse("wagtailadmin_pages:copy", args=[centre.pk]),
        reverse("wagtailadmin_pages:history", args=[centre.pk]),
        reverse("wagtail_localize:submit_page_translation", args=[centre.pk]),
    ]

    for url in urls:
        assert refused(editor.get(url)), url
    for url in urls[:1] + urls[4:5] + urls[-1:]:
        assert refused(editor.post(url, {"phone": "+15125550199"})), url
    centre.refresh_from_db()
    assert centre.phone == phone and not centre.has_unpublished_changes


# The README's role table, request by request. "ok" answers 200; "no" is refused (403, 404, or a
# redirect to the admin's home page or the sign-in page). Every GET below is what the admin's own
# links and buttons open for that account.
ROLES = ("admin", "manager", "editor", "reviewer")
MATRIX = {
    # Articles
    "article: edit": ("ok", "no", "ok", "no"),
    "article: add": ("ok", "no", "ok", "no"),
    "article: unpublish": ("ok", "no", "no", "no"),
    "article: delete": ("ok", "no", "no", "no"),
    "article: history": ("ok", "no", "ok", "no"),
    "article: translate": ("ok", "no", "ok", "no"),
    "article: sync translations": ("ok", "no", "ok", "no"),
    "article (Spanish): translation editor": ("ok", "no", "ok", "no"),
    "article (Spanish): convert to alias": ("ok", "no", "no", "no"),
    # Centers: the manager's own, and another
    "own center: edit": ("ok", "ok", "no", "no"),
    "own center (Spanish): edit": ("ok", "ok", "no", "no"),
    "own center: history": ("ok", "ok", "no", "no"),
    "own center: unpublish": ("ok", "no", "no", "no"),
    "own center: delete": ("ok", "no", "no", "no"),
    "own center: move": ("ok", "no", "no", "no"),
    "own center: copy": ("ok", "no", "no", "no"),
    "own center: translate": ("ok", "no", "no", "no"),
    "own center: sync translations": ("ok", "no", "no", "no"),
    "other center: edit": ("ok", "no", "no", "no"),
    "center: add": ("ok", "no", "no", "no"),
    "centers: the administrators' list": ("ok", "no", "no", "no"),
    # Home page, settings, snippets, images
    "home: edit": ("ok", "no", "no", "no"),
    "settings: network": ("ok", "no", "no", "no"),
    "settings: center managers": ("ok", "no", "no", "no"),
    "snippets: people": ("ok", "no", "ok", "ok"),
    "snippets: add a person": ("ok", "no", "ok", "no"),
    "snippets: menus": ("ok", "no", "no", "no"),
    "images: list": ("ok", "ok", "ok", "no"),
    "images: upload": ("ok", "ok", "ok", "no"),
    "images: edit an article image": ("ok", "no", "ok", "no"),
    "images: delete an article image": ("ok", "no", "ok", "no"),
    "images: edit another image (a center's photo)": ("ok", "no", "no", "no"),
    "images: delete another image (a center's photo)": ("ok", "no", "no", "no"),
    "admin home (tasks awaiting review)": ("ok", "ok", "ok", "ok"),
}


def role_urls() -> dict[str, str]:
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail_localize.models import TranslationSource

    from blog.models import BlogIndexPage, BlogPage
    from network.models import HomePage

    spanish = Locale.objects.get(language_code="es")
    article = BlogPage.objects.get(slug="sciatica-explained")
    article_es = article.get_translation(spanish)
    index = BlogIndexPage.objects.get(locale__language_code="en")
    own = LocationPage.objects.get(slug="austin-downtown", locale__language_code="en")
    other = LocationPage.objects.get(slug="chicago-loop", locale__language_code="en")
    centres = LocationIndexPage.objects.get(locale__language_code="en")
    home = HomePage.objects.get(locale__language_code="en")
    site = Site.objects.get(is_default_site=True)
    image = get_image_model().objects.get(title__startswith="Illustration: the path of sciatica")
    photo = wagtail_factories.ImageFactory(
        title="Austin Downtown entrance", collection=app_collection(CENTERS_COLLECTION)
    )
    page = lambda name, obj: reverse(f"wagtailadmin_pages:{name}", args=[obj.pk])  # noqa: E731
    source = lambda obj: TranslationSource.objects.get_for_instance(obj).pk  # noqa: E731
    return {
        "article: edit": page("edit", article),
        "article: add": reverse("wagtailadmin_pages:add", args=("blog", "blogpage", index.pk)),
        "article: unpublish": page("unpublish", article),
        "article: delete": page("delete", article),
        "article: history": page("history", article),
        "article: translate": reverse(
            "wagtail_localize:submit_page_translation", args=[article.pk]
        ),
        "article: sync translations": reverse(
            "wagtail_localize:update_translations", args=[source(article)]
        ),
        "article (Spanish): translation editor": page("edit", article_es),
        "article (Spanish): convert to alias": reverse(
            "wagtail_localize:convert_to_alias", args=[article_es.pk]
        ),
        "own center: edit": page("edit", own),
        "own center (Spanish): edit": page("edit", own.get_translation(spanish)),
        "own center: history": page("history", own),
        "own center: unpublish": page("unpublish", own),
        "own center: delete": page("delete", own),
        "own center: move": page("move", own),
        "own center: copy": page("copy", own),
        "own center: translate": reverse("wagtail_localize:submit_page_translation", args=[own.pk]),
        "own center: sync translations": reverse(
            "wagtail_localize:update_translations", args=[source(own)]
        ),
        "other center: edit": page("edit", other),
        "center: add": reverse(
            "wagtailadmin_pages:add", args=("locations", "locationpage", centres.pk)
        ),
        "centers: the administrators' list": reverse("centres:index"),
        "home: edit": page("edit", home),
        "settings: network": reverse(
            "wagtailsettings:edit", args=("network", "networksettings", site.pk)
        ),
        "settings: center managers": reverse("centre_managers:index"),
        "snippets: people": "/admin/snippets/network/person/",
        "snippets: add a person": "/admin/snippets/network/person/add/",
        "snippets: menus": "/admin/snippets/network/navigationmenu/",
        "images: list": reverse("wagtailimages:index"),
        "images: upload": reverse("wagtailimages:add_multiple"),
        "images: edit an article image": reverse("wagtailimages:edit", args=[image.pk]),
        "images: delete an article image": reverse("wagtailimages:delete", args=[image.pk]),
        "images: edit another image (a center's photo)": reverse(
            "wagtailimages:edit", args=[photo.pk]
        ),
        "images: delete another image (a center's photo)": reverse(
            "wagtailimages:delete", args=[photo.pk]
        ),
        "admin home (tasks awaiting review)": reverse("wagtailadmin_home"),
    }


def test_the_readme_role_table(sign_in):
    urls = role_urls()
    assert set(urls) == set(MATRIX)
    found = {}
    for username in ROLES:
        client = sign_in(username)
        for action, url in urls.items():
            response = client.get(url)
            found[action, username] = (
                "no"
                if refused(response)
                else ("ok" if response.status_code == 200 else str(response.status_code))
            )
    expected = {
        (action, username): answers[number]
        for action, answers in MATRIX.items()
        for number, username in enumerate(ROLES)
    }
    differences = {key: found[key] for key in expected if found[key] != expected[key]}
    assert differences == {}


ROUTING_FIELDS = ("intake_emails", "accepts_requests", "latitude", "longitude")


def test_managers_cannot_take_a_center_out_of_the_network(sign_in, centre):
    manager = sign_in("manager")
    spanish = centre.get_translation(Locale.objects.get(language_code="es"))
    index = centre.get_parent()

    for page in (centre, spanish):
        for name in ("unpublish", "delete"):
            url = reverse(f"wagtailadmin_pages:{name}", args=[page.pk])
            assert refused(manager.post(url)), url
        url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, index.get_parent().pk])
        assert refused(manager.post(url)), url
    centre.refresh_from_db()
    spanish.refresh_from_db()
    assert centre.live and spanish.live and centre.get_parent() == index


def test_routing_fields_and_the_slug_are_read_only_to_managers(sign_in, centre):
    url = reverse("wagtailadmin_pages:edit", args=[centre.pk])

    manager_form = sign_in("manager").get(url)
    admin_form = sign_in("admin").get(url)

    for field in (*ROUTING_FIELDS, "slug"):
        assert field not in manager_form.context["form"].fields, field
        assert field in admin_form.context["form"].fields, field
    # Shown, not hidden: the manager still reads where their center's requests go.
    assert centre.intake_email_list[0] in manager_form.content.decode()


def test_intake_staff_change_routing_fields_but_not_the_slug(demo, client, centre):
    from locations.permissions import INTAKE_GROUP

    user = get_user_model().objects.get(username="intake")  # the demo's intake account
    assert user.groups.filter(name=INTAKE_GROUP).exists()
    client.force_login(user)

    form = client.get(reverse("wagtailadmin_pages:edit", args=[centre.pk])).context["form"]

    assert set(ROUTING_FIELDS) <= set(form.fields)
    assert "slug" not in form.fields


def test_center_changes_are_approved_by_the_network_administrators(sign_in, centre):
    from locations.models import CentreManager
    from locations.permissions import ADMINISTRATORS_GROUP, WORKFLOW_NAME

    record = CentreManager.objects.get(user__username="manager")
    record.can_publish = False
    record.save()
    manager_user = record.user
    spanish = centre.get_translation(Locale.objects.get(language_code="es"))
    workflow = centre.get_workflow()
    assert workflow.name == WORKFLOW_NAME and spanish.get_workflow() == workflow
    approvers = workflow.tasks.get().specific.groups.all()
    assert [group.name for group in approvers] == [ADMINISTRATORS_GROUP]
    assert approvers[0].user_set.filter(username="admin").exists()

    centre.phone = "+15125550177"
    centre.save_revision(user=manager_user)
    state = workflow.start(centre, manager_user)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(centre.pk, "approve", state.current_task_state.pk),
    )
    sign_in("manager").post(url, {"comment": ""})
    centre.refresh_from_db()
    assert centre.phone != "+15125550177"  # the manager cannot approve their own change

    sign_in("admin").post(url, {"comment": ""})
    centre.refresh_from_db()
    assert centre.phone == "+15125550177"
