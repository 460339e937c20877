"""The demo's texts are data in demo/, read by one loader: no app module holds the prose.

Issue 13: editors and translators work on the TOML files of demo/ (docs/demo-content.md); the apps'
demo modules only build pages from them. These checks need no database.
"""

import ast
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

from network.demo_content import CONTENT_DIR, read, read_folder, text_blocks, translations

ROOT = Path(settings.BASE_DIR)
APPS = ("network", "locations", "blog", "appointments")
FILES = sorted(CONTENT_DIR.rglob("*.toml"))
# Longer than any label or sentence template the demo builders need; a paragraph is longer.
DEMO_MODULE_LIMIT = 80
# Longer than any help text, hint or message of the apps: a string this long is content.
APP_MODULE_LIMIT = 250


def string_literals(path: Path, *, in_f_strings: bool = True) -> list[tuple[int, str]]:
    """Every string literal of a module except docstrings, with its line; without the parts of
    f-strings when `in_f_strings` is false (markup a command assembles, such as an SVG's credit
    line, is output, not content)."""
    tree = ast.parse(path.read_text())
    skipped = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr) and not in_f_strings
        for part in node.values
    }
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings | skipped
    ]


def app_modules() -> list[Path]:
    return [
        path
        for app in APPS
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_no_app_module_holds_long_prose():
    demo_modules = [path for path in app_modules() if path.name.startswith("demo")]
    assert len(demo_modules) >= 8
    too_long = [
        f"{path.relative_to(ROOT)}:{line} ({len(text)} characters)"
        for path in app_modules()
        for line, text in string_literals(path, in_f_strings=path in demo_modules)
        if len(text) > (DEMO_MODULE_LIMIT if path in demo_modules else APP_MODULE_LIMIT)
    ]

    assert too_long == []


def test_every_content_file_parses_and_every_text_has_its_translation():
    assert {path.parent.name for path in FILES} >= {*APPS, "articles"}
    untranslated = []
    for path in FILES:
        content = tomllib.loads(path.read_text())
        for english, spanish in translations(content).items():
            if not spanish.strip() or (spanish == english and " " in english):
                untranslated.append(f"{path.relative_to(CONTENT_DIR)}: {english[:40]}")

    assert untranslated == []


def test_texts_are_read_as_english_and_spanish_pairs():
    about = read("network/pages.toml")["about"]

    assert translations(about)["about-us"] == "quienes-somos"
    assert text_blocks(about["body"])[0] == ("heading", {"text": "Our approach", "level": "h2"})
    assert text_blocks(about["body"])[1][1].startswith("<p>We start with")
    # Articles load in file-name order: the numeric prefix sets the index's featured order.
    articles = read_folder("blog/articles")
    assert articles[0]["slug"]["en"] == "therapeutic-massage-for-back-pain"
    assert len(articles) == len(list((CONTENT_DIR / "blog" / "articles").glob("*.toml")))


def test_an_unknown_body_block_is_refused():
    with pytest.raises(ValueError, match="video"):
        text_blocks([{"type": "video", "en": "x", "es": "x"}])
