from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from network import api, routing, signin, views
from network.sitemaps import TranslatedSitemap

urlpatterns = [
    # Django's own admin is not installed: every model is managed in Wagtail's admin.
    path(
        "admin/password_reset/",
        signin.ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("api/form-token/", views.form_token, name="form_token"),
    path("", include("locations.urls")),
    # Whatever else is asked under /api/ answers JSON too (after every app's endpoints).
    re_path(r"^api/(?P<path>.*)$", api.not_found),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything patients read lives under its language prefix (/en/, /es/); Wagtail's pages come last.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        signin.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's own URLs, its page view last and replaced by one that finds the page in two
    # queries (network.routing) before handing over to Wagtail's.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "network.views.page_not_found"
handler500 = "network.views.server_error"
