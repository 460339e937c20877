"""An article with one block of every type of the shared block set renders, in the admin's
preview and once published: the next block added to `BaseStreamBlock` must get a sample here,
or this test fails before any page does."""

import pytest
import wagtail_factories
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from blog.models import BlogPage
from network.blocks import BaseStreamBlock
from tests.blog.admin_forms import blog_page_form_data
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def every_block(image) -> list[tuple[str, object]]:
    """Admin form data for one block of each type, with words in each."""
    return [
        ("heading", {"text": "What the scan shows", "level": "h3"}),
        ("paragraph", rich_text("<p>Discs change with age in everyone.</p>")),
        (
            "bulleted_list",
            {"count": 2, "0": {"value": "Walk daily", "deleted": "", "order": 0, "id": ""}}
            | {"1": {"value": "Sleep well", "deleted": "", "order": 1, "id": ""}},
        ),
        (
            "image",
            {
                "image": {"image": image.pk, "alt_text": "A spine model", "decorative": ""},
                "caption": "The lower spine from the side.",
            },
        ),
        ("quote", {"text": "Movement is medicine.", "attribution": "A physical therapist"}),
        ("callout", {"style": "disclaimer", "title": "Note", "text": rich_text("<p>Ask.</p>")}),
        ("book_appointment", {"heading": "Talk to us", "text": "We answer within a day."}),
        ("embed", "https://www.youtube.com/watch?v=abcdefghijk"),
    ]


@pytest.fixture
def article_data(blog_index):
    image = wagtail_factories.ImageFactory(title="Spine model")
    body = every_block(image)
    assert {name for name, _value in body} == set(BaseStreamBlock().child_blocks), (
        "Add a sample of the new block to every_block()"
    )
    return blog_page_form_data(
        "Every block", authors=[PersonFactory()], body=streamfield(body), action="action-publish"
    )


def test_article_with_every_block_type_previews_and_publishes(
    admin_client, blog_index, article_data
):
    add_url = reverse("wagtailadmin_pages:add", args=("blog", "blogpage", blog_index.pk))
    response = admin_client.post(add_url, article_data)
    assert response.status_code == 302, response.context["form"].errors
    post = BlogPage.objects.get(title="Every block")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(post.pk,))

    assert admin_client.post(preview_url, article_data).json()["is_valid"]
    preview = admin_client.get(preview_url)
    published = admin_client.get(post.url)

    assert [block.block_type for block in post.body] == [name for name, _ in every_block(post)]
    for response in (preview, published):
        assert response.status_code == 200
        html = response.content.decode()
        assert "The lower spine from the side." in html and 'alt="A spine model"' in html
        assert "Walk daily" in html and "Movement is medicine." in html
    assert post.live and post.reading_time == 1
