"""The editorial journey on the demo, in Chromium: a marketing editor writes an article with an
image and two related articles and submits it; the medical reviewer approves it and it is live
with its links; then its Spanish translation is made with wagtail-localize, reviewed the same way
and live in Spanish."""

import io
import re
import uuid

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from tests.browser.journeys import sign_in

pytestmark = pytest.mark.browser

RELATED_ES = [
    "Ciática: por qué le duele la pierna si el problema está en la espalda",
    "Qué ocurre en su primera visita de fisioterapia",
]
RELATED = [
    "Sciatica: why your leg hurts when the problem is in your back",
    "What happens at your first physical therapy visit",
]


def png(color: str) -> bytes:
    """A picture of one color: a new color is a new file, which Wagtail takes as no duplicate."""
    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), color).save(buffer, "PNG")
    return buffer.getvalue()


def chooser(page: Page, opener: Locator) -> Locator:
    """Open a chooser; its modal."""
    opener.click()
    modal = page.locator(".modal-dialog")
    expect(modal).to_be_visible()
    return modal


def approve(reviewer: Page, title: str) -> None:
    """The medical reviewer approves the article from their dashboard's "Awaiting your review"."""
    reviewer.goto(reviewer.url.split("/admin/")[0] + "/admin/")
    awaiting = reviewer.locator(
        "section", has=reviewer.get_by_role("heading", name="Awaiting your review")
    )
    row = awaiting.get_by_role("row").filter(has_text=title)
    row.get_by_role("button").last.click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(row).to_have_count(0)


def reviewed(demo_server, slug: str) -> tuple[bool, str | None]:
    """Whether the article is live, and the name of the reviewer its approval recorded."""
    [(live, reviewer)] = demo_server.rows(
        "SELECT p.live, person.name FROM wagtailcore_page p"
        " JOIN blog_blogpage b ON b.page_ptr_id = p.id"
        " LEFT JOIN network_person person ON person.id = b.reviewer_id WHERE p.slug = %s",
        slug,
    )
    return bool(live), reviewer


