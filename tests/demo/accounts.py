"""The demo's accounts and how the admin answers a request it refuses."""

from django.urls import reverse

# The demo's accounts, as `load_demo` prints them.
PASSWORDS = {
    "admin": "spine-admin-demo",
    "manager": "spine-manager-demo",
    "editor": "spine-editor-demo",
    "reviewer": "spine-reviewer-demo",
    "intake": "spine-intake-demo",
}


def refused(response) -> bool:
    """Wagtail answers a refused admin request with 403 or 404, or a redirect to the admin's home
    page ("Sorry, you do not have permission") or to the sign-in page."""
    if response.status_code in (403, 404):
        return True
    return response.status_code == 302 and (
        response.url == reverse("wagtailadmin_home") or response.url.startswith("/admin/login/")
    )
