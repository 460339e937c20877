"""Staff who chose Spanish in their admin profile see the article editor's panels, fields and
blocks in Spanish, not only Wagtail's own words."""

import html as html_lib
import json
import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from tests.blog.factories import BlogPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_admin(client, db):
    user = get_user_model().objects.create_superuser("lucia", "lucia@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(user)
    return client


def block_labels(html: str) -> set[str]:
    """Every block label in the editor's block definitions (JSON in an attribute)."""
    definitions = html_lib.unescape(html)
    return {
        json.loads(f'"{label}"')
        for label in re.findall(r'"label": "((?:[^"\\]|\\.)*)"', definitions)
    }


def test_the_article_editor_speaks_spanish(spanish_admin, blog_index):
    article = BlogPageFactory(parent=blog_index)

    html = spanish_admin.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert "Temas" in html  # the "Topics" panel
    labels = block_labels(html)
    assert {"Párrafo", "Lista con viñetas", "Cita", "Recuadro", "Pie de foto"} <= labels
    assert not {"Paragraph", "Bulleted list", "Quote", "Callout", "Caption"} & labels


def test_the_menu_editor_names_the_link_page_in_spanish(spanish_admin, home):
    from network.models import NavigationMenu

    menu = NavigationMenu.objects.create(name="main")

    html = spanish_admin.get(f"/admin/snippets/network/navigationmenu/edit/{menu.pk}/").content
    assert "Link page" not in html.decode()
    assert "Página" in html.decode()
