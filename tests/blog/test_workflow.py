"""Editorial workflow: editors write and submit, medical reviewers approve, approval publishes."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site, WorkflowState
from wagtail_localize.models import StringTranslation

from blog.models import BlogIndexPage, BlogPage
from blog.workflow import EDITORS_GROUP, REVIEWERS_GROUP, WORKFLOW_NAME, ensure_editorial_setup
from network.localization import translate
from network.models import NetworkSettings
from tests.blog.admin_forms import blog_page_form_data
from tests.blog.factories import BlogPageFactory
from tests.factories import PersonFactory
from tests.locations.factories import LocationIndexPageFactory, LocationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(blog_index, home_es, django_user_model):
    translate(blog_index, "es", {"Health articles": "Artículos de salud"})
    ensure_editorial_setup()
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    reviewer = django_user_model.objects.create_user("reviewer", password="pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return editor, reviewer


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("blog", "blogpage", parent.pk))


def submit_post(client, editor, blog_index, title="Stretching at work"):
    client.force_login(editor)
    data = blog_page_form_data(title, authors=[PersonFactory()], action="action-submit")
    response = client.post(add_url(blog_index), data)
    assert response.status_code == 302, response.context["form"].errors
    return BlogPage.objects.get(title=title)


def test_editor_creates_and_submits_a_post_for_medical_review(client, setup, blog_index):
    editor, _ = setup

    post = submit_post(client, editor, blog_index)

    assert not post.live
    state = WorkflowState.objects.get(object_id=str(post.pk), status="in_progress")
    assert state.workflow.name == WORKFLOW_NAME
    assert state.current_task_state.task.name == WORKFLOW_NAME


def test_editor_cannot_publish(client, setup, blog_index):
    editor, _ = setup
    client.force_login(editor)

    data = blog_page_form_data("Publish me", authors=[PersonFactory()], action="action-publish")
    client.post(add_url(blog_index), data)

    post = BlogPage.objects.get(title="Publish me")
    assert not post.live
    assert not post.permissions_for_user(editor).can_publish()


def test_editor_can_write_in_the_spanish_index_too(setup, blog_index):
    editor, _ = setup
    index_es = BlogIndexPage.objects.get(locale__language_code="es")

    assert index_es.permissions_for_user(editor).can_add_subpage()


def test_editor_cannot_edit_centres_or_open_settings(client, setup, home):
    editor, _ = setup
    centre = LocationPageFactory(parent=LocationIndexPageFactory(parent=home))
    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)
    NetworkSettings.for_site(site)

    centre_edit = client.get(reverse("wagtailadmin_pages:edit", args=(centre.pk,)))
    settings_edit = client.get(
        reverse("wagtailsettings:edit", args=("network", "networksettings", site.pk))
    )

    assert centre_edit.status_code in (302, 403)
    assert settings_edit.status_code in (302, 403)
    assert not centre.permissions_for_user(editor).can_edit()
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_reviewer_approves_and_the_post_goes_live(client, setup, blog_index):
    editor, reviewer = setup
    post = submit_post(client, editor, blog_index)
    state = WorkflowState.objects.get(object_id=str(post.pk), status="in_progress")
    task_state = state.current_task_state
    client.force_login(reviewer)

    url = reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": "Accurate."})

    assert response.status_code in (200, 302)
    post.refresh_from_db()
    assert post.live
    assert client.get(post.url).status_code == 200


def test_approval_records_the_reviewer_and_the_date(client, setup, blog_index):
    editor, reviewer = setup
    person = PersonFactory(name="Dr. Ada Stone", account=reviewer)
    claimed = PersonFactory(name="Dr. Nobody")
    data = blog_page_form_data(
        "Claimed review",
        authors=[PersonFactory()],
        action="action-submit",
        reviewer=claimed.pk,
        last_reviewed="2020-01-01",
    )
    client.force_login(editor)
    assert client.post(add_url(blog_index), data).status_code == 302
    post = BlogPage.objects.get(title="Claimed review")
    assert post.reviewer is None and post.last_reviewed is None  # read-only to editors
    task_state = WorkflowState.objects.get(object_id=str(post.pk)).current_task_state
    client.force_login(reviewer)

    url = reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})

    post.refresh_from_db()
    assert post.live
    assert post.reviewer == person and post.last_reviewed == timezone.localdate()
    assert "Dr. Ada Stone" in client.get(post.url).text


def test_reviewer_publishes_or_unpublishes_only_through_an_approval(client, setup, blog_index):
    _, reviewer = setup
    post = BlogPageFactory(parent=blog_index, title="Already live")
    draft = BlogPageFactory(parent=blog_index, title="Unsubmitted draft")
    draft.unpublish()
    client.force_login(reviewer)

    client.post(reverse("wagtailadmin_pages:unpublish", args=(post.pk,)))
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    client.post(f"{bulk}?id={draft.pk}", {})

    post.refresh_from_db()
    draft.refresh_from_db()
    assert post.live and not draft.live
    assert not post.permissions_for_user(reviewer).can_unpublish()
    assert not draft.permissions_for_user(reviewer).can_publish()


def test_editor_cannot_approve(client, setup, blog_index):
    editor, _ = setup
    post = submit_post(client, editor, blog_index)
    task_state = WorkflowState.objects.get(object_id=str(post.pk)).current_task_state

    url = reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
    client.post(url, {"comment": ""})

    post.refresh_from_db()
    assert not post.live


def test_scheduled_post_appears_only_once_publish_scheduled_runs(client, blog_index):
    post = BlogPageFactory(parent=blog_index, title="Coming soon")
    post.unpublish()
    post = BlogPage.objects.get(pk=post.pk)
    post.go_live_at = timezone.now() + timedelta(days=1)
    post.save_revision().publish()

    post.refresh_from_db()
    assert not post.live
    assert client.get("/en/blog/coming-soon/").status_code == 404

    with time_machine.travel(timezone.now() + timedelta(days=2)):
        call_command("publish_scheduled")

    assert client.get("/en/blog/coming-soon/").status_code == 200


def test_editor_reaches_everything_needed_to_write(client, setup, blog_index):
    editor, _ = setup
    client.force_login(editor)
    post = BlogPageFactory(parent=blog_index)
    index_es = BlogIndexPage.objects.get(locale__language_code="es")

    for url in (
        "/admin/snippets/network/person/",
        "/admin/snippets/network/person/add/",
        "/admin/snippets/choose/network/condition/",
        "/admin/snippets/choose/network/service/",
        "/admin/choose-page/",
        "/admin/images/",
        "/admin/documents/",
        f"/admin/pages/{blog_index.pk}/",
        f"/admin/pages/{post.pk}/edit/",
        add_url(blog_index),
        add_url(index_es),
    ):
        assert client.get(url).status_code == 200, url


def test_submitting_a_translation_names_the_article_by_the_title_submitted(
    client, setup, blog_index
):
    """The confirmation names the article as the reviewers will see it: the translated title just
    saved, not the title its Spanish page had before."""
    editor, _ = setup
    post = BlogPageFactory(parent=blog_index, title="Stretching at work")
    spanish = translate(post, "es", {"Stretching at work": "Estirarse en el trabajo"})
    # The editor retitles it in the translation editor, which stores only the string.
    StringTranslation.objects.filter(data="Estirarse en el trabajo").update(
        data="Estiramientos en el trabajo"
    )
    client.force_login(editor)

    response = client.post(reverse("blog_submit_translation", args=[spanish.pk]), follow=True)

    [message] = [str(message) for message in response.context["messages"]]
    assert "Estiramientos en el trabajo&#x27; was submitted for medical review." in message
