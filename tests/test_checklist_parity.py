"""A translated page's checklists: item ids by position, and the parity check with the source."""

from __future__ import annotations

from pathlib import Path

from nextround.check.checklist_parity import check_parity
from nextround.check.checklists import check_checklist
from nextround.parse.checklists import carry_ids, parse
from nextround.parse.plan_days import days, remind_day
from nextround.parse.translation_source import SourceText, find_source

ENGLISH = """\
---
title: Plan
---

/// checklist | Week 1
    id: plan-week-1
    when: days 3 to 7
    remind: Send your one reply by business day 3.

- [ ] Send your one reply.
- [ ] Rest for a day.
    - [ ] Take a walk.
///

/// checklist | Week 2
    id: plan-week-2

- [ ] Ask one person for feedback.
///
"""

SPANISH = """\
---
title: Plan
source: next-30-days.md
---

/// checklist | Semana 1
    id: plan-week-1
    when: days 3 to 7
    remind: Envía tu única respuesta a más tardar el día hábil 3.

- [ ] Envía tu única respuesta.
- [ ] Descansa un día.
    - [ ] Sal a caminar.
///

/// checklist | Semana 2
    id: plan-week-2

- [ ] Pide comentarios a una persona.
///
"""
ES = "docs/es/next-30-days.md"
EN = "docs/next-30-days.md"


def source(english: str | None = ENGLISH) -> SourceText:
    return SourceText("next-30-days.md", EN, english, 3)


def problems(spanish: str, english: str | None = ENGLISH) -> list[str]:
    checklists = parse(spanish)[0]
    if english is not None:
        checklists = carry_ids(checklists, parse(english)[0])
    return [str(finding) for finding in check_parity(ES, checklists, source(english), "es")]


def line_of(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if words in line)


def test_a_translated_item_takes_the_id_of_the_english_item_at_its_position():
    english = parse(ENGLISH)[0]
    carried = carry_ids(parse(SPANISH)[0], english)
    assert [[item.id for item in c.items] for c in carried] == [
        ["send-your-one-reply", "rest-for-a-day", "take-a-walk"],
        ["ask-one-person-for-feedback"],
    ]
    # The text stays the translation's; only the id is the source's.
    assert carried[0].items[0].text == "Envía tu única respuesta."


def test_without_a_source_checklist_an_item_keeps_the_id_of_its_own_words():
    [alone] = carry_ids(parse(SPANISH)[0][:1], [])
    assert alone.items[0].id == "envía-tu-única-respuesta"


def test_a_faithful_translation_has_no_problem():
    assert problems(SPANISH) == []
    for checklist in carry_ids(parse(SPANISH)[0], parse(ENGLISH)[0]):
        assert check_checklist(ES, checklist, "es") == []


def test_a_spanish_reminder_names_its_day_in_spanish():
    assert days("remind", "Envía tu respuesta a más tardar el día hábil 3.", "es") == (True, 3, 3)
    assert days("remind", "Send your one reply by business day 3.") == (True, 3, 3)
    [checklist, _] = parse(SPANISH.replace("día hábil 3", "tercer día"))[0]
    [finding] = check_checklist(ES, checklist, "es")
    assert "should name exactly one day, as in 'Envía tu respuesta" in finding.message


def test_a_spanish_reminder_gives_the_page_its_phrase_and_the_english_words():
    remind = "Envía tu respuesta a más tardar el día hábil 3."
    assert remind_day(remind, "es") == ("día hábil 3", "business day 3")
    assert remind_day("Send your one reply by business day 3.", "en") is None
    assert remind_day("Envía tu respuesta pronto.", "es") is None


def test_one_item_fewer_names_both_files_and_lines():
    spanish = SPANISH.replace("- [ ] Descansa un día.\n    - [ ] Sal a caminar.\n", "")
    assert problems(spanish) == [
        f"{ES}:{line_of(spanish, 'Semana 1')}: Checklist 'plan-week-1' has 1 items but its "
        f"source {EN}:5 has 3; item N of a translation is item N of the source, so readers' "
        "ticks would land on the wrong items. Translate every item, in the source's order, "
        "one for one."
    ]


