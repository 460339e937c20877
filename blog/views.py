"""Admin view of the blog: submitting an article's translation for medical review."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages

from blog.models import BlogPage
from blog.translation_review import can_submit_translation, submit_translation


def submit_translation_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """Confirm (GET), then save the translation as a draft and submit it for review (POST)."""
    page = get_object_or_404(BlogPage, pk=page_id)
    if not can_submit_translation(page, request.user):
        raise PermissionDenied
    if request.method == "POST":
        submit_translation(page, request.user)
        # Named as submitted: the draft just saved may retitle a page whose row still holds the
        # title it was created or last published with.
        page.refresh_from_db()
        messages.success(
            request,
            _("'%(title)s' was submitted for medical review.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "blog/admin/submit_translation.html",
        {
            "page": page,
            "header_title": _("Submit translation for medical review"),
            "page_title": _("Submit translation for medical review"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "doc-full-inverse",
            "submit_url": reverse("blog_submit_translation", args=[page.pk]),
            "next_url": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        },
    )
