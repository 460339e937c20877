"""The header on phones and wide screens: short, a menu button that opens the navigation (with and
without JavaScript, by keyboard), and an accessibility menu that stays on screen with every
setting on, from 320 px."""

import json
import re

import pytest
from playwright.sync_api import Browser, Page, expect

from network.models import NavigationMenu, NavigationMenuItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_HEIGHT = 844
PHONES = [320, 390]
SETTINGS = ["large-text", "high-contrast", "underline-links", "reduce-motion"]


@pytest.fixture
def header_pages(site_pages):
    """The site with a main menu in English (Spanish pages fall back to it)."""
    about = site_pages.get_children().get(slug="about-us")
    menu = NavigationMenu.objects.create(name="main", locale=site_pages.locale)
    NavigationMenuItem.objects.create(menu=menu, link_page=site_pages, locale=site_pages.locale)
    NavigationMenuItem.objects.create(
        menu=menu, link_page=about, sort_order=1, locale=site_pages.locale
    )
    return site_pages


def open_page(browser: Browser, url: str, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": PHONE_HEIGHT}, **options)
    page = context.new_page()
    page.goto(url)
    return context, page


def assert_inside_viewport(page: Page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    width = page.viewport_size["width"]
    assert box is not None, f"{selector} is not shown"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{selector}: {box} in {width} px"


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("width", PHONES)
def test_phone_header_is_short_and_its_menu_opens_by_keyboard(
    live_server, browser, header_pages, width, language
):
    context, page = open_page(browser, f"{live_server.url}/{language}/", width)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 0.15 * PHONE_HEIGHT
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    menu_button = page.locator(".site-nav__toggle")
    main_links = page.locator(".menu--main a")
    expect(menu_button).to_be_visible()
    expect(main_links.first).to_be_hidden()

    menu_button.focus()
    page.keyboard.press("Enter")
    expect(main_links.first).to_be_visible()
    expect(page.locator(".site-nav")).to_have_attribute("open", "")
    assert_inside_viewport(page, ".site-nav__panel")

    page.keyboard.press("Tab")
    expect(main_links.first).to_be_focused()
    page.keyboard.press("Escape")
    expect(main_links.first).to_be_hidden()
    expect(menu_button).to_be_focused()
    context.close()


def test_wide_header_shows_the_navigation_without_a_menu_button(live_server, page, header_pages):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/en/")

    expect(page.locator(".site-nav__toggle")).to_be_hidden()
    expect(page.get_by_role("link", name="About us")).to_be_visible()
    expect(page.get_by_role("link", name="Español")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= 130


def test_phone_menu_opens_without_javascript(live_server, browser, header_pages):
    context, page = open_page(browser, f"{live_server.url}/en/", 390, java_script_enabled=False)

    page.get_by_text("Menu").click()

    expect(page.get_by_role("link", name="About us")).to_be_visible()
    expect(page.get_by_role("link", name="Español")).to_be_visible()
    context.close()


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_accessibility_menu_stays_on_screen_with_every_setting(
    live_server, browser, header_pages, width
):
    # One context for all the settings, each stored as the accessibility menu stores it before
    # a fresh load of the page: a new context per setting (a new renderer with cold caches) cost
    # more than the checks.
    context, page = open_page(browser, f"{live_server.url}/robots.txt", width)
    for language in ["en", "es"]:
        for setting in SETTINGS:
            prefs = {"large-text": True, setting: True}
            page.evaluate("prefs => localStorage.setItem('a11y-prefs', prefs)", json.dumps(prefs))
            page.goto(f"{live_server.url}/{language}/")
            expect(page.locator("html")).to_have_class(re.compile(rf"\ba11y-{setting}\b"))
            if width in PHONES:
                page.locator(".site-nav__toggle").click()
            page.locator(".a11y-menu__toggle").click()

            expect(page.locator("#a11y-menu-panel")).to_be_visible()
            for selector in ["#a11y-menu-panel", ".a11y-menu__toggle", "[data-a11y-reset]"]:
                assert_inside_viewport(page, selector)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, prefs
    context.close()
