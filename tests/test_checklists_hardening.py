"""One reading of every checklist: what renders is what the checks and the progress page see.

Regression tests for the hostile-input review (issue 9, defects 1, 3 and 9),
on inline Markdown rendered with the real site's extensions.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from nextround import messages
from nextround.check.checklists import check_checklist, check_rendered
from nextround.parse import checklists as checklist_source
from nextround.parse.markdown_tree import PageReader
from nextround.render.checklist_block import ChecklistExtension
from nextround.render.progress_registry import Entry, plain_text, render_registry

ENGLISH = messages.load("en")

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = """\
/// checklist | Week one
    id: week-one

- [ ] Read the guide.
- [ ] Write one note.
///
"""


@pytest.fixture(scope="module")
def render():
    """Render Markdown as the site does; return (parsed, rendered checklists, findings)."""
    config = load_config(str(ROOT / "mkdocs.yml"))

    def run(text: str):
        reader = PageReader()
        md = markdown.Markdown(
            extensions=[*config.markdown_extensions, ChecklistExtension(), reader],
            extension_configs=config.mdx_configs,
        )
        md.convert(text)
        parsed, problems = checklist_source.parse(text)
        rendered = {key: tuple(items) for key, items in reader.take().checklists.items()}
        findings = [f"{p.line}: {p.message}" for p in problems]
        for checklist in parsed:
            findings += [f"{f.line}: {f.message}" for f in check_checklist("x.md", checklist)]
        findings += [f"{f.line}: {f.message}" for f in check_rendered("x.md", parsed, rendered)]
        return parsed, rendered, findings

    return run


def indented(text: str, by: int = 4) -> str:
    return "".join(" " * by + line if line.strip() else line for line in text.splitlines(True))


@pytest.mark.parametrize(
    "text",
    [
        "````markdown\n```\n" + CHECKLIST + "```\n````\n",
        "~~~~\n```text\n~~~\n" + CHECKLIST + "~~~~\n",
        "<!--\n" + CHECKLIST + "-->\n",
        "<!-- An example:\n\n" + CHECKLIST + "\n-->\n",
    ],
    ids=["four-backticks", "tildes-inside", "comment", "comment-with-blank-lines"],
)
def test_examples_in_code_or_comments_are_neither_rendered_nor_listed(text, render):
    parsed, rendered, findings = render(text)
    assert (parsed, rendered, findings) == ([], {}, [])


@pytest.mark.parametrize(
    "text",
    [
        '!!! tip "Try this"\n\n' + indented(CHECKLIST),
        '=== "First"\n\n' + indented(CHECKLIST) + '\n=== "Second"\n\n    Other text.\n',
        "/// details | More\n\n" + CHECKLIST + "\n///\n",
    ],
    ids=["admonition", "content-tab", "details-block"],
)
def test_checklists_inside_other_blocks_render_and_are_listed(text, render):
    parsed, rendered, findings = render(text)
    assert findings == []
    assert [checklist.id for checklist in parsed] == ["week-one"]
    assert rendered == {"week-one": ("read-the-guide", "write-one-note")}


def test_numbered_items_are_items_to_the_checks_too(render):
    text = CHECKLIST.replace("- [ ] Read", "1. [ ] Read").replace("- [ ] Write", "2. [x] Write")
    parsed, rendered, findings = render(text)
    assert [item.id for item in parsed[0].items] == ["read-the-guide", "write-one-note"]
    assert rendered == {"week-one": ("read-the-guide", "write-one-note")}
    assert findings == [
        "5: Checklist item is ticked in the source ('- [x]'); expected '- [ ]'. "
        "Ticks belong to the reader."
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("yes", "Checklist id 'yes' is read as true"),
        ("on", "Checklist id 'on' is read as true"),
        ("off", "Checklist id 'off' is read as false"),
        ("null", "Checklist id 'null' is read as null"),
        ("007", "Checklist id '007' is read as the number 7"),
        ("0x1f", "Checklist id '0x1f' is read as the number 31"),
        ('"no"', "Checklist id '\"no\"' is read as a word that YAML can read as true"),
    ],
)
def test_ids_that_yaml_reads_as_something_else_fail_and_do_not_render(written, shown, render):
    _parsed, rendered, findings = render(CHECKLIST.replace("week-one", written))
    assert rendered == {}
    assert len(findings) == 1
    assert findings[0].startswith(f"1: {shown}")


def test_an_id_line_indented_less_than_four_spaces_is_named(render):
    _parsed, rendered, findings = render(CHECKLIST.replace("    id:", "  id:"))
    assert rendered == {}
    assert findings == [
        "2: The line 'id: week-one' is indented 2 spaces, so it is read as text, not as the "
        "checklist's id; indent it by four spaces.",
        "1: Checklist has no id. Add an indented line '    id: a-lowercase-slug' under "
        "'/// checklist'.",
    ]


def test_items_in_any_script_get_distinct_ids():
    ids = [
        checklist_source.item_id(text)
        for text in ("Напишите письмо", "Позвоните другу", "友人に電話する", "Écrire à Zoé")
    ]
    assert ids == ["напишите-письмо", "позвоните-другу", "友人に電話する", "écrire-à-zoé"]


def test_an_item_with_no_letters_or_digits_is_named(render):
    _parsed, _rendered, findings = render(CHECKLIST.replace("Write one note.", "🎉 !!"))
    assert findings == [
        "5: Checklist item has no letters or digits to make its id from; start it with a word."
    ]


def test_the_progress_list_shows_titles_as_readers_see_them():
    [checklist], _ = checklist_source.parse(
        CHECKLIST.replace("Week one", "Q&amp;A &mdash; *first* [steps](x.md)")
    )
    html = render_registry("progress/", [Entry(checklist, "guides/x/", "Guide")], ENGLISH)
    assert plain_text(checklist.title) == "Q&A — first steps"
    assert ">Q&amp;A — first steps</a>" in html
    assert 'href="../guides/x/#checklist-week-one"' in html


PLAN_CHECKLIST = """\
/// checklist | Week one
    id: plan-week-one
    when: days 1 to 7
    remind: Send your one reply by business day 3.

