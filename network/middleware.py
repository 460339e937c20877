"""The site's own middleware: small adjustments to Django's."""

from django.http import HttpRequest, HttpResponse
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
