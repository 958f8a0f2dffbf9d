"""The guides are long enough, plain enough and shaped the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from prose import DOCS, DRAFTS, GUIDES, PLAN, figures, spanish_ease

from nextround.render.reading_time import reading_minutes

ROOT = DOCS.parent
TEMPLATES = sorted(p.name for p in (ROOT / "includes" / "templates").glob("*.md"))


def source(page: str) -> str:
    return (DOCS / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", GUIDES)
def test_each_guide_has_900_to_2500_words(page):
    assert 900 <= figures(page).words <= 2500


def test_guides_and_plan_have_at_least_9000_words():
    assert sum(figures(page).words for page in [*GUIDES, PLAN]) >= 9000


@pytest.mark.parametrize("page", [*GUIDES, *DRAFTS, PLAN, "faq.md"])
def test_reading_grade_is_at_most_10(page):
    assert figures(page).grade <= 10


@pytest.mark.parametrize("page", [*GUIDES, PLAN, "faq.md"])
def test_the_spanish_page_reads_as_normal_or_easier(page):
    assert spanish_ease(page) >= 60


@pytest.mark.parametrize("page", [*GUIDES, *DRAFTS, PLAN])
def test_guide_opens_with_in_short_and_do_this_now(page):
    text = source(page)
    assert re.search(r'^!!! abstract "In short"\n(    .+\n){1,3}\n', text, re.MULTILINE)
    assert text.index('"In short"') < text.index("\n## Do this now\n")


@pytest.mark.parametrize("page", [*GUIDES, *DRAFTS, PLAN])
def test_guide_has_a_checklist(page):
    assert "/// checklist |" in source(page)


@pytest.mark.parametrize(
    ("page", "next_page"),
    [
        *zip(GUIDES, [*(Path(g).name for g in GUIDES[1:]), "../next-30-days.md"], strict=True),
        (PLAN, "index.md"),
    ],
)
def test_guide_ends_with_a_next_step_link(page, next_page):
    next_step = source(page).split("\n## Next step\n", 1)[1]
    assert f"]({next_page})" in next_step


def test_each_draft_guide_ends_with_a_next_step_link_to_a_page_that_exists():
    for page in DRAFTS:
        next_step = source(page).split("\n## Next step\n", 1)[1]
        targets = re.findall(r"\]\(([^)#\s]+\.md)", next_step)
        assert targets, f"docs/{page}: the Next step section has no link to a page"
        assert all((DOCS / page).parent.joinpath(t).resolve().is_file() for t in targets), page


def test_faq_answers_at_least_ten_questions():
    questions = re.findall(r"^## .+\?$", source("faq.md"), re.MULTILINE)
    assert len(questions) >= 10


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_template_is_in_a_guide_and_on_the_templates_page(template):
    include = f'--8<-- "templates/{template}"'
    assert include in source("templates.md")
    assert any(include in source(page) for page in [*GUIDES, *DRAFTS])


def test_reading_time_is_shown_under_each_guide_title(site_dir):
    for page in [*GUIDES, PLAN]:
        html = (site_dir / page.removesuffix(".md") / "index.html").read_text()
        title_end = html.index("</h1>")
        assert re.match(
            r'<p class="nr-reading-time">About \d+ minutes to read</p>', html[title_end + 5 :]
        ), page
    assert "nr-reading-time" not in (site_dir / "index.html").read_text()


@pytest.mark.parametrize("page", [*GUIDES, PLAN])
def test_no_guide_takes_more_than_12_minutes_to_read(site_dir, page):
    html = (site_dir / page.removesuffix(".md") / "index.html").read_text()
    minutes = int(re.search(r"About (\d+) minutes? to read", html).group(1))
    assert minutes <= 12, f"{page} shows {minutes} minutes; cut it to 12 or fewer."


def test_every_template_has_a_working_copy_button(server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url + "templates/", wait_until="networkidle")
    buttons = page.locator("button[data-md-type='copy']")
    assert buttons.count() == len(TEMPLATES)
    template = page.locator("pre code").first.inner_text()
    buttons.first.click()
    assert page.evaluate("() => navigator.clipboard.readText()").strip() == template.strip()


def test_reading_time_is_shown_under_each_draft_title(site_dir):
    for page in DRAFTS:
        html = (site_dir / page.removesuffix(".md") / "index.html").read_text()
        after_title = html[html.index("</h1>") + 5 :]
        assert re.match(r'<p class="nr-reading-time">About \d+ minutes? to read</p>', after_title)


def test_reading_time_counts_words_of_text_not_markup():
    body = "word " * 200
    assert reading_minutes(f'<p title="a > b c d">{body}</p>') == 1
    assert reading_minutes(f"<p>{body}</p><p>one&nbsp;more</p>") == 2
