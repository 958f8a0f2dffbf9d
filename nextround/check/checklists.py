"""Rules for checklists: the structure of each one, and their ids across the site.

`check_checklist` judges one parsed checklist; `ChecklistIds` keeps the ids
already claimed, so a duplicate names its twin's file and line; and
`check_rendered` compares what a page rendered with what was parsed, so the
progress page never lists a checklist the reader cannot see. Pure functions.
"""

from __future__ import annotations

from nextround.findings import Finding
from nextround.parse.checklists import Checklist, Item, id_problem
from nextround.parse.plan_days import OPTIONS as PLAN_OPTIONS
from nextround.parse.plan_days import option_problem

MAX_ITEMS = 12
MAX_ITEM_CHARS = 200
MAX_DEPTH = 1


def check_checklist(path: str, checklist: Checklist, language: str = "en") -> list[Finding]:
    """Structure problems of one parsed checklist of the file `path`, a page in `language`."""
    findings = []
    if not checklist.title:
        findings.append(
            Finding(
                path,
                checklist.line,
                "Checklist has no title. Write it after a bar: "
                "'/// checklist | Your first 48 hours'.",
            )
        )
    if problem := id_problem(checklist.options.get("id", ""), checklist.written_id):
        findings.append(Finding(path, checklist.line, problem))
    for key in PLAN_OPTIONS:
        if key in checklist.options and (
            problem := option_problem(key, checklist.options[key], language)
        ):
            findings.append(Finding(path, checklist.option_lines.get(key, checklist.line), problem))
    count = len(checklist.items)
    if not 1 <= count <= MAX_ITEMS:
        findings.append(
            Finding(
                path,
                checklist.line,
                f"Checklist '{checklist.id}' has {count} items; expected "
                f"1 to {MAX_ITEMS}. Split a long list into two checklists.",
            )
        )
    seen: dict[str, Item] = {}
    for item in checklist.items:
        findings += _check_item(path, checklist, item, seen)
    return findings


class ChecklistIds:
    """The checklist ids claimed so far in one build, each with its file and line."""

    def __init__(self) -> None:
        """Start with no id claimed."""
        self._owners: dict[str, tuple[str, int]] = {}

    def claim(self, path: str, checklist: Checklist) -> list[Finding]:
        """Claim the checklist's id for `path`; a finding if another checklist holds it."""
        if not checklist.id or id_problem(checklist.id):
            return []
        owner = self._owners.setdefault(checklist.id, (path, checklist.line))
        if owner == (path, checklist.line):
            return []
        return [
            Finding(
                path,
                checklist.line,
                f"Checklist id '{checklist.id}' is already used by {owner[0]}:{owner[1]}. "
                "Ids must be unique across the site; rename one.",
            )
        ]


def check_rendered(
    path: str, parsed: list[Checklist], rendered: dict[str, tuple[str, ...]]
) -> list[Finding]:
    """Findings where the page's rendered checklists (id -> item ids) differ from `parsed`."""
    if not all(checklist.closed for checklist in parsed):
        # Reported already: past a block left open, pymdownx renders blocks as it reads
        # them, not as they were meant, and the first fix is to close that block.
        return []
    findings = []
    for checklist in parsed:
        if id_problem(checklist.options.get("id", "")):
            continue  # Already reported; such a block renders as plain text.
        items = rendered.get(checklist.id)
        if items is None:
            findings.append(
                Finding(
                    path,
                    checklist.line,
                    f"Checklist '{checklist.id}' does not render on the page, so readers "
                    "cannot tick it; check that it is not inside code, a comment or an "
                    "indented block.",
                )
            )
        elif items != tuple(item.id for item in checklist.items):
            findings.append(
                Finding(
                    path,
                    checklist.line,
                    f"Checklist '{checklist.id}' renders items {list(items)} but the source "
                    f"has {[item.id for item in checklist.items]}; write each item as "
                    "'- [ ] ' at the start of a line inside the block.",
                )
            )
    known = {checklist.id for checklist in parsed}
    for checklist_id in sorted(set(rendered) - known):
        findings.append(
            Finding(
                path,
                1,
                f"A checklist '{checklist_id}' renders on the page but is not written as a "
                "'/// checklist' block in this file; write it as one.",
            )
        )
    return findings


def _check_item(path: str, checklist: Checklist, item: Item, seen: dict[str, Item]):
    if not item.text:
        return [
            Finding(path, item.line, "Checklist item is empty. Write one action after '- [ ] '.")
        ]
    findings = []
    if item.ticked:
        findings.append(
            Finding(
                path,
                item.line,
                "Checklist item is ticked in the source ('- [x]'); expected "
                "'- [ ]'. Ticks belong to the reader.",
            )
        )
    if len(item.text) > MAX_ITEM_CHARS:
        findings.append(
            Finding(
                path,
                item.line,
                f"Checklist item has {len(item.text)} characters; expected at "
                f"most {MAX_ITEM_CHARS}. Move detail into a hint line under it.",
            )
        )
    if item.depth > MAX_DEPTH:
        findings.append(
            Finding(
                path,
                item.line,
                f"Checklist item is nested {item.depth} levels deep; expected at most {MAX_DEPTH}.",
            )
        )
    if not item.id:
        findings.append(
            Finding(
                path,
                item.line,
                "Checklist item has no letters or digits to make its id from; "
                "start it with a word.",
            )
        )
        return findings
    twin = seen.setdefault(item.id, item)
    if twin is not item:
        findings.append(
            Finding(
                path,
                item.line,
                f"Checklist '{checklist.id}' already has an item with id "
                f"'{item.id}' (line {twin.line}). Reword one of the two items.",
            )
        )
    return findings
