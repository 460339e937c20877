"""The hook that keeps a failed browser test's screenshot and HTML (tests/conftest.py)."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Page

from tests.conftest import keep_failure_artifacts

pytestmark = pytest.mark.browser


def report(when: str, failed: bool) -> SimpleNamespace:
    return SimpleNamespace(when=when, failed=failed)


def test_a_failed_browser_test_leaves_a_screenshot_and_the_html_of_each_page(
    page: Page, new_context, request: pytest.FixtureRequest, tmp_path, monkeypatch
):
    monkeypatch.setattr(request.config.option, "browser_artifacts", str(tmp_path / "kept"))
    page.set_content("<main><h1>Where it went wrong</h1></main>")
    other = new_context().new_page()
    other.set_content("<main><h1>The manager's side</h1></main>")
    item = request.node

    assert keep_failure_artifacts(item, report("call", failed=False)) == []
    assert keep_failure_artifacts(item, report("setup", failed=True)) == []
    assert not (tmp_path / "kept").exists()

    saved = keep_failure_artifacts(item, report("call", failed=True))

    stem = tmp_path / "kept" / (request.node.name.replace("[", "-").rstrip("]"))
    assert saved == [
        Path(f"{stem}.png"),
        Path(f"{stem}.html"),
        Path(f"{stem}-2.png"),
        Path(f"{stem}-2.html"),
    ]
    assert all(path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") for path in saved[::2])
    assert "<h1>Where it went wrong</h1>" in saved[1].read_text()
    assert "<h1>The manager's side</h1>" in saved[3].read_text()
