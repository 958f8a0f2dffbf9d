"""Checklist parsing, item ids and structure checks, on inline Markdown."""

from __future__ import annotations

import markdown

from nextround.check.checklists import check_checklist
from nextround.parse import checklists as checklist_model
from nextround.render.checklist_block import ChecklistExtension

GOOD = """\
Intro.

/// checklist | Your first 48 hours
    id: news-first-48-hours

- [ ] Take a short walk before you reply.
    A hint under the item.
- [ ] Tell [one person](people.md#who) you trust.
///
"""


def messages(source):
    checklists, problems = checklist_model.parse(source)
    found = [(problem.line, problem.message) for problem in problems]
    for checklist in checklists:
        found += [(f.line, f.message) for f in check_checklist("docs/x.md", checklist)]
    return found


def test_parse_reads_title_id_items_and_hints():
    [checklist], findings = checklist_model.parse(GOOD)
    assert findings == []
    assert (checklist.id, checklist.title, checklist.line) == (
        "news-first-48-hours",
        "Your first 48 hours",
        3,
    )
    assert [(i.id, i.line, i.hint) for i in checklist.items] == [
        ("take-a-short-walk-before-you-reply", 6, "A hint under the item."),
        ("tell-one-person-you-trust", 8, ""),
    ]


def test_item_id_survives_reordering_and_edits_of_other_items():
    reordered = GOOD.replace(
        "- [ ] Take a short walk before you reply.\n    A hint under the item.\n"
        "- [ ] Tell [one person](people.md#who) you trust.",
        "- [ ] Tell [one person](people.md#who) you trust.\n"
        "- [ ] Take a long walk before you reply.",
    )
    [before], _ = checklist_model.parse(GOOD)
    [after], _ = checklist_model.parse(reordered)
    assert after.items[0].id == before.items[1].id


def test_item_id_is_cut_at_a_word_boundary():
    long_id = checklist_model.item_id(
        "Write down three things you did well in the interview and one to change"
    )
    assert long_id == "write-down-three-things-you-did-well-in-the"
    assert len(long_id) <= checklist_model.ID_MAX_CHARS


def test_rendered_ids_match_parsed_ids():
    html = markdown.markdown(GOOD, extensions=[ChecklistExtension(), "attr_list"])
    assert 'id="checklist-news-first-48-hours"' in html
    assert 'data-item="take-a-short-walk-before-you-reply"' in html
    assert 'data-item="tell-one-person-you-trust"' in html
    assert '<span class="nr-checklist__text">Tell <a href="people.md#who">one person</a>' in html
    assert 'aria-describedby="hint-news-first-48-hours-take-a-short-walk-before-you-reply"' in html


def test_good_checklist_has_no_findings():
    assert messages(GOOD) == []


def test_structure_problems_name_line_and_fix():
    source = """\
/// checklist
    id: Bad_ID

- [x] Done already.
- [ ]
- [ ] Same words.
- [ ] Same words!
-[ ] Missing space.
- [ x] Extra space.
            - [ ] Too deep.
///
- [ ] Outside any block.
"""
    assert messages(source) == [
        (
            8,
            "'-[ ]' looks like a checklist item but renders as plain text; expected "
            "'- [ ] ' (dash, space, brackets with one space, space).",
        ),
        (
            9,
            "'- [ x]' looks like a checklist item but renders as plain text; expected "
            "'- [ ] ' (dash, space, brackets with one space, space).",
        ),
        (
            12,
            "Task-list item outside a checklist block. Put the list inside "
            "'/// checklist | Title' ... '///' so readers can tick it.",
        ),
        (
            1,
            "Checklist has no title. Write it after a bar: '/// checklist | Your first 48 hours'.",
        ),
        (1, "Checklist id 'Bad_ID' is not a lowercase slug. Did you mean 'bad-id'?"),
        (
            4,
            "Checklist item is ticked in the source ('- [x]'); expected '- [ ]'. "
            "Ticks belong to the reader.",
        ),
        (5, "Checklist item is empty. Write one action after '- [ ] '."),
        (
            7,
            "Checklist 'Bad_ID' already has an item with id 'same-words' (line 6). "
            "Reword one of the two items.",
        ),
        (10, "Checklist item is nested 3 levels deep; expected at most 1."),
    ]


def test_too_many_items_and_unclosed_block():
    items = "".join(f"- [ ] Step number {n}.\n" for n in range(13))
    source = f"/// checklist | Long\n    id: long\n\n{items}"
    assert messages(source) == [
        (1, "Checklist 'long' is never closed. Add a line '///' after its last item."),
        (
            1,
            "Checklist 'long' has 13 items; expected 1 to 12. "
            "Split a long list into two checklists.",
        ),
    ]


def test_items_inside_code_fences_are_ignored():
    assert messages("```markdown\n- [ ] Example only\n-[ ] also\n```\n") == []
