"""What every JSON endpoint under /api/ shares: it answers JSON, whatever the method or path.

A client of a JSON endpoint cannot read Django's HTML pages: a POST would meet the CSRF failure
page, an unknown path the site's 404 page. So endpoints are wrapped in `json_endpoint` (GET and
HEAD; 405 with an `Allow` header otherwise; no CSRF check, since they change nothing), unknown
paths under /api/ answer `not_found`, and the error handlers answer JSON there too.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt

API_PREFIX = "/api/"
ALLOWED_METHODS = ("GET", "HEAD")


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def error(message: str, status: int, headers: dict[str, str] | None = None) -> JsonResponse:
    """`{"error": message}` with `status`: the one shape of every error under /api/."""
    return JsonResponse({"error": message}, status=status, headers=headers)


def json_endpoint(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A read-only JSON endpoint: GET and HEAD (answered like GET), 405 JSON for other methods."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in ALLOWED_METHODS:
            return error(
                gettext("This address only answers GET requests."),
                405,
                {"Allow": ", ".join(ALLOWED_METHODS)},
            )
        return view(request, *args, **kwargs)

    return wrapper


@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any other path under /api/, whatever the method."""
    return error(gettext("There is nothing at this address."), 404)


def server_error() -> JsonResponse:
    return error(gettext("Something went wrong on our side. Please try again later."), 500)
