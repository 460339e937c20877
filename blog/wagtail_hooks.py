"""Blog admin hooks: submitting translated articles for medical review, and articles shown on
other apps' pages through the network's `page_sections` hook.

The center and home page templates call `{% page_sections page %}`; the blog answers for center
pages (the latest articles about them) and the home page (the latest articles), so that neither
the network nor the locations app imports the blog (the blog depends on both).
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage
from blog.translation_review import can_submit_translation
from blog.views import submit_translation_view
from locations.models import LocationPage
from network.caching import cached
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
    index = cached(
        f"blog-index:{page.locale_id}",
        lambda: BlogIndexPage.objects.live().filter(locale_id=page.locale_id).first(),
    )
    return SECTION_TEMPLATE, {"heading": heading, "posts": posts, "blog_index": index}


@hooks.register("register_admin_urls")
def translation_review_urls() -> list:
    return [
        path(
            "blog/translations/<int:page_id>/submit/",
            submit_translation_view,
            name="blog_submit_translation",
        )
    ]


def submit_translation_button(page: Page, user, view_name=None, next_url=None):
    """ "Submit translation for medical review" on translated articles the user may edit."""
    if page.specific_class is BlogPage and can_submit_translation(page, user):
        yield ListingButton(
            _("Submit translation for medical review"),
            reverse("blog_submit_translation", args=[page.pk]),
            priority=61,
            icon_name="resubmit",
        )


hooks.register("register_page_header_buttons", submit_translation_button)
hooks.register("register_page_listing_more_buttons", submit_translation_button)
