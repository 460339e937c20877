"""The one reader of the demo's content files, for every app's demo.

The demo's texts (pages, articles, centers, people, menus and their Spanish translations) live as
TOML files in `demo/` at the repository root, one folder per app, so editors and translators work
on text files instead of Python modules (docs/demo-content.md). Translatable text is written as a
pair, `key.en = "..."` next to `key.es = "..."`: the app demos build the English pages from the
`en` side and hand wagtail-localize the pairs (`translations`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings

CONTENT_DIR = Path(settings.BASE_DIR) / "demo"


def read(name: str) -> dict[str, Any]:
    """The content of `demo/<name>` (a TOML file), read afresh on every call."""
    with (CONTENT_DIR / name).open("rb") as file:
        return tomllib.load(file)


def read_folder(name: str) -> list[dict[str, Any]]:
    """Every TOML file of `demo/<name>/`, in file-name order (a numeric prefix sets the order)."""
    return [read(f"{name}/{path.name}") for path in sorted((CONTENT_DIR / name).glob("*.toml"))]


def translations(*content: Any) -> dict[str, str]:
    """English text -> Spanish text for every translatable text found anywhere in `content`.

    A translatable text is a table holding an `en` and an `es` string (a body block's table also
    holds its `type`). This is the mapping `network.localization.translate` takes; empty English
    texts are left out (a block left empty keeps its default wording in both languages)."""
    found: dict[str, str] = {}
    for value in content:
        if isinstance(value, dict):
            english, spanish = value.get("en"), value.get("es")
            if english and isinstance(english, str) and isinstance(spanish, str):
                found[english] = spanish
            found.update(translations(*value.values()))
        elif isinstance(value, list | tuple):
            found.update(translations(*value))
    return found


def text_blocks(body: Iterable[dict[str, Any]]) -> list[tuple[str, Any]]:
    """The English StreamField data of the body blocks every page type shares.

    A body block of the content files is a table with a `type` and its `en`/`es` text: "heading"
    becomes an h2 heading, "paragraph" a rich-text paragraph; the apps build their own types."""
    return [text_block(block) for block in body]


def text_block(block: dict[str, Any]) -> tuple[str, Any]:
    """One "heading" or "paragraph" body block as StreamField data, in English."""
    if block["type"] == "heading":
        return ("heading", {"text": block["en"], "level": "h2"})
    if block["type"] == "paragraph":
        return ("paragraph", f"<p>{block['en']}</p>")
    raise ValueError(f"Unknown body block type {block['type']!r}")
