"""The site's own middleware: small adjustments to Django's and django-csp's."""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from network.api import is_api_request

ADMIN_PREFIX = "/admin/"


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /api/ or /admin/ stays a 404.

    Django redirects a 404 outside the language prefixes to the same path under one when that path
    exists, and Wagtail's catch-all page route makes every path exist: an unknown API path would
    become a redirect to an HTML page, and an admin object another user may not see (an appointment
    request of another center) a redirect to a page that does not exist.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not (is_api_request(request) or request.path.startswith(ADMIN_PREFIX)):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language",))  # messages follow the language
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


def tile_origin(url: str) -> str:
    """The origin that serves a tile URL template, as a CSP source: `{s}` (Leaflet's subdomain
    placeholder) in the host becomes a wildcard; the path and its `{z}/{x}/{y}` are dropped."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own policies under /admin/.

    The site's policy (settings.CONTENT_SECURITY_POLICY, or ..._REPORT_ONLY when CSP_REPORT_ONLY
    is set) allows no inline code. Wagtail's admin still sets inline styles, and for signed-in
    users renders inline scripts in its widgets and panels, so ADMIN_CONTENT_SECURITY_POLICY has
    two policies, sent in the same mode as the site's: "SIGNED_IN", which allows both, and
    "ANONYMOUS" (the sign-in, password-reset and lockout pages anyone can open), which keeps
    scripts to the admin's own files. Previews of site pages may be framed by the admin. When
    the network configures its own tile server (MAP_TILE_URL), site pages may show its images;
    without it, no other host's images.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        setting = (
            "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        )
        if (
            parts.config is None
            and getattr(settings, setting, None)
            and request.path_info.startswith(ADMIN_PREFIX)
        ):
            user = getattr(request, "user", None)
            audience = "SIGNED_IN" if user is not None and user.is_authenticated else "ANONYMOUS"
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY[audience]["DIRECTIVES"]
        elif settings.MAP_TILE_URL and not request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), "img-src": [tile_origin(settings.MAP_TILE_URL)]}
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview by sending a stand-in request for the page's own URL
            # through the middleware; the page editor shows it in a frame of the admin.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
