"""Illustrations for the demo articles, drawn with Pillow when the demo loads.

Each picture is a few flat shapes drawn here, original to this project, and stored by
`network.demo_images` as a Wagtail image in the "Articles" collection, where the editorial
groups' image rights apply. What each shows (title, alt text, caption, in English and Spanish) is
demo/blog/blog.toml's `illustrations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from blog.workflow import articles_collection
from network.demo_content import read
from network.demo_images import Draw, drawn_image

BONE = (250, 246, 236)
OUTLINE = (52, 73, 94)
DISC = (120, 170, 200)
ACCENT = (214, 96, 77)
GREEN = (92, 150, 110)


def _spine(draw: Draw, x: int, top: int, count: int, bulge_at: int | None = None) -> None:
    """A column of vertebrae seen from the side, discs between them."""
    for i in range(count):
        y = top + i * 90
        draw.rounded_rectangle(
            (x, y, x + 170, y + 62), radius=14, fill=BONE, outline=OUTLINE, width=5
        )
        draw.polygon(
            [(x + 170, y + 14), (x + 250, y + 30), (x + 170, y + 48)], fill=BONE, outline=OUTLINE
        )
        if i < count - 1:
            disc = (x + 10, y + 64, x + 160, y + 88)
            draw.rounded_rectangle(disc, radius=10, fill=DISC)
            if i == bulge_at:
                draw.ellipse((x + 130, y + 58, x + 200, y + 94), fill=ACCENT)


def draw_herniated_disc(draw: Draw) -> None:
    _spine(draw, 420, 130, 6, bulge_at=2)
    draw.line([(610, 320), (660, 330), (700, 420), (720, 640)], fill=(226, 178, 60), width=10)


def draw_sciatica(draw: Draw) -> None:
    _spine(draw, 200, 80, 5)
    # The nerve from the low back down one leg, with the leg's outline beside it.
    draw.line([(420, 430), (520, 470), (600, 560), (660, 700)], fill=(226, 178, 60), width=12)
    draw.line([(470, 430), (560, 720)], fill=OUTLINE, width=6)
    draw.line([(700, 420), (760, 720)], fill=OUTLINE, width=6)
    for x, y in ((520, 470), (600, 560)):
        draw.ellipse((x - 22, y - 22, x + 22, y + 22), outline=ACCENT, width=6)


def draw_desk(draw: Draw) -> None:
    draw.rectangle((150, 480, 1050, 510), fill=(160, 120, 80))  # desk top
    draw.rectangle((190, 510, 220, 700), fill=(130, 95, 60))
    draw.rectangle((980, 510, 1010, 700), fill=(130, 95, 60))
    draw.rectangle((640, 200, 960, 400), fill=OUTLINE)  # monitor, top at eye level
    draw.rectangle((660, 220, 940, 380), fill=(170, 210, 230))
    draw.rectangle((780, 400, 820, 480), fill=OUTLINE)
    draw.ellipse((380, 170, 470, 260), fill=BONE, outline=OUTLINE, width=5)  # head, level gaze
    draw.line([(425, 260), (425, 470)], fill=OUTLINE, width=14)  # upright back
    draw.line([(425, 330), (600, 470)], fill=OUTLINE, width=10)  # arm to the keyboard
    draw.line([(470, 215), (660, 290)], fill=GREEN, width=4)  # line of sight
    draw.rectangle((560, 462, 700, 480), fill=(90, 90, 90))


def draw_stretch(draw: Draw) -> None:
    draw.rounded_rectangle((200, 620, 1000, 660), radius=12, fill=GREEN)  # mat
    draw.ellipse((330, 470, 410, 550), fill=BONE, outline=OUTLINE, width=5)
    draw.line([(400, 540), (640, 600)], fill=OUTLINE, width=14)  # body lying down
    draw.line([(640, 600), (760, 470), (860, 610)], fill=OUTLINE, width=12)  # knee bent
    draw.line([(520, 570), (740, 480)], fill=OUTLINE, width=9)  # hands to the knee
    draw.arc((650, 380, 870, 560), start=200, end=330, fill=ACCENT, width=6)


@dataclass(frozen=True)
class Illustration:
    title: str
    alt: tuple[str, str]  # English, Spanish
    caption: tuple[str, str]
    draw: Callable[[Draw], None]


DRAWINGS = {
    "herniated-disc": draw_herniated_disc,
    "sciatica": draw_sciatica,
    "desk": draw_desk,
    "stretch": draw_stretch,
}

ILLUSTRATIONS = {
    key: Illustration(
        text["title"],
        (text["alt"]["en"], text["alt"]["es"]),
        (text["caption"]["en"], text["caption"]["es"]),
        DRAWINGS[key],
    )
    for key, text in read("blog/blog.toml")["illustrations"].items()
}


def load_images() -> dict[str, object]:
    """Every illustration as a stored Wagtail image, by key."""
    collection = articles_collection()
    return {
        key: drawn_image(illustration.title, collection, f"article-{key}.png", illustration.draw)
        for key, illustration in ILLUSTRATIONS.items()
    }
