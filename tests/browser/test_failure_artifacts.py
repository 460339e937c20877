"""The hook that keeps a failed browser test's screenshot and HTML (tests/conftest.py)."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import Page

from tests.conftest import keep_failure_artifacts

pytestmark = pytest.mark.browser


def report(when: str, failed: bool) -> SimpleNamespace:
    return SimpleNamespace(when=when, failed=failed)


def test_a_failed_browser_test_leaves_its_screenshot_and_html(
    page: Page, request: pytest.FixtureRequest, tmp_path, monkeypatch
):
    monkeypatch.setattr(request.config.option, "browser_artifacts", str(tmp_path / "kept"))
    page.set_content("<main><h1>Where it went wrong</h1></main>")
    item = request.node

    assert keep_failure_artifacts(item, report("call", failed=False)) == []
    assert keep_failure_artifacts(item, report("setup", failed=True)) == []
    assert not (tmp_path / "kept").exists()

    screenshot, html = keep_failure_artifacts(item, report("call", failed=True))

    stem = "test_a_failed_browser_test_leaves_its_screenshot_and_html-chromium"
    assert (screenshot, html) == (
        tmp_path / "kept" / f"{stem}.png",
        tmp_path / "kept" / f"{stem}.html",
    )
    assert screenshot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "<h1>Where it went wrong</h1>" in html.read_text()
