"""Photos for the demo centers: a building's facade drawn with Pillow when the demo loads.

Every center gets its own picture, original to this project: the wall, the awning and the number
of stories vary from one center to the next, so that neighboring cards in the finder do not look
alike. Stored by `network.demo_images` in the "Centers" collection, where the center roles' image
rights apply. The description says what the drawing shows, in English and Spanish.
"""

from __future__ import annotations

from functools import partial

from locations.permissions import CENTERS_COLLECTION
from network.demo_images import SIZE, Draw, drawn_image
from network.roles import app_collection

# (English, Spanish, RGB)
WALLS = [
    ("sand", "arena", (222, 205, 170)),
    ("brick red", "rojo ladrillo", (178, 92, 72)),
    ("pale gray", "gris claro", (200, 204, 208)),
    ("cream", "crema", (240, 230, 205)),
    ("sage green", "verde salvia", (170, 190, 160)),
    ("light blue", "azul claro", (175, 200, 220)),
]
AWNINGS = [
    ("teal", "verde azulado", (30, 120, 130)),
    ("navy blue", "azul marino", (40, 60, 110)),
    ("orange", "naranja", (220, 120, 50)),
    ("green", "verde", (70, 130, 80)),
    ("burgundy", "granate", (120, 40, 60)),
]
STORIES = {2: ("two", "dos"), 3: ("three", "tres"), 4: ("four", "cuatro")}
SKY = (214, 234, 245)
SIDEWALK = (190, 190, 185)
GLASS = (120, 160, 190)
FRAME = (60, 70, 80)
TRUNK = (120, 85, 55)
LEAVES = (80, 140, 90)


def _variant(number: int) -> tuple[tuple, tuple, int]:
    return WALLS[number % len(WALLS)], AWNINGS[number % len(AWNINGS)], 2 + number % 3


def draw_facade(draw: Draw, number: int) -> None:
    """A street front: the building, its entrance with a ramp and an awning, a tree or two."""
    (_, _, wall), (_, _, awning), stories = _variant(number)
    width, height = SIZE
    draw.rectangle((0, 0, width, height), fill=SKY)
    ground = 640
    draw.rectangle((0, ground, width, height), fill=SIDEWALK)
    left, right, floor, street_floor = 240, 960, 130, 180
    top = ground - street_floor - (stories - 1) * floor - 20
    draw.rectangle((left, top, right, ground), fill=wall, outline=FRAME, width=4)
    draw.rectangle((left - 20, top - 24, right + 20, top), fill=FRAME)  # cornice
    columns = 4 + number % 3
    step = (right - left) // columns
    for story in range(1, stories):
        y = ground - street_floor - (story - 1) * floor - 110
        for column in range(columns):
            x = left + column * step + step // 2
            draw.rectangle((x - 30, y, x + 30, y + 80), fill=GLASS, outline=FRAME, width=4)
    # The entrance: a glass door under the awning, a ramp beside the step, shop windows around it.
    middle = (left + right) // 2
    draw.rectangle(
        (middle - 50, ground - 150, middle + 50, ground), fill=GLASS, outline=FRAME, width=5
    )
    draw.line([(middle, ground - 150), (middle, ground)], fill=FRAME, width=4)
    draw.polygon(
        [(middle - 110, ground - 170), (middle + 110, ground - 170), (middle + 140, ground - 200),
         (middle - 140, ground - 200)],
        fill=awning,
    )  # fmt: skip
    draw.polygon(
        [(middle + 50, ground), (middle + 230, ground), (middle + 50, ground - 18)], fill=FRAME
    )
    for x in (left + 40, right - 200):
        draw.rectangle((x, ground - 140, x + 160, ground - 40), fill=GLASS, outline=FRAME, width=4)
    draw.rectangle((left + 40, ground - 165, right - 40, ground - 150), fill=awning)  # sign band
    for x in (110, 1090)[: 1 + number % 2]:
        draw.rectangle((x - 10, ground - 120, x + 10, ground + 20), fill=TRUNK)
        draw.ellipse((x - 70, ground - 260, x + 70, ground - 100), fill=LEAVES)


def alt_texts(number: int) -> tuple[str, str]:
    """What the drawing of center `number` shows, in English and Spanish."""
    (wall_en, wall_es, _), (awning_en, awning_es, _), stories = _variant(number)
    stories_en, stories_es = STORIES[stories]
    return (
        f"Drawing of a {stories_en}-story {wall_en} building with a {awning_en} awning over its "
        "glass entrance and a ramp beside the step.",
        f"Dibujo de un edificio de {stories_es} plantas, de color {wall_es}, con un toldo "
        f"{awning_es} sobre la entrada de vidrio y una rampa junto al escalón.",
    )


def centre_photo(title: str, slug: str, number: int):
    """The stored drawing of center `number` of the demo (drawn and stored when missing)."""
    return drawn_image(
        f"Illustration: the {title} center",
        app_collection(CENTERS_COLLECTION),
        f"center-{slug}.png",
        partial(draw_facade, number=number),
    )
