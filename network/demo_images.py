"""Pictures the demos draw with Pillow when they load, stored as Wagtail images.

The demo ships no image files and fetches none: each picture is a few flat shapes drawn by an
app's demo module, original to this project, and stored in that app's collection, where the
groups' image rights for that app apply. Idempotent: an image already stored under its title in
the collection is reused as it is, so reloading the demo neither redraws nor duplicates it.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Collection

# 8:5, the ratio the article heroes and the center photos are cropped to.
SIZE = (1200, 750)
BACKGROUND = (236, 244, 247)

Draw = ImageDraw.ImageDraw


def render_png(
    draw: Callable[[Draw], None], size: tuple[int, int] = SIZE, background=BACKGROUND
) -> bytes:
    """The picture `draw` paints on a blank canvas, as PNG bytes."""
    picture = PillowImage.new("RGB", size, background)
    draw(ImageDraw.Draw(picture))
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def drawn_image(
    title: str, collection: Collection, filename: str, draw: Callable[[Draw], None]
) -> AbstractImage:
    """The image stored as `title` in `collection`; drawn with `draw` and stored when missing."""
    Image = get_image_model()
    image = Image.objects.filter(title=title, collection=collection).first()
    if image is None:
        image = Image(title=title, collection=collection)
        image.file = ImageFile(BytesIO(render_png(draw)), name=filename)
        image.save()
    return image
