"""POST data for the article editor, as the admin's JavaScript would send it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def blog_page_form_data(
    title: str, *, authors=(), related=(), action: str | None = None, **fields
) -> dict:
    data = {
        "title": title,
        "slug": fields.pop("slug", title.lower().replace(" ", "-")),
        "date": "2026-03-01",
        "introduction": "Why this matters.",
        "body": streamfield([("paragraph", rich_text("<p>Gentle exercise helps.</p>"))]),
        "authors": inline_formset([{"person": p.pk} for p in authors], min=1),
        "condition_topics": inline_formset([]),
        "service_topics": inline_formset([]),
        "related_links": inline_formset([{"target": p.pk} for p in related]),
        "centres": inline_formset([]),
        "comments": inline_formset([]),
        **fields,
    }
    form = nested_form_data(data)
    if action:
        form[action] = "1"
    return form
