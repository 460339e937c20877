"""Every block of BaseStreamBlock renders through its template in templates/network/blocks/."""

import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from wagtail.images.blocks import ImageBlock
from wagtail.images.tests.utils import get_test_image_file

from network.blocks import VideoBlock, video_link
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
        body=[
            image_block(image, "A physical therapist guides a stretch", False, "Our Austin team")
        ],
    )

    html = client.get("/en/photo/").text

    assert 'alt="A physical therapist guides a stretch"' in html
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


# --- Videos: click-to-load, no third-party request when a page renders ---

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s"
VIMEO = "https://vimeo.com/76979871"
OTHER = "https://videos.example.org/back-exercises"


@pytest.fixture
def no_outgoing_requests(monkeypatch):
    """Fail the test if rendering asks an oEmbed provider (or anyone) for anything. Wagtail's
    embeds app, which would, is not even installed."""

    def refuse(*args, **kwargs):
        raise AssertionError("a page render made an outgoing request")

    assert not apps.is_installed("wagtail.embeds")
    monkeypatch.setattr("urllib.request.urlopen", refuse)
    monkeypatch.setattr("socket.create_connection", refuse)


def video_page(home, slug: str = "videos"):
    return StandardPageFactory(
        parent=home,
        title="Videos",
        slug=slug,
        body=[("embed", YOUTUBE), ("embed", VIMEO), ("embed", OTHER)],
    )


def test_video_renders_from_the_url_without_any_outgoing_request(
    client, home, no_outgoing_requests
):
    video_page(home)

    html = client.get("/en/videos/").text

    assert "<iframe" not in html
    # Every src on the page is the site's own (relative): nothing loads from elsewhere.
    assert re.findall(r'\bsrc="(?!/)[^"]*"', html) == []
    assert (
        'data-player-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&amp;start=90"'
        in html
    )
    assert 'data-player-url="https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1"' in html
    assert f'<a href="{YOUTUBE.replace("&", "&amp;")}">Watch on YouTube</a>' in html
    assert f'<a href="{VIMEO}">Watch on Vimeo</a>' in html
    assert "Load the video here (it loads content from youtube.com)" in html
    assert "Load the video here (it loads content from vimeo.com)" in html
    # Other sites stay a plain link: no player, no button.
    assert f'<a href="{OTHER}">Watch the video on videos.example.org</a>' in html
    assert html.count("data-video-embed-load") == 2


def test_video_texts_are_translated(client, home, home_es, no_outgoing_requests):
    from network.localization import translate

    translate(video_page(home), "es", {"Videos": "Videos", "videos": "videos"})

    html = client.get("/es/videos/").text

    assert "Ver en YouTube</a>" in html
    assert "Cargar el video aquí (carga contenido de youtube.com)" in html


@pytest.mark.parametrize(
    ("url", "provider", "player"),
    [
        (YOUTUBE, "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=42", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42"),
        (VIMEO, "Vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        ("https://vimeo.com/76979871/0a1b2c3d4e", "Vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&h=0a1b2c3d4e"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        ("https://www.youtube.com/@spine-network", "", ""),
        ("https://vimeo.com/channels/staffpicks", "", ""),
        (OTHER, "", ""),
    ],
)  # fmt: skip
def test_video_link_recognises_youtube_and_vimeo_only(url, provider, player):
    video = video_link(url)

    assert (video.provider, video.player_url) == (provider, player)


def test_video_block_accepts_any_web_address_and_refuses_other_text(no_outgoing_requests):
    block = VideoBlock()

    assert block.clean(OTHER) == OTHER
    with pytest.raises(ValidationError):
        block.clean("youtube dQw4w9WgXcQ")
