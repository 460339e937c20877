"""No path a marketing editor can reach publishes an article in any language; translations of
articles go live only through the "Medical review" workflow. Over the demo's real accounts."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from blog.models import BlogIndexPage, BlogPage
from blog.workflow import WORKFLOW_NAME
from locations.models import LocationPage
from network.demo import PEOPLE
from network.models import Person
from tests.blog.factories import BlogPageFactory
from tests.demo.accounts import refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


@pytest.fixture
def new_article(demo):
    """A live English article with no translation yet, written by a demo author."""
    index = BlogIndexPage.objects.get(locale__language_code="en")
    author = Person.objects.get(name=PEOPLE[0]["name"], locale=index.locale)
    return BlogPageFactory(parent=index, title="Walking after a flare-up", authors=[author])


@pytest.fixture
def reviewed_article(demo, spanish):
    """A demo article whose Spanish version is live."""
    post = BlogPage.objects.get(slug="sciatica-explained")
    assert post.get_translation(spanish).live
    return post


def approve(client, page):
    task_state = WorkflowState.objects.get(
        object_id=str(page.pk), status="in_progress"
    ).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    return client.post(url, {"comment": ""})


def test_translate_this_page_creates_a_draft_that_goes_live_only_through_review(
    sign_in, new_article, spanish
):
    editor = sign_in("editor")
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[new_article.pk]),
        {"locales": [spanish.pk]},
    )
    assert response.status_code == 302
    translated = new_article.get_translation(spanish)
    assert not translated.live

    submit_url = reverse("blog_submit_translation", args=[translated.pk])
    assert editor.get(submit_url).status_code == 200
    assert editor.post(submit_url).status_code == 302
    state = WorkflowState.objects.get(object_id=str(translated.pk), status="in_progress")
    assert state.workflow.name == WORKFLOW_NAME
    translated.refresh_from_db()
    assert not translated.live

    assert approve(sign_in("reviewer"), translated).status_code in (200, 302)
    translated.refresh_from_db()
    assert translated.live


def test_sync_translated_pages_does_not_publish_for_an_editor(sign_in, reviewed_article, spanish):
    source = TranslationSource.objects.get_for_instance(reviewed_article)
    spanish_page = reviewed_article.get_translation(spanish)
    live_title = spanish_page.title
    segment = source.stringsegment_set.get(string__data=reviewed_article.title)
    StringTranslation.objects.filter(translation_of=segment.string, locale=spanish).update(
        data="Ciática: texto sin revisar"
    )
    editor = sign_in("editor")
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    assert editor.get(url).status_code == 200
    assert refused(editor.post(url, {"publish_translations": "on"}))
    spanish_page.refresh_from_db()
    assert (
        spanish_page.title == live_title
        and spanish_page.live_revision.content["title"] == live_title
    )
    # Without publishing, syncing is allowed and publishes nothing.
    assert not refused(editor.post(url, {}))
    spanish_page.refresh_from_db()
    assert spanish_page.title == live_title


def test_the_translation_editors_publish_is_refused_to_an_editor(
    sign_in, reviewed_article, spanish
):
    spanish_page = reviewed_article.get_translation(spanish)
    revision = spanish_page.live_revision_id
    editor = sign_in("editor")
    edit_url = reverse("wagtailadmin_pages:edit", args=[spanish_page.pk])

    assert editor.get(edit_url).status_code == 200  # the translation editor
    assert refused(editor.post(edit_url, {"action": "publish"}))
    spanish_page.refresh_from_db()
    assert spanish_page.live_revision_id == revision


@pytest.mark.parametrize("username", ["editor", "manager", "reviewer"])
def test_convert_to_alias_is_for_administrators(sign_in, reviewed_article, spanish, username):
    spanish_page = reviewed_article.get_translation(spanish)
    url = reverse("wagtail_localize:convert_to_alias", args=[spanish_page.pk])

    assert refused(sign_in(username).post(url))
    spanish_page.refresh_from_db()
    assert spanish_page.alias_of_id is None
    assert sign_in("admin").get(url).status_code == 200


def test_bulk_publish_publishes_nothing_for_an_editor(sign_in, new_article, spanish):
    draft = new_article.copy_for_translation(spanish, copy_parents=True)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))

    response = sign_in("editor").post(f"{url}?id={draft.pk}", {})

    assert response.status_code in (200, 302, 403)
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.parametrize("username", ["manager", "editor"])
def test_stopping_a_centers_synced_translation_is_for_administrators(sign_in, demo, username):
    austin_es = LocationPage.objects.get(slug="austin-downtown", locale__language_code="es")
    translation = Translation.objects.get(
        source__object_id=austin_es.translation_key, target_locale=austin_es.locale
    )
    # Without `next` the view would send everyone to the admin's home page, refused or not.
    url = (
        reverse("wagtail_localize:stop_translation", args=[translation.pk]) + "?next=/admin/pages/"
    )

    assert refused(sign_in(username).post(url))
    translation.refresh_from_db()
    assert translation.enabled
    assert not refused(sign_in("admin").post(url))
    translation.refresh_from_db()
    assert not translation.enabled


def test_reviewers_cannot_sync_or_translate(sign_in, reviewed_article):
    reviewer = sign_in("reviewer")
    source = TranslationSource.objects.get_for_instance(reviewed_article)

    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(reviewer.get(sync))
    submit = reverse("wagtail_localize:submit_page_translation", args=[reviewed_article.pk])
    assert refused(reviewer.get(submit))
