"""The project's stylesheets use only custom properties that are defined somewhere.

A renamed design token leaves its old name behind in another app's stylesheet, and the browser
then drops the whole declaration silently: the appointment form's fields lost their borders (and
became invisible boxes) when `--muted` became `--color-muted`.
"""

import re
from pathlib import Path

from django.conf import settings

STYLESHEETS = sorted(
    path
    for path in Path(settings.BASE_DIR).glob("*/static/**/*.css")
    if not path.is_relative_to(Path(settings.BASE_DIR) / "staticfiles")
)


def test_every_custom_property_used_is_defined():
    defined: set[str] = set()
    used: dict[str, set[str]] = {}
    for path in STYLESHEETS:
        text = path.read_text(encoding="utf-8")
        defined |= set(re.findall(r"(--[\w-]+)\s*:", text))
        for name in re.findall(r"var\(\s*(--[\w-]+)", text):
            used.setdefault(name, set()).add(path.name)

    assert len(STYLESHEETS) >= 3
    undefined = {name: files for name, files in used.items() if name not in defined}
    assert undefined == {}
