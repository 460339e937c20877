"""The accessibility menu driven by keyboard in Chromium, and axe on the home page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOGGLE = ".a11y-menu__toggle"


def tab_to(page: Page, selector: str, limit: int = 30) -> None:
    """Press Tab until `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_accessibility_menu_by_keyboard(live_server, page: Page, site_pages):
    page.goto(f"{live_server.url}/en/")
    html = page.locator("html")
    toggle = page.locator(TOGGLE)
    panel = page.locator("#a11y-menu-panel")
    larger = page.locator('[data-a11y-option="large-text"]')
    status = page.locator("[data-a11y-status]")

    tab_to(page, TOGGLE)
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(panel).to_be_hidden()

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(panel).to_be_visible()
    expect(larger).to_be_focused()

    page.keyboard.press("Space")
    expect(html).to_have_class(re.compile(r"\ba11y-large-text\b"))
    expect(larger).to_have_attribute("aria-pressed", "true")
    expect(status).to_have_text("Larger text: on")

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # high contrast
    expect(html).to_have_class(re.compile(r"\ba11y-high-contrast\b"))

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(panel).to_be_hidden()
    expect(toggle).to_be_focused()

    # Remembered: applied by preload.js in <head> before first paint, even without site.js.
    page.route("**/site.js", lambda route: route.abort())
    page.reload()
    expect(html).to_have_class(re.compile(r"\ba11y-large-text\b.*\ba11y-high-contrast\b"))
    page.unroute("**/site.js")
    page.reload()
    expect(larger).to_have_attribute("aria-pressed", "true")
    expect(page.locator('[data-a11y-option="underline-links"]')).to_have_attribute(
        "aria-pressed", "false"
    )

    # Pressing the option again turns it off and says so.
    toggle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    expect(html).not_to_have_class(re.compile(r"\ba11y-large-text\b"))
    expect(status).to_have_text("Larger text: off")


def test_accessibility_menu_speaks_spanish(live_server, page: Page, site_pages):
    page.goto(f"{live_server.url}/es/")

    page.locator(TOGGLE).click()
    page.locator('[data-a11y-option="reduce-motion"]').click()

    expect(page.locator("html")).to_have_class(re.compile(r"\ba11y-reduce-motion\b"))
    expect(page.locator("[data-a11y-status]")).to_have_text("Reducir el movimiento: activado")


def test_skip_link_moves_focus_to_the_main_content(live_server, page: Page, site_pages):
    page.goto(f"{live_server.url}/en/")

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()


def test_page_is_usable_without_javascript(live_server, browser, site_pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")

    expect(page.locator(TOGGLE)).to_be_hidden()
    expect(page.locator("h1")).to_have_text("Relief for your back, close to home")
    # The header and the home page's hero both offer it; the header's comes first.
    page.get_by_role("link", name="Request an appointment").first.click()
    expect(page).to_have_url(f"{live_server.url}/en/about-us/")
    context.close()


@pytest.mark.parametrize("path", ["/en/", "/es/"])
def test_home_page_has_no_serious_axe_violations(live_server, page: Page, site_pages, path):
    page.goto(f"{live_server.url}{path}")

    results = Axe().run(page)

    serious = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} elements)"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == []
