"""One pagination include for every paginated list (issue 13): the article index and search."""

from pathlib import Path

from django.conf import settings
from django.core.paginator import Paginator
from django.template.loader import render_to_string

INCLUDE = "network/includes/pagination.html"


def render(page_number: int, query: str) -> str:
    page = Paginator(range(30), 10).page(page_number)
    context = {"page_obj": page, "query": query, "previous_label": "Back", "next_label": "On"}
    return render_to_string(INCLUDE, context)


def test_the_links_keep_the_search_words_and_name_the_page():
    html = render(2, "back pain & more")

    assert 'rel="prev" href="?q=back%20pain%20%26%20more&amp;page=1">Back</a>' in html
    assert 'rel="next" href="?q=back%20pain%20%26%20more&amp;page=3">On</a>' in html
    assert "Page 2 of 3" in html


def test_without_search_words_the_links_carry_only_the_page():
    html = render(1, "")

    assert 'rel="next" href="?page=2">On</a>' in html
    assert 'rel="prev"' not in html


def test_a_single_page_has_no_pagination():
    page = Paginator(range(3), 10).page(1)

    assert render_to_string(INCLUDE, {"page_obj": page}).strip() == ""


def test_the_markup_is_written_once():
    templates = Path(settings.BASE_DIR) / "templates"
    writing_it = sorted(
        str(path.relative_to(templates))
        for path in templates.rglob("*.html")
        if 'class="pagination"' in path.read_text()
    )

    assert writing_it == ["network/includes/pagination.html"]
