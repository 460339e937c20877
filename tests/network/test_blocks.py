"""Every block of BaseStreamBlock renders through its template in templates/network/blocks/."""

import pytest
from wagtail.images.blocks import ImageBlock
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(settings, tmp_path):
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = tmp_path
    return Image.objects.create(title="Therapist at work", file=get_test_image_file())


def image_block(image, alt_text: str, decorative: bool, caption: str = "") -> tuple:
    value = ImageBlock().to_python(
        {"image": image.pk, "alt_text": alt_text, "decorative": decorative}
    )
    return ("image", {"image": value, "caption": caption})


def test_text_blocks_render(client, home):
    StandardPageFactory(
        parent=home,
        slug="blocks",
        body=[
            ("heading", {"text": "What to expect", "level": "h3"}),
            ("paragraph", "<p>Bring a list of your <b>medicines</b>.</p>"),
            ("bulleted_list", ["Photo ID", "Insurance card"]),
            ("quote", {"text": "I walk to work again.", "attribution": "A patient"}),
            (
                "callout",
                {"style": "disclaimer", "title": "", "text": "<p>This is not medical advice.</p>"},
            ),
        ],
    )

    html = client.get("/en/blocks/").text

    assert "<h3>What to expect</h3>" in html
    assert "<p>Bring a list of your <b>medicines</b>.</p>" in html
    assert "<li>Photo ID</li>" in html
    assert "<li>Insurance card</li>" in html
    assert "<blockquote><p>I walk to work again.</p></blockquote><figcaption>A patient" in html
    assert '<aside class="callout callout--disclaimer" aria-label="Medical disclaimer">' in html
    assert "<p>This is not medical advice.</p></aside>" in html


def test_image_block_uses_its_alt_text_and_caption(client, home, image):
    StandardPageFactory(
        parent=home,
        slug="photo",
        body=[image_block(image, "A physiotherapist guides a stretch", False, "Our Austin team")],
    )

    html = client.get("/en/photo/").text

    assert 'alt="A physiotherapist guides a stretch"' in html
    assert "<figcaption>Our Austin team</figcaption>" in html


def test_decorative_image_has_empty_alt_text(client, home, image):
    StandardPageFactory(parent=home, slug="decor", body=[image_block(image, "", True)])

    html = client.get("/en/decor/").text

    assert 'alt=""' in html
    assert "Therapist at work" not in html.split("<main", 1)[1]


def test_book_appointment_block_links_to_the_appointment_page(client, about, network_settings):
    network_settings.appointment_page = about
    network_settings.save()
    StandardPageFactory(
        parent=about,
        slug="cta",
        body=[("book_appointment", {"heading": "", "text": ""})] * 2,
    )

    html = client.get("/en/about-us/cta/").text

    assert html.count("<h2>Ready to feel better? Book an appointment</h2>") == 2
    assert html.count('<a class="button button--primary" href="/en/about-us/">') == 2


def test_book_appointment_block_is_silent_without_an_appointment_page(client, home):
    StandardPageFactory(
        parent=home, slug="cta", body=[("book_appointment", {"heading": "Book", "text": ""})]
    )

    assert "book-cta" not in client.get("/en/cta/").text
