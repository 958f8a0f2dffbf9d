"""The "Your details" form in real Chromium: filled once, shown in every template.

The reader fills the form on the templates page; every template there and in
a guide shows the details, the copy button copies them, an empty field stays
a marked [bracket], Clear restores the brackets, and a reload keeps them.
Without JavaScript the templates show their brackets. Markup typed into a
field, or imported from a file, is shown as text and runs nothing.
"""

from __future__ import annotations

import json

from checklist_pages import STORAGE_FULL, export_file, storage_key
from layout_shifts import layout_shift, load_with_a_slow_script
from playwright.sync_api import expect

TEMPLATES = "templates/"
GUIDE = "guides/ask-for-feedback/"
DETAILS = {
    "Your name": "Ana Diaz",
    "Their name": "Sam Lee",
    "Job title": "Data analyst",
    "Organization": "Northwind",
    "One thing I learned": "how your team plans its releases",
}
EMPTY = "Interview date"
HOSTILE = "<img src=x onerror=alert(1)>"
TRANSPARENT = "rgba(0, 0, 0, 0)"


def placeholders(page, name):
    """The texts of the marked placeholders that the field `name` fills, in page order."""
    field = {"Your name": "you", "Their name": "them", "Interview date": "date"}[name]
    return page.locator(f"pre code .nr-ph[data-nr-ph={field}]").all_inner_texts()


def background(locator):
    """The background colour the placeholder `locator` shows."""
    return locator.evaluate("node => getComputedStyle(node).backgroundColor")


def code_text(page):
    """All the text of the page's code blocks."""
    return "\n".join(page.locator("pre code").all_inner_texts())


def fill_details(page, details):
    """Type each detail key by key, as a reader does (spaces between words included)."""
    for label, text in details.items():
        page.get_by_label(label, exact=True).press_sequentially(text)


def test_details_fill_every_template_copy_survive_a_reload_and_clear(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url + TEMPLATES)
    fill_details(page, DETAILS)
    names = placeholders(page, "Your name")
    assert len(names) >= 10 and set(names) == {"Ana Diaz"}
    assert set(placeholders(page, "Their name")) == {"Sam Lee"}
    for label in DETAILS:
        assert f"[{label}]" not in code_text(page)
    empty = page.locator("pre code .nr-ph[data-nr-ph=date]").first
    expect(empty).to_have_text(f"[{EMPTY}]")
    assert background(empty) != TRANSPARENT, "an empty placeholder stays highlighted"
    assert background(page.locator("pre code .nr-ph[data-nr-ph=you]").first) == TRANSPARENT

    first = page.locator(".highlight").first
    first.hover()
    first.get_by_title("Copy to clipboard").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Dear Sam Lee," in copied and copied.rstrip().endswith("Ana Diaz")
    assert "especially how your team plans its releases." in copied
    assert "[Their subject line]" in copied and "<span" not in copied

    page.goto(server.url + GUIDE)
    assert set(placeholders(page, "Your name")) == {"Ana Diaz"}
    assert "[Organization]" not in code_text(page) and "Northwind" in code_text(page)
    link = page.get_by_role("link", name="Fill in your details").first
    link.click()
    expect(page.get_by_label("Your name", exact=True)).to_have_value("Ana Diaz")
    assert page.url.endswith(TEMPLATES + "#your-details")

    page.reload()
    expect(page.get_by_label("Their name", exact=True)).to_have_value("Sam Lee")
    assert set(placeholders(page, "Their name")) == {"Sam Lee"}
    page.get_by_role("button", name="Clear my details").click()
    expect(page.get_by_role("status")).to_have_text("Your details are cleared.")
    assert set(placeholders(page, "Your name")) == {"[Your name]"}
    assert "Ana Diaz" not in code_text(page)
    page.goto(server.url + GUIDE)
    assert set(placeholders(page, "Your name")) == {"[Your name]"}
    context.close()


