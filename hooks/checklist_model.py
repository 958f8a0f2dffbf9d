"""Checklists as written in Markdown: parsing, item ids and structure checks.

A checklist is a pymdownx Blocks block in a guide:

    /// checklist | Your first 48 hours
        id: news-first-48-hours

    - [ ] Take a short walk before you reply to anyone.
        An optional hint, indented on the next line.
    ///

Pure functions over text: no MkDocs, no HTML. Lines are 1-based file lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

MAX_ITEMS = 12
MAX_ITEM_CHARS = 200
MAX_DEPTH = 1
ID_MAX_CHARS = 48

# `/// checklist | Title` opens a block; group 1 is the slashes, group 2 the title.
_OPEN = re.compile(r"^(/{3,})\s*checklist\b\s*(?:\|\s*(.*?))?\s*$")
# A bare run of slashes closes the innermost open block.
_CLOSE = re.compile(r"^(/{3,})\s*$")
# An option line under the header: `    id: news-first-48-hours`.
_OPTION = re.compile(r"^\s+([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
# A well-formed task item: indent, bullet, one space, `[ ]` or `[x]`, text.
_ITEM = re.compile(r"^(\s*)[-*+] \[([ xX])\](?:[ \t]+(.*?))?\s*$")
# Anything that looks like it wanted to be a task item (bullet then brackets).
_ITEMISH = re.compile(r"^\s*[-*+]\s*\[[^\]\n]{0,3}\]")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Inline Markdown that should not reach an id: links keep their text.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Item:
    """One task in a checklist."""

    id: str
    text: str
    hint: str
    line: int
    depth: int
    ticked: bool


@dataclass
class Checklist:
    """One `/// checklist` block and its items."""

    id: str
    title: str
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Finding:
    """A structure problem at a line of one file (the caller adds the path)."""

    line: int
    message: str


def item_id(text: str) -> str:
    """Derive an item's stable id from its text.

    The rule: drop link targets and Markdown punctuation, lowercase, join the
    words with hyphens, and cut at a hyphen to at most 48 characters. The id
    depends on the item's own words only, so reordering items or editing
    other items keeps every tick; rewording an item starts it unticked.
    """
    slug = _slugify(_LINK.sub(r"\1", text.splitlines()[0] if text else ""))
    if len(slug) <= ID_MAX_CHARS:
        return slug
    cut = slug[: ID_MAX_CHARS + 1].rfind("-")
    return slug[: cut if cut > 0 else ID_MAX_CHARS]


def parse(markdown: str) -> tuple[list[Checklist], list[Finding]]:
    """Find every checklist in `markdown`, with problems of form found on the way."""
    checklists: list[Checklist] = []
    findings: list[Finding] = []
    current: Checklist | None = None
    opened_with = ""
    in_header = False
    fence = ""
    last_item: Item | None = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence_match = _FENCE.match(line)
        if fence_match and (not fence or fence_match.group(1).startswith(fence)):
            fence = "" if fence else fence_match.group(1)[:3]
            continue
        if fence:
            continue
        opening = _OPEN.match(line)
        if opening:
            if current is not None:
                findings.append(
                    Finding(
                        number,
                        f"Checklist '{current.id}' (line {current.line}) is still "
                        "open. Close it with '///' before starting another.",
                    )
                )
            current = Checklist(id="", title=(opening.group(2) or "").strip(), line=number)
            opened_with, in_header, last_item = opening.group(1), True, None
            checklists.append(current)
            continue
        if current is None:
            findings += _stray_item(number, line)
            continue
        if _CLOSE.match(line) and line.strip() == opened_with:
            current = None
            continue
        if in_header:
            option = _OPTION.match(line)
            if option and not _ITEM.match(line):
                findings += _apply_option(current, number, *option.groups())
                continue
            in_header = False
        last_item = _read_line(current, number, line, last_item, findings)
    if current is not None:
        findings.append(
            Finding(
                current.line,
                f"Checklist '{current.id or current.title}' is never "
                f"closed. Add a line '{opened_with}' after its last item.",
            )
        )
    return checklists, findings


def check(checklist: Checklist) -> list[Finding]:
    """Structure problems of one parsed checklist."""
    findings = []
    if not checklist.title:
        findings.append(
            Finding(
                checklist.line,
                "Checklist has no title. Write it after a bar: "
                "'/// checklist | Your first 48 hours'.",
            )
        )
    if not checklist.id:
        findings.append(
            Finding(
                checklist.line,
                "Checklist has no id. Add an indented line "
                "'    id: a-lowercase-slug' under '/// checklist'.",
            )
        )
    elif not _SLUG.match(checklist.id):
        findings.append(
            Finding(
                checklist.line,
                f"Checklist id '{checklist.id}' is not a lowercase slug. "
                f"Did you mean '{_slugify(checklist.id)}'?",
            )
        )
    count = len(checklist.items)
    if not 1 <= count <= MAX_ITEMS:
        findings.append(
            Finding(
                checklist.line,
                f"Checklist '{checklist.id}' has {count} items; expected "
                f"1 to {MAX_ITEMS}. Split a long list into two checklists.",
            )
        )
    seen: dict[str, Item] = {}
    for item in checklist.items:
        findings += _check_item(checklist, item, seen)
    return findings


def _check_item(checklist: Checklist, item: Item, seen: dict[str, Item]) -> list[Finding]:
    findings = []
    if not item.text:
        return [Finding(item.line, "Checklist item is empty. Write one action after '- [ ] '.")]
    if item.ticked:
        findings.append(
            Finding(
                item.line,
                "Checklist item is ticked in the source ('- [x]'); expected "
                "'- [ ]'. Ticks belong to the reader.",
            )
        )
    if len(item.text) > MAX_ITEM_CHARS:
        findings.append(
            Finding(
                item.line,
                f"Checklist item has {len(item.text)} characters; expected at "
                f"most {MAX_ITEM_CHARS}. Move detail into a hint line under it.",
            )
        )
    if item.depth > MAX_DEPTH:
        findings.append(
            Finding(
                item.line,
                f"Checklist item is nested {item.depth} levels deep; expected at most {MAX_DEPTH}.",
            )
        )
    twin = seen.get(item.id)
    if twin is not None:
        findings.append(
            Finding(
                item.line,
                f"Checklist '{checklist.id}' already has an item with id "
                f"'{item.id}' (line {twin.line}). Reword one of the two items.",
            )
        )
    seen.setdefault(item.id, item)
    return findings


def _apply_option(checklist: Checklist, number: int, key: str, value: str) -> list[Finding]:
    if key == "id":
        checklist.id = value
        return []
    return [
        Finding(
            number,
            f"Checklist option '{key}' is not known; expected 'id'. "
            "Without a valid header the block renders as plain text.",
        )
    ]


def _read_line(
    checklist: Checklist, number: int, line: str, last_item: Item | None, findings: list
) -> Item | None:
    """Add the item on `line` to `checklist`, or attach a hint; return the latest item."""
    item = _ITEM.match(line)
    if item:
        indent, mark, text = item.group(1), item.group(2), (item.group(3) or "").strip()
        depth = len(indent.expandtabs(4)) // 4
        new = Item(item_id(text), text, "", number, depth, mark in "xX")
        checklist.items.append(new)
        return new
    findings += _near_miss(number, line)
    if last_item is not None and line.strip() and line.startswith(" "):
        hinted = replace(last_item, hint=f"{last_item.hint} {line.strip()}".strip())
        checklist.items[-1] = hinted
        return hinted
    return None if not line.strip() else last_item


def _stray_item(number: int, line: str) -> list[Finding]:
    """A task item outside any checklist block would render static and unsaved."""
    if _ITEM.match(line):
        return [
            Finding(
                number,
                "Task-list item outside a checklist block. Put the list inside "
                "'/// checklist | Title' ... '///' so readers can tick it.",
            )
        ]
    return _near_miss(number, line)


def _near_miss(number: int, line: str) -> list[Finding]:
    if _ITEMISH.match(line) and not _ITEM.match(line):
        found = _ITEMISH.match(line).group(0).strip()
        return [
            Finding(
                number,
                f"'{found}' looks like a checklist item but renders as plain "
                "text; expected '- [ ] ' (dash, space, brackets with one space, space).",
            )
        ]
    return []


def _slugify(value: str) -> str:
    return _NOT_ALNUM.sub("-", value.lower()).strip("-")
