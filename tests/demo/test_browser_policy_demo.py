"""Every page of the demo, in both languages, under the Content-Security-Policy: no inline script,
style or event handler (JSON-LD and json_script blocks are data and may stay)."""

from html.parser import HTMLParser

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, style blocks and attributes,
    event-handler attributes and javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.blocked: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        is_data = values.get("type") in DATA_SCRIPT_TYPES
        if tag == "script" and "src" not in values and not is_data:
            self.blocked.append(f"inline <script type={values.get('type')!r}>")
        if tag == "style":
            self.blocked.append("<style> block")
        for name, value in attrs:
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=...>")
            if name == "style":
                self.blocked.append(f"<{tag} style=...>")
            if value and value.strip().lower().startswith("javascript:"):
                self.blocked.append(f"<{tag} {name}=javascript:...>")


def test_no_demo_page_needs_inline_code(client, demo):
    paths = [page.url for page in Page.objects.live().public().specific() if page.url]
    paths += [
        "/en/locations/?q=78701",
        "/es/centros/?lat=30.27&lon=-97.74",
        "/en/search/?q=sciatica",
        "/en/health-articles/?q=back",
        "/en/nowhere/",
    ]
    assert len(paths) > 80  # both languages, every centre and article

    for path in paths:
        response = client.get(path)
        assert response.status_code in {200, 404}, path
        directives = [part.strip() for part in response["Content-Security-Policy"].split(";")]
        assert "script-src 'self'" in directives, path
        parser = InlineCode()
        parser.feed(response.text)
        assert parser.blocked == [], path
