"""The site chrome (locale, menus, language switcher, hreflang alternates, home and appointment
links), computed once per site and language and kept until the content changes (network.caching).

Without this, every page view re-read the same dozen rows: the locale (eight times), the menus
and their pages, the home page's and the page's translations.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, Site

from network.caching import active_locale, cached, site_for_request
from network.localization import localized
from network.models import NavigationMenu, NetworkSettings


def localized_root(site: Site) -> Page:
    """The site's home page in the active language (itself when not translated)."""
    return cached(
        f"root:{site.pk}:{translation.get_language()}",
        lambda: Page.objects.get(pk=site.root_page_id).localized,
    )


def menu_items(request: HttpRequest | None, name: str) -> list[dict[str, str]]:
    """The named menu's links ({"url", "label"}) in the active language, falling back to the
    default language's menu; each linked page in the visitor's language when translated."""
    site = site_for_request(request)
    return cached(
        f"menu:{site.pk if site else 0}:{translation.get_language()}:{name}",
        lambda: _menu_items(request, name),
    )


def _menu_items(request: HttpRequest | None, name: str) -> list[dict[str, str]]:
    locale = active_locale()
    menus = {
        m.locale_id: m
        for m in NavigationMenu.objects.filter(
            name=name, locale__language_code__in=[locale.language_code, settings.LANGUAGE_CODE]
        )
    }
    menu = menus.get(locale.pk) or next(iter(menus.values()), None)
    items = []
    if menu:
        links = list(menu.items.select_related("link_page"))
        pages = localized(
            [item.link_page for item in links if item.link_page_id],
            locale,
            queryset=Page.objects.live(),
        )
        targets = iter(pages)
        for item in links:
            if item.link_page_id:
                target = next(targets)
                if target.live:
                    items.append(
                        {"url": target.get_url(request), "label": item.label or target.title}
                    )
            elif item.link_url:
                items.append({"url": item.link_url, "label": item.label or item.link_url})
    return items


def translation_urls(request: HttpRequest | None, page: Page) -> dict[str, str]:
    """This page's live, public translations' URLs by language code (the language switcher and
    the hreflang links)."""
    site = site_for_request(request)
    return cached(
        f"translations:{site.pk if site else 0}:{page.translation_key}",
        lambda: {
            p.locale.language_code: p.get_url(request)
            for p in page.get_translations(inclusive=True).live().public().select_related("locale")
        },
    )


def home_translation_urls(request: HttpRequest | None) -> dict[str, str]:
    """The site's home page in every language it is published in."""
    site = site_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return {}
    return cached(
        f"home-translations:{site.pk}",
        lambda: translation_urls(request, Page.objects.get(pk=site.root_page_id)),
    )


def localized_home_url(request: HttpRequest | None) -> str:
    site = site_for_request(request)
    if site is None:
        return "/"
    return cached(
        f"home-url:{site.pk}:{translation.get_language()}",
        lambda: localized_root(site).get_url(request) or "/",
    )


def appointment_page_url(request: HttpRequest) -> str:
    """The page every "Request an appointment" button opens, in the visitor's language ("" when
    none is chosen); callers may append `?location=<page id>`."""
    site = site_for_request(request)
    return cached(
        f"appointment-url:{site.pk if site else 0}:{translation.get_language()}",
        lambda: _appointment_page_url(request),
    )


def _appointment_page_url(request: HttpRequest) -> str:
    page = NetworkSettings.for_request(request).appointment_page
    return (page.localized.get_url(request) or "") if page else ""


def localized_page(page: Page | None) -> Page | None:
    """`page.localized` (its live translation in the visitor's language, else itself) without
    two queries per call: the footer's legal pages and the finder links use it on every page."""
    if page is None:
        return None
    return cached(f"localized:{page.pk}:{translation.get_language()}", lambda: page.localized)
