from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    """Search every live, public page in the visitor's language."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "network/search.html", {"search_query": query, "results": page_obj}
    )


@require_GET
@cache_page(60 * 60)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # The 500 template is self-contained: it must render even when the database is down.
    return render(request, "500.html", status=500)
