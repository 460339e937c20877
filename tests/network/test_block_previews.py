"""The block picker shows every shared block with a description and a sample (issue 13)."""

import pytest
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from network.blocks import BaseStreamBlock

pytestmark = pytest.mark.django_db

CHILDREN = list(BaseStreamBlock().child_blocks.values())
# What each block's sample shows once rendered, in English.
SAMPLES = {
    "heading": "<h2>What to expect at your first visit</h2>",
    "paragraph": "Most back pain eases within a few weeks.",
    "bulleted_list": "Short, frequent walks",
    "image": "A caption says what the picture shows.",
    "quote": "I can pick up my grandchildren again.",
    "callout": "callout--disclaimer",
    "book_appointment": 'class="book-cta"',
    "embed": "Watch on YouTube",
}


def test_every_block_is_described_in_both_languages():
    assert {block.name for block in CHILDREN} == set(SAMPLES)
    for block in CHILDREN:
        english = str(block.get_description())
        with translation.override("es"):
            spanish = str(block.get_description())
        assert english, block.name
        assert spanish and spanish != english, block.name
        assert block.is_previewable, block.name


@pytest.mark.parametrize("block", CHILDREN, ids=lambda block: block.name)
def test_every_block_preview_renders_with_the_site_stylesheet(
    admin_client, network_settings, home, block
):
    # The appointment call to action shows only where the network has a page to book on.
    network_settings.appointment_page = home
    network_settings.save()
    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})

    assert response.status_code == 200
    html = response.content.decode()
    assert "network/css/site.css" in html
    assert SAMPLES[block.name] in html


def test_the_image_preview_shows_an_image_from_the_library(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Therapist at work", file=get_test_image_file())
    block = BaseStreamBlock().child_blocks["image"]

    html = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix}).text

    assert 'alt="Therapist at work"' in html
    assert image.get_rendition("width-480").url in html
