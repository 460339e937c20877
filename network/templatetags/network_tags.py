"""Template tags for the site chrome: menus, language switcher, hreflang alternates."""

from django import template
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from network.models import NavigationMenu

register = template.Library()


@register.inclusion_tag("network/tags/menu.html", takes_context=True)
def menu(context, name: str) -> dict:
    """Render the named menu in the current language, falling back to the default language."""
    locale = Locale.get_active()
    menu = (
        NavigationMenu.objects.filter(name=name, locale=locale).first()
        or NavigationMenu.objects.filter(name=name, locale=Locale.get_default()).first()
    )
    items = []
    if menu:
        for item in menu.items.select_related("link_page"):
            if item.link_page_id:
                target = item.link_page.specific.localized
                if not target.live:
                    continue
                items.append(
                    {
                        "url": target.get_url(context.get("request")),
                        "label": item.label or target.title,
                    }
                )
            elif item.link_url:
                items.append({"url": item.link_url, "label": item.label or item.link_url})
    return {"name": name, "items": items, "request": context.get("request")}


def _translations(page: Page) -> list[Page]:
    return list(page.get_translations(inclusive=True).live().public().select_related("locale"))


@register.inclusion_tag("network/tags/language_switcher.html", takes_context=True)
def language_switcher(context, page: Page) -> dict:
    """Link each language to this page's translation, or to that language's home page."""
    request = context.get("request")
    current = translation.get_language()
    by_language = {p.locale.language_code: p for p in _translations(page)}
    site = Site.find_for_request(request) if request else None
    links = []
    for code, name in _languages():
        target = by_language.get(code)
        if target is None and site is not None:
            root = (
                site.root_page.get_translations(inclusive=True)
                .filter(locale__language_code=code)
                .first()
            )
            target = root
        if target is None:
            continue
        links.append(
            {"code": code, "name": name, "url": target.get_url(request), "current": code == current}
        )
    return {"links": links}


@register.inclusion_tag("network/tags/hreflang.html", takes_context=True)
def hreflang_links(context, page: Page) -> dict:
    request = context.get("request")
    if not isinstance(page, Page) or not page.id:
        return {"links": []}
    links = [
        {"code": p.locale.language_code, "url": p.get_full_url(request)}
        for p in _translations(page)
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_home_url(context) -> str:
    request = context.get("request")
    site = (
        Site.find_for_request(request)
        if request
        else Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return "/"
    return site.root_page.localized.get_url(request) or "/"


def _languages() -> list[tuple[str, str]]:
    from django.conf import settings

    return list(settings.WAGTAIL_CONTENT_LANGUAGES)


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
