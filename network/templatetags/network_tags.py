"""Template tags for the site chrome: menus, language switcher, hreflang alternates."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from network.localization import localized
from network.models import NavigationMenu

register = template.Library()

# The escapes of Django's `json_script`: no "</script>" or "<!--" can end the element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict) -> SafeString:
    """Structured data for search engines as `<script type="application/ld+json">`, escaped like
    `json_script` (centers, articles, and any page that has some)."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),
    )


@register.inclusion_tag("network/tags/menu.html", takes_context=True)
def menu(context, name: str) -> dict:
    """Render the named menu in the current language, falling back to the default language.

    Each linked page is shown in the visitor's language when it has a live translation there
    (else as linked), all resolved in one query however many links the menu has."""
    request = context.get("request")
    locale = Locale.get_active()
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
    return {"name": name, "items": items, "request": request}


def _translations(page: Page) -> dict[str, Page]:
    """This page's live, public translations by language code, fetched once per page object
    (the language switcher and the hreflang links both need them)."""
    cached = getattr(page, "_network_translations", None)
    if cached is None:
        cached = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
        page._network_translations = cached
    return cached


def _site(request: HttpRequest | None) -> Site | None:
    if request is not None:
        return Site.find_for_request(request)
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


@register.inclusion_tag("network/tags/language_switcher.html", takes_context=True)
def language_switcher(context, page: Page | None = None) -> dict:
    """Link each language to this page's translation, or to that language's home page.

    Pages without a translation (and views that are not pages, such as search or a 404) fall
    back to the home page in the other language, so the switcher never leads to a missing page.
    """
    request = context.get("request")
    current = translation.get_language()
    by_language = _translations(page) if isinstance(page, Page) and page.id else {}
    site = _site(request)
    homes = _translations(site.root_page) if site else {}
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        target = by_language.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            {"code": code, "name": name, "url": target.get_url(request), "current": code == current}
        )
    return {"links": links}


@register.inclusion_tag("network/tags/hreflang.html", takes_context=True)
def hreflang_links(context, page: Page) -> dict:
    """`<link rel="alternate" hreflang>` for every translation, plus x-default (the default
    language), so search engines show each visitor the page in their language."""
    request = context.get("request")
    if not isinstance(page, Page) or not page.id:
        return {"links": []}
    by_language = _translations(page)
    if len(by_language) < 2:
        return {"links": []}
    links = [{"code": code, "url": p.get_full_url(request)} for code, p in by_language.items()]
    if settings.LANGUAGE_CODE in by_language:
        default_url = by_language[settings.LANGUAGE_CODE].get_full_url(request)
        links.append({"code": "x-default", "url": default_url})
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_home_url(context) -> str:
    request = context.get("request")
    site = _site(request)
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"


@register.simple_tag(takes_context=True)
def page_sections(context, page: Page) -> SafeString:
    """Render what other apps add to a page through the `page_sections` hook.

    An app that must not be imported by this page's app (blog posts on a centre page, latest
    articles on the home page) registers `fn(page, request) -> (template_name, context) | None`.
    """
    request = context.get("request")
    html = []
    for section in hooks.get_hooks("page_sections"):
        result = section(page, request)
        if result is not None:
            template_name, section_context = result
            html.append(render_to_string(template_name, section_context, request=request))
    return mark_safe("".join(html))


@register.filter
def search_kind(page: Page) -> str:
    """What a search result is, for the patient: "Article", "Center", "Page"... (a page model's
    `search_kind`, else its verbose name)."""
    return capfirst(getattr(page, "search_kind", page._meta.verbose_name))
