"""StreamField blocks shared by every page type (generic pages, centre pages, blog posts).

Every block says what it is for (`description`) and shows a sample of itself (`preview_value`, or
`get_preview_value` where the sample needs translating or the image library) in the block picker,
rendered by templates/wagtailcore/shared/block_preview.html with the site's stylesheet.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText

from network.text import whole_number


def _preview_paragraph() -> RichText:
    return RichText(
        format_html(
            "<p>{}</p>",
            gettext(
                "Most back pain eases within a few weeks. Keep moving gently and ask us if it "
                "does not."
            ),
        )
    )


def _preview_list() -> list[str]:
    return [gettext("Heat on the sore muscles"), gettext("Short, frequent walks")]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    def get_preview_value(self) -> blocks.StructValue:
        return self.normalize(
            {"text": gettext("What to expect at your first visit"), "level": "h2"}
        )

    class Meta:
        label = _("Heading")
        icon = "title"
        template = "network/blocks/heading.html"
        description = _("A title that starts a section of the text, listed in the page outline.")


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock carries its own alt text (and the "decorative" flag) since Wagtail 6.3.
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    def get_preview_value(self) -> blocks.StructValue:
        """The library's first image, if it has any, with a sample caption."""
        image = get_image_model().objects.order_by("pk").first()
        if image is not None:
            image.contextual_alt_text, image.decorative = image.title, False
        caption = gettext("A caption says what the picture shows.")
        return self.normalize({"image": image, "caption": caption})

    class Meta:
        label = _("Image")
        icon = "image"
        template = "network/blocks/captioned_image.html"
        description = _("A picture from the image library, with its alt text and a caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    def get_preview_value(self) -> blocks.StructValue:
        return self.normalize(
            {
                "text": gettext("I can pick up my grandchildren again."),
                "attribution": gettext("A patient in Austin"),
            }
        )

    class Meta:
        label = _("Quote")
        icon = "openquote"
        template = "network/blocks/quote.html"
        description = _("Words of a patient or clinician, set apart, with who said them.")


class CalloutBlock(blocks.StructBlock):
    """A boxed note; medical disclaimers use the "disclaimer" style."""

    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("disclaimer", _("Medical disclaimer"))],
        default="info",
        label=_("Style"),
    )
    title = blocks.CharBlock(required=False, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], label=_("Text"))

    def get_preview_value(self) -> blocks.StructValue:
        text = gettext("This article is general information, not medical advice.")
        return self.normalize(
            {"style": "disclaimer", "title": "", "text": RichText(format_html("<p>{}</p>", text))}
        )

    class Meta:
        label = _("Callout")
        icon = "warning"
        template = "network/blocks/callout.html"
        description = _("A boxed note: information, or the medical disclaimer at an article's end.")


class BookAppointmentBlock(blocks.StructBlock):
    """The appointment call to action, placed wherever an editor wants it in a body."""

    heading = blocks.CharBlock(
        required=False, help_text=_("Leave empty for the default text."), label=_("Heading")
    )
    text = blocks.TextBlock(required=False, label=_("Text"))

    class Meta:
        label = _("Book an appointment")
        icon = "date"
        template = "network/blocks/book_appointment.html"
        description = _("The button that opens the appointment request form, with a short text.")
        # Empty: the block's default heading and text, as most pages use it.
        preview_value = {"heading": "", "text": ""}


YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtu.be", "youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


@dataclass(frozen=True)
class VideoLink:
    """What the page shows for a video URL, worked out from the URL alone (no request).

    `player_url` is the privacy-friendly player to load after the patient asks for it
    (youtube-nocookie.com, Vimeo's player with "do not track"); it is empty for other sites,
    which stay a plain link.
    """

    url: str
    host: str  # the site the link leads to, e.g. "youtube.com", for the visible texts
    provider: str = ""  # "YouTube" or "Vimeo" when the video can play on the page
    player_url: str = ""