def test_other_nesting_is_found_at_the_first_item_that_differs():
    spanish = SPANISH.replace("    - [ ] Sal a caminar.", "- [ ] Sal a caminar.")
    [problem] = problems(spanish)
    assert problem.startswith(
        f"{ES}:{line_of(spanish, 'Sal a caminar')}: Item 3 of checklist 'plan-week-1' is "
        f"nested 0 levels deep but in its source ({EN}:{line_of(ENGLISH, 'Take a walk')}) 1."
    )


def test_another_when_is_found_at_its_line():
    spanish = SPANISH.replace("when: days 3 to 7", "when: days 3 to 8")
    assert problems(spanish) == [
        f"{ES}:{line_of(spanish, 'when:')}: Checklist 'plan-week-1' has 'when: days 3 to 8' "
        f"but its source ({EN}:7) has 'when: days 3 to 7'. Copy the source's 'when:' line as "
        "it is: it is not translated."
    ]


def test_a_reminder_on_another_day_or_in_one_edition_only():
    later = SPANISH.replace("día hábil 3", "día hábil 4")
    assert problems(later) == [
        f"{ES}:{line_of(later, 'remind:')}: Checklist 'plan-week-1' reminds on business day 4 "
        f"but its source ({EN}:8) on business day 3. Name the same day as the source."
    ]
    dropped = SPANISH.replace(
        "    remind: Envía tu única respuesta a más tardar el día hábil 3.\n", ""
    )
    assert problems(dropped) == [
        f"{ES}:{line_of(dropped, 'Semana 1')}: Checklist 'plan-week-1' has no 'remind:' but "
        f"its source ({EN}:8) has 'Send your one reply by business day 3.'. Translate the "
        "source's reminder into a 'remind:' line."
    ]
    added = SPANISH.replace("    id: plan-week-2\n", "    id: plan-week-2\n    remind: El día 9.\n")
    assert problems(added) == [
        f"{ES}:{line_of(added, 'El día 9')}: Checklist 'plan-week-2' has a 'remind:' but its "
        f"source ({EN}:15) has none. Remove the line."
    ]


def test_a_checklist_id_the_source_lacks_and_one_the_translation_leaves_out():
    renamed = SPANISH.replace("id: plan-week-2", "id: plan-semana-2")
    assert problems(renamed) == [
        f"{ES}:{line_of(renamed, 'Semana 2')}: Checklist 'plan-semana-2' is not in the source "
        f"page {EN}, so its items have no ids to take. Use the id of the checklist it "
        "translates there.",
        f"{ES}:3: Checklist 'plan-week-2' of {EN}:15 is missing from this translation. "
        "Translate it here, with the same id and items in the same order.",
    ]


def test_a_source_page_that_does_not_exist():
    assert problems(SPANISH, english=None) == [
        f"{ES}:3: The source page 'next-30-days.md' ({EN}) does not exist, so this page's "
        "checklists cannot take their item ids from it. Write the path of the page this one "
        "translates, under the source's docs folder, after 'source:'."
    ]
    assert problems("# Sin listas\n", english=None) == []


def test_find_source_reads_the_page_and_the_line_of_source(tmp_path: Path):
    (tmp_path / "next-30-days.md").write_text(ENGLISH, encoding="utf-8")
    meta = {"source": "next-30-days.md"}
    found = find_source(SPANISH, meta, tmp_path, "docs/")
    assert (found.path, found.line, found.markdown) == (EN, 3, ENGLISH)
    for outside in ("../next-30-days.md", "/etc/passwd", "next-30-days.txt"):
        assert find_source(SPANISH, {"source": outside}, tmp_path, "docs/").markdown is None
    assert find_source("# Home\n", {}, tmp_path, "docs/") is None
    assert find_source(SPANISH, {"source": 7}, tmp_path, "docs/") is None