def test_an_article_goes_through_medical_review_in_english_then_in_spanish(
    demo_server, new_context
):
    tag = uuid.uuid4().hex[:6]
    title = f"Stretching at your desk, part {tag}"
    slug = f"stretching-at-your-desk-part-{tag}"
    alt = "A person stretching their neck at a desk."
    introduction = "Three stretches that take a minute each."
    paragraph = "Roll your shoulders back ten times, slowly."
    spanish = {
        title: f"Estiramientos en su escritorio, parte {tag}",
        alt: "Una persona estira el cuello en su escritorio.",
        introduction: "Tres estiramientos de un minuto cada uno.",
        paragraph: "Gire los hombros hacia atrás diez veces, despacio.",
        slug: f"estiramientos-en-su-escritorio-parte-{tag}",
    }
    [(index_id,)] = demo_server.rows(
        "SELECT id FROM wagtailcore_page WHERE url_path LIKE %s", "%/health-articles/"
    )
    [(spanish_index_id,)] = demo_server.rows(
        "SELECT id FROM wagtailcore_page WHERE url_path LIKE %s", "%/articulos-de-salud/"
    )
    editor = new_context(viewport={"width": 1400, "height": 1000}).new_page()
    sign_in(editor, demo_server, "editor")
    editor.goto(f"{demo_server.url}/admin/pages/{index_id}/add_subpage/")
    editor.get_by_role("textbox", name="Title*").fill(title)

    modal = chooser(editor, editor.get_by_role("button", name="Choose person"))
    modal.get_by_role("link", name="Dr. Marcus Bell").click()
    expect(modal).to_be_hidden()

    modal = chooser(editor, editor.get_by_role("button", name="Choose an image"))
    modal.get_by_role("tab", name="Upload").click()
    modal.get_by_label("Title").fill(f"Desk stretch {tag}")
    modal.get_by_label("File").set_input_files(
        files=[{"name": f"desk-{tag}.png", "mimeType": "image/png", "buffer": png(f"#{tag}")}]
    )
    modal.get_by_role("button", name="Upload").click()
    expect(modal).to_be_hidden()
    editor.get_by_role("textbox", name="Hero image alt text").fill(alt)
    editor.get_by_role("textbox", name="Introduction*").fill(introduction)

    editor.get_by_role("button", name="Insert a block").first.click()
    editor.get_by_role("option", name="Paragraph").click()
    body = editor.locator("[contenteditable=true][role=textbox]").first
    body.click()
    body.type(paragraph)

    for related in RELATED:
        editor.get_by_role("button", name="Add Related articles").click()
        modal = chooser(editor, editor.get_by_role("button", name="Choose a page").last)
        modal.get_by_role("textbox", name="Search term").fill(related.split(":")[0])
        modal.get_by_role("link", name=related).click()
        expect(modal).to_be_hidden()

    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Medical review").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")
    row = editor.get_by_role("row").filter(has=editor.get_by_role("link", name=title))
    expect(row).to_contain_text(re.compile("in moderation", re.IGNORECASE))

    patient = new_context().new_page()
    assert patient.goto(f"{demo_server.url}/en/health-articles/{slug}/").status == 404

    reviewer = new_context(viewport={"width": 1400, "height": 1000}).new_page()
    sign_in(reviewer, demo_server, "reviewer")
    approve(reviewer, title)
    assert reviewed(demo_server, slug) == (True, "Dr. Elena Marsh")

    # Live, as a patient finds it.
    patient.goto(demo_server.url + "/en/health-articles/")
    patient.get_by_role("link", name=title).first.click()
    expect(patient.get_by_role("heading", level=1)).to_have_text(title)
    expect(patient.get_by_role("img", name=alt)).to_be_visible()
    expect(patient.locator("main")).to_contain_text(paragraph)
    read_more = patient.locator("section.related-posts .post-card__title a")
    expect(read_more.nth(0)).to_have_text(RELATED[0])
    expect(read_more.nth(1)).to_have_text(RELATED[1])
    expect(patient.locator("main")).to_contain_text("Medically reviewed by Dr. Elena Marsh")

    row.get_by_role("link", name=title).click()
    editor.locator("#w-slim-header-buttons").get_by_role("button", name="Actions").click()
    editor.get_by_role("link", name="Translate").click()
    editor.get_by_label("Español").check()
    editor.get_by_role("button", name="Submit").click()
    expect(editor.locator(".messages")).to_contain_text("submitted for translation into Español")

    # wagtail-localize's translation editor, one segment after another.
    for source, translated in spanish.items():
        if source == slug:
            editor.get_by_role("tab", name="Promote").click()
        segment = editor.locator("li.incomplete").filter(has_text=source)
        segment.get_by_role("button", name="Translate").click()
        editor.locator("li").filter(has_text=source).locator("textarea").fill(translated)
        editor.locator("li").filter(has_text=source).get_by_role("button", name="Save").click()
        expect(editor.locator("li.complete").filter(has_text=source)).to_have_count(1)

    # The translation goes to the same medical review (blog.translation_review).
    editor.goto(f"{demo_server.url}/admin/pages/{spanish_index_id}/")
    row = editor.get_by_role("row").filter(has_text=tag)
    row.get_by_role("button", name="More options").click()
    row.get_by_role("link", name="Submit translation for medical review").click()
    editor.get_by_role("button", name="Submit for medical review").click()
    expect(editor.locator(".messages")).to_contain_text(
        f"'{spanish[title]}' was submitted for medical review."
    )
    spanish_url = f"{demo_server.url}/es/articulos-de-salud/{spanish[slug]}/"
    assert patient.goto(spanish_url).status == 404

    approve(reviewer, spanish[title])
    assert reviewed(demo_server, spanish[slug]) == (True, "Dr. Elena Marsh")
    patient.goto(demo_server.url + "/es/articulos-de-salud/")
    patient.get_by_role("link", name=spanish[title]).first.click()
    expect(patient).to_have_url(spanish_url)
    expect(patient.get_by_role("heading", level=1)).to_have_text(spanish[title])
    expect(patient.get_by_role("img", name=spanish[alt])).to_be_visible()
    expect(patient.locator("main")).to_contain_text(spanish[paragraph])
    expect(read_more.nth(0)).to_have_text(RELATED_ES[0])
    expect(read_more.nth(1)).to_have_text(RELATED_ES[1])
    expect(read_more.nth(0)).to_have_attribute("href", re.compile("^/es/articulos-de-salud/"))
