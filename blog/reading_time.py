"""Reading time of a StreamField body, counted from the words a visitor reads."""

import math

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue

WORDS_PER_MINUTE = 200


def count_words(block: blocks.Block, value) -> int:
    """Words in a block's text. Choice values (heading levels, callout styles) are settings,
    not text, so they are skipped, which `get_searchable_content` alone would not do."""
    if value is None or isinstance(block, blocks.ChoiceBlock):
        return 0
    if isinstance(block, blocks.StructBlock):
        return sum(
            count_words(child, value.get(name)) for name, child in block.child_blocks.items()
        )
    if isinstance(block, blocks.ListBlock):
        return sum(count_words(block.child_block, item) for item in value)
    if isinstance(block, blocks.StreamBlock):
        return sum(count_words(child.block, child.value) for child in value)
    return sum(len(strip_tags(str(text)).split()) for text in block.get_searchable_content(value))


def reading_minutes(body: StreamValue) -> int:
    """Minutes to read `body` at 200 words a minute, never less than one."""
    return max(1, math.ceil(count_words(body.stream_block, body) / WORDS_PER_MINUTE))
