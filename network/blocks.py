"""StreamField blocks shared by every page type (generic pages, centre pages, blog posts)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "network/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    # ImageBlock carries its own alt text (and the "decorative" flag) since Wagtail 6.3.
    image = ImageBlock()
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "network/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "network/blocks/quote.html"


class CalloutBlock(blocks.StructBlock):
    """A boxed note; medical disclaimers use the "disclaimer" style."""

    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("disclaimer", _("Medical disclaimer"))],
        default="info",
    )
    title = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "network/blocks/callout.html"


class BookAppointmentBlock(blocks.StructBlock):
    """The appointment call to action, placed wherever an editor wants it in a body."""

    heading = blocks.CharBlock(required=False, help_text=_("Leave empty for the default text."))
    text = blocks.TextBlock(required=False)

    class Meta:
        icon = "date"
        template = "network/blocks/book_appointment.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]
    )
    bulleted_list = blocks.ListBlock(blocks.CharBlock(label=_("Item")), icon="list-ul")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    book_appointment = BookAppointmentBlock()
    embed = EmbedBlock(help_text=_("A video or other embeddable URL."), icon="media")
