"""Reading time of a StreamField body, counted from the words a visitor reads."""

import math

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue, StructValue
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

WORDS_PER_MINUTE = 200

# Blocks whose value is something to look at or a setting, not text to read: images (their alt
# text is for people who cannot see them, and captions are blocks of their own) and choices
# (heading levels, callout styles), which `get_searchable_content` alone would count.
NOT_READ = (blocks.ChoiceBlock, ImageBlock, ImageChooserBlock)


def count_words(block: blocks.Block, value) -> int:
    """Words in a block's text, walking the value by the kind of block that holds it.

    Structural blocks are opened by their own rules (a StructBlock's children, each item of a
    ListBlock, each child of a StreamBlock); any block whose value is not one of those containers
    (an ImageBlock's value is an Image, a custom block may hold anything) answers through the
    block's own `get_searchable_content`, which every block implements for its own value type.
    """
    if value is None or isinstance(block, NOT_READ):
        return 0
    if isinstance(block, blocks.StructBlock) and isinstance(value, StructValue):
        return sum(count_words(child, value[name]) for name, child in block.child_blocks.items())
    if isinstance(block, blocks.ListBlock):
        return sum(count_words(block.child_block, item) for item in value)
    if isinstance(block, blocks.StreamBlock):
        return sum(count_words(child.block, child.value) for child in value)
    return sum(len(strip_tags(str(text)).split()) for text in block.get_searchable_content(value))


def reading_minutes(body: StreamValue) -> int:
    """Minutes to read `body` at 200 words a minute, never less than one."""
    return max(1, math.ceil(count_words(body.stream_block, body) / WORDS_PER_MINUTE))
