"""A translated page's checklists against its source page's: the same lists, item for item.

In a translation an item's id is its position in the source checklist of the
same id (`parse.checklists.carry_ids`), so a reader's ticks and notes carry
across editions only while the two lists keep the same shape. For every
translated page that names its source (`source:`), `check_parity` reports, at
the translation's file and line and naming the source's: a source page that
does not exist, a checklist id the source page does not have, a different
number of items or nesting, a different `when:`, a `remind:` in one and not
the other or naming other days, and a source checklist the translation leaves
out. Pure functions over parsed pages.
"""

from __future__ import annotations

from nextround.findings import Finding
from nextround.parse.checklists import Checklist, id_problem, parse
from nextround.parse.plan_days import days, in_english
from nextround.parse.translation_source import SourceText


def check_parity(
    path: str, checklists: list[Checklist], source: SourceText, language: str
) -> list[Finding]:
    """Where the checklists of the translated page `path` (in `language`) differ from its source."""
    checklists = [checklist for checklist in checklists if not id_problem(checklist.id)]
    if source.markdown is None:
        if not checklists:
            return []
        return [
            Finding(
                path,
                source.line,
                f"The source page '{source.name}' ({source.path}) does not exist, so this "
                "page's checklists cannot take their item ids from it.",
                "Write the path of the page this one translates, under the source's docs "
                "folder, after 'source:'.",
            )
        ]
    theirs = {
        checklist.id: checklist
        for checklist in parse(source.markdown)[0]
        if not id_problem(checklist.id)
    }
    findings = []
    for checklist in checklists:
        original = theirs.get(checklist.id)
        if original is None:
            findings.append(_not_in_source(path, checklist, source))
        else:
            findings += _compare(path, checklist, source.path, original, language)
    ours = {checklist.id for checklist in checklists}
    for checklist_id, original in theirs.items():
        if checklist_id not in ours:
            findings.append(
                Finding(
                    path,
                    source.line,
                    f"Checklist '{checklist_id}' of {source.path}:{original.line} is missing "
                    "from this translation.",
                    "Translate it here, with the same id and items in the same order.",
                )
            )
    return findings


def _not_in_source(path: str, checklist: Checklist, source: SourceText) -> Finding:
    return Finding(
        path,
        checklist.line,
        f"Checklist '{checklist.id}' is not in the source page {source.path}, so its items "
        "have no ids to take.",
        "Use the id of the checklist it translates there.",
    )


def _compare(
    path: str, checklist: Checklist, source_path: str, original: Checklist, language: str
) -> list[Finding]:
    where = f"{source_path}:{original.line}"
    mine, theirs = len(checklist.items), len(original.items)
    if mine != theirs:
        return [
            Finding(
                path,
                checklist.line,
                f"Checklist '{checklist.id}' has {mine} items but its source {where} has "
                f"{theirs}; item N of a translation is item N of the source, so readers' "
                "ticks would land on the wrong items.",
                "Translate every item, in the source's order, one for one.",
            )
        ]
    findings = []
    pairs = zip(checklist.items, original.items, strict=True)
    for position, (item, source_item) in enumerate(pairs, start=1):
        if item.depth != source_item.depth:
            findings.append(
                Finding(
                    path,
                    item.line,
                    f"Item {position} of checklist '{checklist.id}' is nested {item.depth} "
                    f"levels deep but in its source ({source_path}:{source_item.line}) "
                    f"{source_item.depth}.",
                    "Indent it as the source does.",
                )
            )
            break
    findings += _compare_when(path, checklist, source_path, original)
    findings += _compare_remind(path, checklist, source_path, original, language)
    return findings


def _compare_when(
    path: str, checklist: Checklist, source_path: str, original: Checklist
) -> list[Finding]:
    mine, theirs = checklist.options.get("when"), original.options.get("when")
    if mine == theirs:
        return []
    line = checklist.option_lines.get("when", checklist.line)
    where = f"{source_path}:{original.option_lines.get('when', original.line)}"
    return [
        Finding(
            path,
            line,
            f"Checklist '{checklist.id}' has {_option('when', mine)} but its source "
            f"({where}) has {_option('when', theirs)}.",
            "Copy the source's 'when:' line as it is: it is not translated.",
        )
    ]


def _option(key: str, value: object) -> str:
    return f"no '{key}:'" if value is None else f"'{key}: {value}'"


def _compare_remind(
    path: str, checklist: Checklist, source_path: str, original: Checklist, language: str
) -> list[Finding]:
    mine, theirs = checklist.options.get("remind"), original.options.get("remind")
    line = checklist.option_lines.get("remind", checklist.line)
    where = f"{source_path}:{original.option_lines.get('remind', original.line)}"
    if mine is None and theirs is None:
        return []
    if theirs is None:
        return [
            Finding(
                path,
                line,
                f"Checklist '{checklist.id}' has a 'remind:' but its source ({where}) has none.",
                "Remove the line.",
            )
        ]
    if mine is None:
        return [
            Finding(
                path,
                line,
                f"Checklist '{checklist.id}' has no 'remind:' but its source ({where}) has "
                f"'{theirs}'.",
                "Translate the source's reminder into a 'remind:' line.",
            )
        ]
    our_days, their_days = days("remind", mine, language), days("remind", theirs)
    if our_days is None or their_days is None or our_days == their_days:
        return []  # A reminder that cannot be read is reported on its own line.
    return [
        Finding(
            path,
            line,
            f"Checklist '{checklist.id}' reminds on {in_english(our_days)} but its source "
            f"({where}) on {in_english(their_days)}.",
            "Name the same day as the source.",
        )
    ]