def _youtube_start(query: dict[str, list[str]]) -> int:
    """Seconds from `t=`/`start=` ("90", "90s", "1m30s"), 0 when absent or unreadable."""
    text = (query.get("t") or query.get("start") or [""])[0]
    match = YOUTUBE_TIME.match(text)
    if not text or not match:
        return 0
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def video_link(url: str) -> VideoLink:
    """Recognise YouTube and Vimeo video URLs; anything else is a link to its own site."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    if host in YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = path[0] if path else ""
        elif path[:1] in (["embed"], ["shorts"], ["live"], ["v"]) and len(path) > 1:
            video_id = path[1]
        else:
            video_id = (query.get("v") or [""])[0]
        if YOUTUBE_ID.match(video_id):
            params = {"autoplay": 1}
            if start := _youtube_start(query):
                params["start"] = start
            player = f"https://www.youtube-nocookie.com/embed/{video_id}?{urlencode(params)}"
            return VideoLink(url, "youtube.com", "YouTube", player)
        return VideoLink(url, "youtube.com")
    if host in VIMEO_HOSTS:
        numbers = [segment for segment in path if whole_number(segment) is not None]
        if numbers:
            video_id = numbers[-1]
            params = {"autoplay": 1, "dnt": 1}
            following = path[path.index(video_id) + 1 :]
            unlisted_hash = (query.get("h") or following or [""])[0]
            if re.fullmatch(r"[0-9a-f]{6,}", unlisted_hash):
                params["h"] = unlisted_hash
            player = f"https://player.vimeo.com/video/{video_id}?{urlencode(params)}"
            return VideoLink(url, "vimeo.com", "Vimeo", player)
        return VideoLink(url, "vimeo.com")
    return VideoLink(url, host)


class VideoBlock(blocks.URLBlock):
    """A video by its URL, shown as a link until the patient asks to load the player.

    The network's rule: pages need nothing from the internet to render, and the site makes no
    third-party request unless the patient asks. Wagtail's EmbedBlock breaks both: rendering calls
    the oEmbed provider on a cache miss, and the player loads from the provider at once. This
    block stores the same value (the URL; existing "embed" content stays valid), works out the
    player from the URL alone (`video_link`), and the template renders a link plus a "Load the
    video here" button that site.js turns into the player's iframe on click. A URL field rather
    than an EmbedBlock in the admin too: EmbedBlock validates by asking the provider, which would
    make saving a page depend on YouTube; other sites are accepted and shown as a plain link.
    """

    def get_context(self, value: str, parent_context: dict | None = None) -> dict:
        context = super().get_context(value, parent_context)
        context["video"] = video_link(value or "")
        return context

    class Meta:
        icon = "media"
        template = "network/blocks/video.html"
        label = _("Video")
        description = _("A YouTube or Vimeo video, shown as a link until the visitor loads it.")
        preview_value = "https://www.youtube.com/watch?v=Sample12345"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        label=_("Paragraph"),
    )
    bulleted_list = blocks.ListBlock(
        blocks.CharBlock(label=_("Item")), icon="list-ul", label=_("Bulleted list")
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    book_appointment = BookAppointmentBlock()
    # Named "embed" as before, so stored content stays valid.
    embed = VideoBlock(
        help_text=_(
            "The address of a YouTube or Vimeo video. Visitors see a link and load the player "
            "only if they choose to; addresses on other sites are shown as a plain link."
        ),
    )


def _for_the_picker(block: blocks.Block, description: str, preview_value: object) -> None:
    """Describe a block built from Wagtail's own classes and give it a sample, on its options
    rather than through its constructor: the constructor's arguments are the block definition the
    page types' migrations store, and what the picker shows is no part of it."""
    block.meta.description = description
    block.meta.preview_value = preview_value


_for_the_picker(
    BaseStreamBlock.base_blocks["paragraph"],
    _("Running text, with links, bold and italic words and lists."),
    _preview_paragraph,
)
_for_the_picker(
    BaseStreamBlock.base_blocks["bulleted_list"],
    _("Short points, one per line, shown with bullets."),
    _preview_list,
)
