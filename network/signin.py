"""Throttles on everything that checks a secret, beyond the sign-in form itself.

Wrong passwords on Wagtail's sign-in form are counted by django-axes (settings, "Sign-in"), whose
lockout answer is `lockout_response`. Two other forms would otherwise let anyone try without limit:

- Password reset (`/admin/password_reset/`) sends mail: at most `PASSWORD_RESET_RATELIMITS` requests
  per client address and per email address. Over either limit nothing is sent, and the answer is
  exactly the one every other request gets ("if that address has an account, we sent a link"), so
  the form tells nobody whether an email has an account or has been asked about.
- Wagtail's page-password form (private pages shared with a password): at most
  `PAGE_PASSWORD_RATELIMIT` tries per client address; over it, the form says to wait.

Counters live in the rate-limit cache and use the one client address (`network.client_ip`).
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext
from django_ratelimit.core import is_ratelimited
from wagtail import views as wagtail_views
from wagtail.admin.views.account import PasswordResetView
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from network.client_ip import ratelimit_key


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' backend, which needs the request to know where a sign-in comes from.

    Every sign-in form of the site (Wagtail's, Django's `AuthenticationForm`) passes the request.
    Code that authenticates without one (Django's test client `login()`, scripts) is not a sign-in
    from an address: it is left to the next backend rather than failing.
    """

    def authenticate(
        self, request: HttpRequest | None, username=None, password=None, **kwargs
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials=None
) -> HttpResponse:
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): Wagtail's sign-in
    look, how long to wait, and the way to reset a forgotten password."""
    minutes = max(int(settings.AXES_COOLOFF_TIME.total_seconds() // 60), 1)
    return render(request, "network/signin_locked_out.html", {"minutes": minutes}, status=429)


def _email_key(group: str, request: HttpRequest) -> str:
    # django-ratelimit hashes keys before they reach the cache: no address is stored.
    return request.POST.get("email", "").strip().lower()


def _reset_rate(kind: str):
    return lambda group, request: settings.PASSWORD_RESET_RATELIMITS[kind]


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, sending at most so many emails per address and per client."""

    def form_valid(self, form: Form) -> HttpResponse:
        # Both counters move on every request, so neither limit can be probed through the other.
        limited = [
            is_ratelimited(
                self.request,
                group=f"password-reset-{kind}",
                key=key,
                rate=_reset_rate(kind),
                increment=True,
            )
            for kind, key in (("address", ratelimit_key), ("email", _email_key))
        ]
        if any(limited):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


def _page_password_rate(group: str, request: HttpRequest) -> str:
    return settings.PAGE_PASSWORD_RATELIMIT


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's page-password view, with a limit on tries per client address."""
    if request.method == "POST" and is_ratelimited(
        request,
        group="page-password",
        key=ratelimit_key,
        rate=_page_password_rate,
        increment=True,
    ):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        # Unbound, so the password sent is not even compared; the reason is its one error.
        form = PasswordViewRestrictionForm(
            instance=restriction, initial={"return_url": request.POST.get("return_url", "")}
        )
        form.cleaned_data = {}
        form.add_error(None, gettext("Too many tries. Please wait a few minutes and try again."))
        action_url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, page.id]
        )
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
