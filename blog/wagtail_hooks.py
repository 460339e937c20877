"""Articles shown on other apps' pages through the network's `page_sections` hook.

The center and home page templates call `{% page_sections page %}`; the blog answers for center
pages (the latest articles about them) and the home page (the latest articles), so that neither
the network nor the locations app imports the blog (the blog depends on both).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage
from locations.models import LocationPage
from network.models import HomePage

SECTION_TEMPLATE = "blog/includes/latest_posts_section.html"


@hooks.register("page_sections")
def latest_articles(page: Page, request: HttpRequest | None) -> tuple[str, dict] | None:
    """Latest three articles on a centre page (those about it) and on the home page (all)."""
    if page.specific_class is LocationPage:
        heading = _("Articles about this center")
    elif page.specific_class is HomePage:
        heading = _("Latest articles")
    else:
        return None
    posts = BlogPage.latest_for(page)
    if not posts:
        return None
    index = BlogIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    return SECTION_TEMPLATE, {"heading": heading, "posts": posts, "blog_index": index}