- [ ] Read the guide.
    Take your time.
- [ ] Write one note.
///
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "what"),
    [
        ("Write one note.", "Write one note.&#13;", 8, "Checklist text"),
        ("Write one note.", "Write one&#x0D;note.", 8, "Checklist text"),
        ("Write one note.", "Write one&NewLine;note.", 8, "Checklist text"),
        ("Week one", "Week\x85one", 1, "Checklist text"),
        ("Take your time.", "Take your\u2028time.", 7, "Checklist text"),
        ("Take your time.", "Take your&#x2029;time.", 7, "Checklist text"),
        ("Read the guide.", "Read the\x1bguide.", 6, "Checklist text"),
        ("business day 3.", "business day 3.&#13;", 4, "Checklist option 'remind'"),
        ("days 1 to 7", '"days 1 to 7\\r"', 3, "Checklist option 'when'"),
        (
            "remind: Send your one reply by business day 3.",
            'remind: "Send your one reply by business day 3.\\L"',
            4,
            "Checklist option 'remind'",
        ),
    ],
    ids=[
        "cr-reference",
        "cr-hex-reference",
        "named-newline",
        "c1-literal",
        "line-separator",
        "paragraph-separator-reference",
        "escape-character",
        "remind-reference",
        "when-yaml-escape",
        "remind-yaml-escape",
    ],
)
def test_a_control_character_in_checklist_or_plan_text_fails_at_its_line(
    old, new, line, what, render
):
    _parsed, _rendered, findings = render(PLAN_CHECKLIST.replace(old, new, 1))
    assert len(findings) == 1, findings
    assert findings[0].startswith(f"{line}: "), findings
    assert what in findings[0] and "control character: U+" in findings[0]


def test_a_tab_in_checklist_text_is_fine(render):
    _parsed, _rendered, findings = render(PLAN_CHECKLIST.replace("Write one", "Write&Tab;one"))
    assert findings == []


def test_a_checklist_left_open_comes_first_and_what_renders_after_it_is_not_judged(render):
    text = (
        "/// checklist | Week one\n    id: week-one\n\n- [ ] Read.\n\n"
        '!!! tip "Tip"\n\n'
        "    /// checklist | Week two\n        id: week-two\n\n    - [ ] Write.\n    ///\n"
    )
    _parsed, rendered, findings = render(text)
    assert "week-two" in rendered  # pymdownx renders it inside the open block
    assert findings[0] == (
        "8: Checklist 'week-one' (line 1) is still open. "
        "Close it with '///' before starting another."
    )
    assert not [finding for finding in findings if "render" in finding]