def test_without_javascript_the_templates_show_their_brackets(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + TEMPLATES)
    expect(page.locator("#your-details")).to_be_hidden()
    expect(page.locator(".nr-fill").first).to_be_hidden()
    text = code_text(page)
    assert "Dear [Their name]," in text and "[Your name]" in text
    spans = page.locator("pre code .nr-ph")
    assert {background(spans.nth(i)) for i in range(spans.count())} == {TRANSPARENT}
    context.close()


def test_the_form_is_in_place_before_a_slow_script_so_nothing_moves(page, server):
    """The form and the links are there from the first paint, waiting for the script."""
    scripts = load_with_a_slow_script(page, server.url + TEMPLATES)
    field = page.get_by_label("Your name", exact=True)
    expect(field).to_be_visible()
    expect(field).to_be_disabled()
    expect(page.get_by_role("link", name="Fill in your details").first).to_be_visible()
    scripts.release()
    expect(field).to_be_enabled()
    field.fill("Ana Diaz")
    assert set(placeholders(page, "Your name")) == {"Ana Diaz"}
    assert layout_shift(page) < 0.01


def test_markup_in_details_is_shown_as_text_and_runs_nothing(page, server, tmp_path):
    alerts = []  # a script run from the text would open one; the confirmations are accepted
    page.on(
        "dialog",
        lambda dialog: dialog.accept() if dialog.type == "confirm" else alerts.append(dialog.type),
    )
    page.goto(server.url + TEMPLATES)
    fill_details(page, {"Your name": HOSTILE})
    assert set(placeholders(page, "Your name")) == {HOSTILE}
    assert page.locator("pre code img").count() == 0

    # The same text from a progress file: Export, edit, Clear all, Import.
    page.goto(server.url + "progress/")
    saved = json.loads(export_file(page, tmp_path).read_text())
    assert saved["details"] == {"you": HOSTILE}
    saved["details"]["them"] = HOSTILE
    (tmp_path / "edited.json").write_text(json.dumps(saved))
    page.get_by_role("button", name="Clear all").click()
    assert storage_key(page) is None
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(tmp_path / "edited.json"))
    expect(page.locator(".nr-progress__message")).to_contain_text("Progress imported")
    page.goto(server.url + GUIDE)
    assert set(placeholders(page, "Their name")) == {HOSTILE}
    assert page.locator("pre code img").count() == 0
    assert alerts == [] and page.watch.errors == []


def test_a_progress_file_is_read_strictly_for_details(page, server):
    page.goto(server.url + "progress/")
    problems = page.evaluate(
        """async (files) => {
            const out = [];
            for (const value of files) {
                const file = new File([JSON.stringify(value)], "p.json");
                const {data, problem} = await window.nextRound.store.readFile(file);
                out.push(problem || Object.fromEntries(data.details));
            }
            return out;
        }""",
        [
            {"format": "next-round-progress", "version": 1, "checklists": {}},
            {"format": "next-round-progress", "version": 1, "checklists": {}, "details": []},
            {
                "format": "next-round-progress",
                "version": 1,
                "checklists": {},
                "details": {"you": "x" * 201},
            },
            {
                "format": "next-round-progress",
                "version": 1,
                "checklists": {},
                "details": {"you": "Ana", "job": ""},
            },
        ],
    )
    assert problems == [
        {},
        'The "details" in this file should be an object.',
        'The detail "you" should be a text of at most 200 characters.',
        {"you": "Ana"},
    ]


def test_full_storage_keeps_details_for_the_visit_with_a_notice(server, context):
    context.add_init_script(STORAGE_FULL)
    page = context.new_page()
    page.goto(server.url + TEMPLATES)
    fill_details(page, {"Your name": "Ana Diaz"})
    expect(page.locator(".nr-details__status")).to_contain_text("can't be saved")
    assert set(placeholders(page, "Your name")) == {"Ana Diaz"}
    fill_details(page, {"Their name": "Sam Lee"})
    assert set(placeholders(page, "Your name")) == {"Ana Diaz"}
    assert set(placeholders(page, "Their name")) == {"Sam Lee"}
