"""Template tags for the site chrome: menus, language switcher, hreflang alternates, icons."""

import json
from functools import cache
from pathlib import Path

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from wagtail import hooks
from wagtail.models import Page

from network import caching, chrome
from network.text import whole_number

register = template.Library()

# The escapes of Django's `json_script`: no "</script>" or "<!--" can end the element early.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

# One SVG per service, named by the service's slug; "fallback.svg" for services without one.
SERVICE_ICONS = Path(__file__).resolve().parent.parent / "static" / "network" / "img" / "services"


@register.simple_tag
def json_ld(data: dict) -> SafeString:
    """Structured data for search engines as `<script type="application/ld+json">`, escaped like
    `json_script` (centers, articles, and any page that has some)."""
    payload = json.dumps(dict(data), cls=DjangoJSONEncoder, ensure_ascii=False)  # or lazy
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),
    )


@register.inclusion_tag("network/tags/menu.html", takes_context=True)
def menu(context, name: str) -> dict:
    """Render the named menu in the current language, falling back to the default language.

    Each linked page is shown in the visitor's language when it has a live translation there
    (else as linked); the links are computed once per language (network.chrome)."""
    request = context.get("request")
    return {"name": name, "items": chrome.menu_items(request, name), "request": request}


def _alternates(context, page: Page | None) -> dict[str, str]:
    """Where each language's version of what is on screen lives, by language code.

    A view may say so itself (`alternate_urls` in its context: a blog topic page names the same
    topic in each language); a page's are its live translations; a view that is not a page (search)
    is the same view under the other language's prefix. Nothing for anything else (a 404)."""
    alternates = context.get("alternate_urls")
    if alternates is not None:
        return dict(alternates)
    request = context.get("request")
    if isinstance(page, Page) and page.id:
        return chrome.translation_urls(request, page)
    if not isinstance(page, Page) and request is not None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return {}
        if match.url_name in VIEWS_WITH_TRANSLATED_URLS:
            return {
                code: translate_url(request.path, code)
                for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
            }
    return {}


# Views outside Wagtail's pages whose URL exists in every language (under i18n_patterns).
VIEWS_WITH_TRANSLATED_URLS = {"search"}


@register.inclusion_tag("network/tags/language_switcher.html", takes_context=True)
def language_switcher(context, page: Page | None = None) -> dict:
    """Link each language to what the visitor is looking at, in that language, keeping their
    context: the query string (a finder search, a search query, a page number) goes along.

    Where there is no such version, the link goes to that language's home page, so the switcher
    never leads to a missing page.
    """
    request = context.get("request")
    current = translation.get_language()
    alternates = _alternates(context, page)
    query = request.GET.urlencode() if request is not None else ""
    homes = chrome.home_translation_urls(request)
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        url = alternates.get(code)
        if url and query:
            url = f"{url}?{query}"
        if url is None:
            url = homes.get(code)
        if url is None:
            continue
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.inclusion_tag("network/tags/hreflang.html", takes_context=True)
def hreflang_links(context, page: Page) -> dict:
    """`<link rel="alternate" hreflang>` for every version in another language, plus x-default
    (the default language), so search engines show each visitor the page in their language.
    They match the canonical URL: a listing's page number is kept, a search's words are not."""
    request = context.get("request")
    alternates = _alternates(context, page)
    if len(alternates) < 2:
        return {"links": []}
    number = whole_number(request.GET.get("page")) if request is not None else None
    suffix = f"?page={number}" if number and number > 1 else ""

    def absolute(url: str) -> str:
        return (request.build_absolute_uri(url) if request is not None else url) + suffix

    links = [{"code": code, "url": absolute(url)} for code, url in alternates.items()]
    if settings.LANGUAGE_CODE in alternates:
        links.append({"code": "x-default", "url": absolute(alternates[settings.LANGUAGE_CODE])})
    return {"links": links}


@register.simple_tag(takes_context=True)
def localized_home_url(context) -> str:
    return chrome.localized_home_url(context.get("request"))


@register.simple_tag
def localized_page(page: Page | None) -> Page | None:
    """A page chosen in the settings, in the visitor's language (`{% localized_page p as q %}`)."""
    return chrome.localized_page(page)


@register.simple_tag(takes_context=True)
def appointment_page_url(context) -> str:
    """Where "Request an appointment" leads, in the visitor's language ("" when not set)."""
    return chrome.appointment_page_url(context.get("request"))


class PageFragmentNode(template.Node):
    def __init__(
        self, nodelist: template.NodeList, name: str, page: template.base.FilterExpression
    ):
        self.nodelist, self.name, self.page = nodelist, name, page

    def render(self, context: template.Context) -> str:
        return caching.page_fragment(
            context.get("request"),
            self.page.resolve(context),
            self.name,
            lambda: self.nodelist.render(context),
        )


@register.tag
def page_fragment(parser: template.base.Parser, token: template.base.Token) -> PageFragmentNode:
    """`{% page_fragment "name" page %}...{% endpage_fragment %}`: what is inside, rendered once
    per page revision, language and host and kept until the content changes
    (`network.caching.page_fragment`). For the parts of a page that are the same for every
    visitor: the article body, a center's details, the sections other apps add. Context that only
    the fragment reads should be lazy (SimpleLazyObject), so a kept fragment costs no query."""
    try:
        _tag, name, page = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            'page_fragment takes a quoted name and a page: {% page_fragment "body" page %}'
        ) from None
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, name.strip("\"'"), parser.compile_filter(page))


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


@cache
def _service_icon_names() -> frozenset[str]:
    # The icons ship with the app, so listing them once per process is enough.
    return frozenset(path.stem for path in SERVICE_ICONS.glob("*.svg"))


@register.filter
def service_icon(slug: str) -> str:
    """The static URL of the icon drawn for the service `slug`, or of the fallback icon (a service
    an editor adds gets an icon before anyone draws one for it)."""
    name = slug if slug in _service_icon_names() else "fallback"
    return static(f"network/img/services/{name}.svg")
