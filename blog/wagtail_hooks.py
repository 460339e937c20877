"""Articles shown on other apps' pages through the network's `page_sections` hook.

The centre and home page templates call `{% page_sections page %}`; the blog answers for centre
pages (their latest articles) and the home page (the latest articles) without either app
importing the blog, nor the blog importing locations.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from blog.models import CENTRE_PAGE_MODEL, BlogIndexPage, BlogPage

HOME_PAGE_MODEL = "network.HomePage"
SECTION_TEMPLATE = "blog/includes/latest_posts_section.html"


@hooks.register("page_sections")
def latest_articles(page: Page, request: HttpRequest | None) -> tuple[str, dict] | None:
    """Latest three articles on a centre page (those about it) and on the home page (all)."""
    model = page.specific_class._meta.label if page.specific_class else ""
    if model == CENTRE_PAGE_MODEL:
        heading = _("Articles about this center")
    elif model == HOME_PAGE_MODEL:
        heading = _("Latest articles")
    else:
        return None
    posts = BlogPage.latest_for(page)
    if not posts:
        return None
    index = BlogIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    return SECTION_TEMPLATE, {"heading": heading, "posts": posts, "blog_index": index}
