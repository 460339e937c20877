"""The site's own middleware: small adjustments to Django's and django-csp's."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from network.api import is_api_request


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /api/ stays a JSON 404.

    Django redirects a 404 outside the language prefixes to the same path under one when that path
    exists, and Wagtail's catch-all page route makes every path exist: an unknown API path would
    become a redirect to an HTML page.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if not is_api_request(request):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Language",))  # messages follow the language
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the Wagtail admin's own policy under /admin/.

    The site's policy (settings.CONTENT_SECURITY_POLICY, or ..._REPORT_ONLY) allows no inline
    style; Wagtail's admin widgets still set some, so the admin's (ADMIN_CONTENT_SECURITY_POLICY)
    allows inline styles, blob: images (uploads' previews) and being framed by itself (previews),
    and is sent in the same mode.
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
            and request.path_info.startswith("/admin/")
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
