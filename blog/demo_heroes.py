"""Hero pictures of the demo articles: one per article, drawn with Pillow when the demo loads.

Each is a few flat shapes on a tint of its own, original to this project, so the article list
and the shared cards tell topics apart at a glance. Stored like the body illustrations
(`network.demo_images`, "Articles" collection); the title and alt text of each, in English and
Spanish, are demo/blog/heroes.toml's, keyed by the article's English slug.
"""

from __future__ import annotations

from collections.abc import Callable

from blog.demo_images import ACCENT, BONE, DISC, GREEN, OUTLINE
from blog.workflow import articles_collection
from network.demo_content import read
from network.demo_images import SIZE, Draw, drawn_image

NERVE = (226, 178, 60)
SKIN = (226, 190, 160)
WOOD = (160, 120, 80)
WHITE = (255, 255, 255)
RED = (190, 50, 50)


def _tint(draw: Draw, colour: tuple[int, int, int]) -> None:
    draw.rectangle((0, 0, *SIZE), fill=colour)


def _vertebra(draw: Draw, x: int, y: int, scale: float = 1.0) -> None:
    """A vertebra seen from the side: a rounded body and its spine pointing right."""
    w, h = int(170 * scale), int(62 * scale)
    draw.rounded_rectangle(
        (x, y, x + w, y + h), radius=int(14 * scale), fill=BONE, outline=OUTLINE, width=5
    )
    draw.polygon(
        [(x + w, y + h // 4), (x + w + int(80 * scale), y + h // 2), (x + w, y + 3 * h // 4)],
        fill=BONE,
        outline=OUTLINE,
    )


def _person_head(draw: Draw, x: int, y: int, r: int = 45) -> None:
    draw.ellipse((x - r, y - r, x + r, y + r), fill=SKIN, outline=OUTLINE, width=5)


def massage(draw: Draw) -> None:
    _tint(draw, (242, 232, 222))
    draw.rounded_rectangle((180, 470, 1020, 520), radius=14, fill=WOOD)  # table
    for x in (240, 940):
        draw.rectangle((x, 520, x + 30, 700), fill=(130, 95, 60))
    _person_head(draw, 260, 420)
    draw.rounded_rectangle((300, 400, 900, 470), radius=30, fill=SKIN, outline=OUTLINE, width=5)
    draw.rectangle((300, 440, 900, 470), fill=(120, 170, 200))  # towel
    for x in (520, 660):  # the therapist's hands
        draw.ellipse((x, 350, x + 110, 420), fill=(200, 150, 120), outline=OUTLINE, width=4)
    for x in (560, 700):
        draw.arc((x - 40, 260, x + 60, 360), start=200, end=340, fill=ACCENT, width=6)


def sciatica(draw: Draw) -> None:
    _tint(draw, (236, 240, 250))
    _person_head(draw, 560, 130)
    draw.line([(560, 175), (560, 420)], fill=OUTLINE, width=40)  # trunk
    draw.line([(560, 420), (500, 700)], fill=OUTLINE, width=34)  # legs
    draw.line([(560, 420), (640, 700)], fill=OUTLINE, width=34)
    draw.line([(570, 380), (600, 430), (560, 480), (610, 540), (625, 690)], fill=NERVE, width=12)
    for point in ((600, 430), (610, 540)):
        draw.ellipse(
            (point[0] - 30, point[1] - 30, point[0] + 30, point[1] + 30), outline=ACCENT, width=6
        )


def herniated_disc(draw: Draw) -> None:
    _tint(draw, (232, 242, 236))
    _vertebra(draw, 330, 200, 1.8)
    draw.rounded_rectangle((350, 318, 620, 362), radius=16, fill=DISC)
    draw.ellipse((570, 305, 690, 375), fill=ACCENT)  # the bulge
    _vertebra(draw, 330, 370, 1.8)
    draw.ellipse((860, 500, 1000, 640), fill=GREEN)  # healing without surgery: a check mark
    draw.line([(890, 570), (920, 605), (975, 530)], fill=WHITE, width=14)


def desk(draw: Draw) -> None:
    _tint(draw, (238, 236, 248))
    draw.rectangle((120, 520, 1080, 550), fill=WOOD)
    draw.rectangle((500, 230, 860, 440), fill=OUTLINE)  # monitor raised on books
    draw.rectangle((520, 250, 840, 420), fill=(170, 210, 230))
    for i, colour in enumerate(((200, 90, 80), (90, 140, 190), (110, 160, 100))):
        draw.rectangle((600, 440 + i * 27, 760, 465 + i * 27), fill=colour)
    draw.ellipse((180, 160, 360, 340), fill=WHITE, outline=OUTLINE, width=6)  # a break timer
    draw.line([(270, 250), (270, 190)], fill=OUTLINE, width=6)
    draw.line([(270, 250), (320, 280)], fill=ACCENT, width=6)


def injection(draw: Draw) -> None:
    _tint(draw, (244, 238, 246))
    for i in range(5):
        _vertebra(draw, 260, 120 + i * 105, 1.1)
    draw.line([(900, 250), (560, 420)], fill=(150, 150, 160), width=6)  # needle
    draw.rounded_rectangle((880, 200, 1080, 280), radius=12, fill=WHITE, outline=OUTLINE, width=5)
    draw.rectangle((1080, 225, 1120, 255), fill=OUTLINE)
    draw.ellipse((900, 440, 1060, 600), outline=ACCENT, width=10)  # a question
    draw.arc((945, 470, 1015, 530), start=180, end=90, fill=ACCENT, width=10)
    draw.line([(980, 530), (980, 555)], fill=ACCENT, width=10)


def stenosis(draw: Draw) -> None:
    _tint(draw, (236, 246, 240))
    draw.line([(0, 650), (1200, 650)], fill=GREEN, width=20)  # a walking path
    for x in range(80, 1200, 140):
        draw.ellipse((x, 600, x + 30, 616), fill=(200, 200, 190))
    _person_head(draw, 440, 230)
    draw.line([(450, 275), (500, 470)], fill=OUTLINE, width=38)  # leaning forward a little
    draw.line([(500, 470), (450, 640)], fill=OUTLINE, width=30)
    draw.line([(500, 470), (570, 640)], fill=OUTLINE, width=30)
    draw.line([(470, 330), (640, 400)], fill=OUTLINE, width=18)  # hands on a cart
    draw.rectangle((640, 380, 900, 560), outline=OUTLINE, width=8)
    for x in (680, 860):
        draw.ellipse((x - 25, 570, x + 25, 620), fill=OUTLINE)


def ablation(draw: Draw) -> None:
    _tint(draw, (250, 240, 230))
    _vertebra(draw, 260, 220, 1.6)
    _vertebra(draw, 260, 400, 1.6)
    draw.ellipse((560, 335, 640, 405), fill=ACCENT)  # the painful joint
    draw.line([(1000, 150), (620, 360)], fill=(150, 150, 160), width=8)  # probe
    for r in (70, 110, 150):
        draw.arc((600 - r, 370 - r, 600 + r, 370 + r), start=-60, end=40, fill=NERVE, width=6)


def sport(draw: Draw) -> None:
    _tint(draw, (232, 244, 232))
    draw.ellipse((180, 300, 460, 580), fill=WHITE, outline=OUTLINE, width=8)  # a ball
    draw.arc((180, 300, 460, 580), start=300, end=60, fill=OUTLINE, width=6)
    draw.arc((180, 300, 460, 580), start=120, end=240, fill=OUTLINE, width=6)
    draw.polygon(
        [(560, 560), (560, 440), (680, 430), (760, 500), (900, 520), (920, 580)],
        fill=(90, 140, 190),
    )
    draw.rectangle((550, 580, 930, 610), fill=OUTLINE)  # a shoe's sole
    draw.rounded_rectangle(
        (840, 200, 1060, 330), radius=30, fill=(170, 210, 230), outline=OUTLINE, width=5
    )
    draw.line([(880, 265), (1020, 265)], fill=WHITE, width=8)  # an ice pack


def work(draw: Draw) -> None:
    _tint(draw, (246, 242, 228))
    draw.rectangle((0, 650, 1200, 750), fill=(200, 196, 180))
    _person_head(draw, 420, 250)
    draw.chord((360, 180, 480, 290), start=180, end=360, fill=(240, 190, 40))  # hard hat
    draw.line([(430, 295), (470, 480)], fill=OUTLINE, width=38)  # back kept straight
    draw.line([(470, 480), (560, 560), (520, 650)], fill=OUTLINE, width=30)  # knees bent
    draw.line([(470, 480), (400, 570), (420, 650)], fill=OUTLINE, width=30)
    draw.line([(450, 350), (620, 470)], fill=OUTLINE, width=18)
    draw.rectangle((600, 430, 820, 600), fill=WOOD, outline=OUTLINE, width=6)  # the box, close
    draw.line([(600, 500), (820, 500)], fill=(130, 95, 60), width=6)


def physical_therapy(draw: Draw) -> None:
    _tint(draw, (232, 240, 248))
    draw.ellipse((160, 300, 520, 660), fill=(120, 170, 200), outline=OUTLINE, width=6)  # ball
    draw.arc((200, 340, 480, 620), start=200, end=300, fill=WHITE, width=8)
    draw.arc((560, 260, 860, 640), start=100, end=260, fill=GREEN, width=20)  # band
    draw.rounded_rectangle((880, 180, 1080, 460), radius=12, fill=WHITE, outline=OUTLINE, width=6)
    draw.rectangle((940, 160, 1020, 200), fill=OUTLINE)  # clipboard clip
    for y in (250, 310, 370):
        draw.line([(910, y), (1050, y)], fill=DISC, width=8)


def chiropractic(draw: Draw) -> None:
    _tint(draw, (240, 236, 248))
    draw.rounded_rectangle((150, 500, 1050, 560), radius=18, fill=(90, 110, 140))  # table
    for x in range(300, 900, 80):
        draw.rounded_rectangle(
            (x, 400, x + 60, 450), radius=10, fill=BONE, outline=OUTLINE, width=4
        )
    draw.line([(280, 425), (920, 425)], fill=GREEN, width=4)  # alignment
    for x in (520, 620):
        draw.ellipse((x, 300, x + 110, 380), fill=(200, 150, 120), outline=OUTLINE, width=4)


def acupuncture(draw: Draw) -> None:
    _tint(draw, (246, 238, 232))
    draw.rounded_rectangle((360, 120, 840, 700), radius=160, fill=SKIN, outline=OUTLINE, width=6)
    draw.line([(600, 170), (600, 650)], fill=(200, 160, 130), width=6)  # the spine's groove
    for x, y in ((520, 300), (680, 300), (500, 440), (700, 440), (540, 570), (660, 570)):
        draw.line([(x, y), (x + 40, y - 110)], fill=(150, 150, 160), width=4)
        draw.ellipse((x + 34, y - 122, x + 48, y - 108), fill=NERVE)


def urgent_care(draw: Draw) -> None:
    _tint(draw, (250, 234, 234))
    draw.rounded_rectangle((200, 180, 560, 540), radius=40, fill=WHITE, outline=RED, width=10)
    draw.rectangle((340, 230, 420, 490), fill=RED)  # a red cross
    draw.rectangle((250, 320, 510, 400), fill=RED)
    draw.rounded_rectangle((720, 160, 940, 600), radius=30, fill=OUTLINE)  # a phone
    draw.rectangle((745, 210, 915, 520), fill=(170, 210, 230))
    for row in range(3):
        for col in range(3):
            x, y = 765 + col * 52, 260 + row * 70
            draw.ellipse((x, y, x + 36, y + 36), fill=WHITE)


DRAWINGS: dict[str, Callable[[Draw], None]] = {
    "therapeutic-massage-for-back-pain": massage,
    "sciatica-explained": sciatica,
    "herniated-disc-without-surgery": herniated_disc,
    "desk-habits-for-neck-pain": desk,
    "epidural-steroid-injections-questions": injection,
    "living-with-spinal-stenosis": stenosis,
    "radiofrequency-ablation-for-arthritis": ablation,
    "back-strain-after-sport": sport,
    "hurt-your-back-at-work": work,
    "first-physical-therapy-visit": physical_therapy,
    "chiropractic-care-what-to-know": chiropractic,
    "acupuncture-for-chronic-back-pain": acupuncture,
    "when-back-pain-needs-urgent-care": urgent_care,
}

HEROES: dict[str, dict] = read("blog/heroes.toml")


def load_heroes() -> dict[str, object]:
    """Every article's hero as a stored Wagtail image, by the article's English slug."""
    collection = articles_collection()
    return {
        slug: drawn_image(HEROES[slug]["title"], collection, f"hero-{slug}.png", draw)
        for slug, draw in DRAWINGS.items()
    }
