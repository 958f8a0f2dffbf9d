"""The one reading of a checklist, shared by the renderer, the checks and the progress page.

A checklist is a pymdownx Blocks block in a page, at the left margin or inside
an admonition, a content tab or another block (indented four spaces a level):

    /// checklist | Your first 48 hours
        id: news-first-48-hours

    - [ ] Take a short walk before you reply to anyone.
        An optional hint, indented on the next line.
    1. [ ] Numbered items work too.
    ///

`parse` finds every checklist that Python-Markdown will render: it skips fenced
code (a fence closes only with the same character, at least as long, and no
info string) and HTML comments. It reads the option lines as pymdownx Blocks
does (indented YAML), so the renderer and the checks see the same values;
`id_problem` is the id rule both apply. Lines end where the engine ends them
(LF, CR), so a U+2028 stays inside its line, and a title, item or hint that
holds a control character, typed or as a character reference, is a problem
of form. In a translated page, `carry_ids` gives each item the id of the
item at the same position in the source page's checklist of the same id, so a
reader's ticks and notes carry across editions. Pure functions over text, no
engine.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from dataclasses import dataclass, field, replace

import yaml

from nextround.parse.plan_days import OPTIONS as PLAN_OPTIONS
from nextround.parse.source_lines import file_lines
from nextround.text import control_characters, control_names

ID_MAX_CHARS = 48
CHECKLIST_ID_MAX_CHARS = 64
# Words that YAML reads as a boolean or null, so pymdownx would not see a string.
YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})

# `/// checklist | Title` opens a block: group 1 the indent, 2 the slashes, 3 the title.
_OPEN = re.compile(r"^( *)(/{3,})[ \t]*checklist\b[ \t]*(?:\|[ \t]*(.*?))?[ \t]*$")
# A container whose body is indented four more spaces: an admonition, details or a tab.
_CONTAINER = re.compile(r"^( *)(?:!!!|\?\?\?\+?|===)[ \t]")
# A bare run of slashes closes the innermost open block.
_CLOSE = re.compile(r"^( *)(/{3,})[ \t]*$")
# An option line under the header: indent, then `key: value`.
_OPTION = re.compile(r"^( *)([A-Za-z_][\w-]*)[ \t]*:(.*)$")
# A task item: indent, a bullet or a number, one space, `[ ]` or `[x]`, text.
_ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}[.)]) \[([ xX])\](?:[ \t]+(.*?))?[ \t]*$")
# Anything that looks like it wanted to be a task item (bullet or number, then brackets).
_ITEMISH = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)])[ \t]*\[[^\]\n]{0,3}\](?![(\[:])")
# An opening code fence: indent, three or more backticks or tildes, an info string.
# What a line that looks like an item holds (`_ITEMISH`); a line that opens a checklist
# holds "checklist". A page with neither is not read line by line.
_SHORT_BRACKETS = re.compile(r"\[[^\]\n]{0,3}\]")
_FENCE = re.compile(r"^ *(`{3,}|~{3,})(.*)$")
_SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# Inline Markdown that should not reach an id: links and images keep their text.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Everything that is not a letter or digit of any script.
_NOT_WORD = re.compile(r"[\W_]+")


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
    """One `/// checklist` block: its options as pymdownx reads them, and its items."""

    title: str
    line: int
    options: dict = field(default_factory=dict)
    id_line: str = ""
    # The line of each option, by name, for messages about its value.
    option_lines: dict[str, int] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    # False when a new block or the end of the page came before its closing '///'.
    closed: bool = True

    @property
    def written_id(self) -> str:
        """The id as its line was written, for messages: 'yes' where YAML read true."""
        return self.id_line.partition(":")[2].strip()

    @property
    def id(self) -> str:
        """The id option when it is text, else ''."""
        value = self.options.get("id", "")
        return value if isinstance(value, str) else ""


@dataclass(frozen=True, order=True)
class SyntaxProblem:
    """A problem of form found while reading, at a 1-based line."""

    line: int
    message: str


def id_problem(value: object, written: str = "") -> str:
    """Why `value` (the `id` option as YAML read it) is not a valid checklist id, or ''.

    The rule: text of lowercase letters, digits and single hyphens, starting with
    a letter, at most 64 characters, and not a word YAML reads as true, false or
    null. Numbers and such words would reach the page as another value.
    """
    if value == "":
        return (
            "Checklist has no id. Add an indented line '    id: a-lowercase-slug' "
            "under '/// checklist'."
        )
    if not isinstance(value, str) or value.lower() in YAML_WORDS:
        return (
            f"Checklist id '{written or _as_written(value)}' is read as {_as_read(value)}, not as "
            "text; expected lowercase words joined by hyphens, starting with a letter, like "
            "'news-first-steps'."
        )
    if len(value) > CHECKLIST_ID_MAX_CHARS:
        return (
            f"Checklist id '{value[:20]}...' has {len(value)} characters; "
            f"expected at most {CHECKLIST_ID_MAX_CHARS}."
        )
    if not _SLUG.match(value):
        suggestion = slugify(value)
        if suggestion and not suggestion[0].isalpha():
            suggestion = "list-" + suggestion
        hint = f" Did you mean '{suggestion}'?" if suggestion else ""
        return f"Checklist id '{value}' is not a lowercase slug.{hint}"
    return ""


def item_id(text: str) -> str:
    """Derive an item's stable id from its text.

    The rule: drop link targets and Markdown punctuation, lowercase, join the
    words (letters and digits of any script) with hyphens, and cut at a hyphen
    to at most 48 characters. The id depends on the item's own words only, so
    reordering items or editing other items keeps every tick; rewording an
    item starts it unticked.
    """
    slug = slugify(_LINK.sub(r"\1", text.splitlines()[0] if text else ""))
    if len(slug) <= ID_MAX_CHARS:
        return slug
    cut = slug[: ID_MAX_CHARS + 1].rfind("-")
    return slug[: cut if cut > 0 else ID_MAX_CHARS]


def carry_ids(checklists: list[Checklist], source: list[Checklist]) -> list[Checklist]:
    """A translated page's `checklists`, each item with the id its position has in `source`.

    The rule: item N of a translated checklist is item N of the source page's
    checklist with the same `id:`, counted in reading order, nested items
    included. An item the source has no position for, or a checklist the source
    does not have, keeps the id of its own words (the checks report both).
    """
    source_ids = {checklist.id: [item.id for item in checklist.items] for checklist in source}
    carried = []
    for checklist in checklists:
        ids = source_ids.get(checklist.id, [])
        items = [
            replace(item, id=ids[position]) if position < len(ids) else item
            for position, item in enumerate(checklist.items)
        ]
        carried.append(replace(checklist, items=items))
    return carried


def slugify(value: str) -> str:
    """Lowercase words of any script joined by hyphens: 'Bad_ID' -> 'bad-id'."""
    return _NOT_WORD.sub("-", unicodedata.normalize("NFKC", value).lower()).strip("-")


def read_options(lines: list[str]) -> tuple[dict | None, str]:
    """The option lines of a block header as pymdownx Blocks reads them: indented YAML.

    Returns (options, '') or (None, why they cannot be read).
    """
    text = textwrap.dedent("\n".join(lines))
    try:
        options = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return None, getattr(error, "problem", None) or "not valid YAML"
    if options is None:
        return {}, ""
    if not isinstance(options, dict):
        return None, "expected 'key: value' lines"
    return options, ""


def parse(markdown: str) -> tuple[list[Checklist], list[SyntaxProblem]]:
    """Every checklist that renders from `markdown`, and problems of form found on the way."""
    if "checklist" not in markdown and not _SHORT_BRACKETS.search(markdown):
        return [], []
    reader = _Reader()
    for number, line in enumerate(file_lines(markdown), start=1):
        reader.read(number, line.expandtabs(4))
    reader.finish()
    return reader.checklists, reader.problems


class _Reader:
    """Reads a page line by line, keeping track of code, comments and open blocks."""

    def __init__(self) -> None:
        self.checklists: list[Checklist] = []
        self.problems: list[SyntaxProblem] = []
        self.fence = ""
        self.in_comment = False
        self.containers: list[int] = []
        self.current: Checklist | None = None
        self.indent = 0
        self.slashes = ""
        self.header: list[str] | None = None
        self.header_line = 0
        self.last_item: Item | None = None

    def read(self, number: int, line: str) -> None:
        if self._skipped(line):
            return
        if self.current is None:
            self._read_outside(number, line)
        else:
            self._read_inside(number, line)

    def finish(self) -> None:
        if self.current is not None:
            self._end_header()
            self.current.closed = False
            self.problems.append(
                SyntaxProblem(
                    self.current.line,
                    f"Checklist '{self.current.id or self.current.title}' is never closed. "
                    f"Add a line '{self.slashes}' after its last item.",
                )
            )

    def _skipped(self, line: str) -> bool:
        """Whether `line` is fenced code or an HTML comment, which never render as blocks."""
        if self.fence:
            closing = _FENCE.match(line)
            if closing and closing.group(1).startswith(self.fence) and not closing.group(2).strip():
                self.fence = ""
            return True
        if self.in_comment:
            self.in_comment = "-->" not in line
            return True
        opening = _FENCE.match(line)
        if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
            self.fence = opening.group(1)
            return True
        stripped = line.lstrip()
        if stripped.startswith("<!--") and self.header is None:
            self.in_comment = "-->" not in stripped[4:]
            return True
        return False

    def _read_outside(self, number: int, line: str) -> None:
        indent = len(line) - len(line.lstrip(" "))
        if line.strip():
            while self.containers and indent < self.containers[-1]:
                self.containers.pop()
        first = line[indent : indent + 1]
        if first.isalpha() or (
            "[" not in line and "/" not in line and first not in ("!", "?", "=")
        ):
            return  # No opening, container, item or near-miss can be on this line.
        opening = _OPEN.match(line)
        if opening and (indent == 0 or indent in self.containers):
            self.current = Checklist(title=(opening.group(3) or "").strip(), line=number)
            self.indent, self.slashes = indent, opening.group(2)
            self.header, self.header_line, self.last_item = [], number, None
            self.checklists.append(self.current)
            self._refuse_controls(number, line)
            return
        if container := _CONTAINER.match(line):
            self.containers.append(len(container.group(1)) + 4)
        self.problems += _stray(number, line)

    def _read_inside(self, number: int, line: str) -> None:
        checklist = self.current
        if _OPEN.match(line):
            checklist.closed = False
            self.problems.append(
                SyntaxProblem(
                    number,
                    f"Checklist '{checklist.id}' (line {checklist.line}) is still open. "
                    "Close it with '///' before starting another.",
                )
            )
            self._end_header()
            self.current = None
            self._read_outside(number, line)
            return
        body = line[self.indent :] if line[: self.indent].strip() == "" else line.lstrip()
        closing = _CLOSE.match(body)
        if closing and not closing.group(1) and closing.group(2) == self.slashes:
            self._end_header()
            self.current = None
            return
        if self.header is not None:
            if body.startswith("    ") and body.strip():
                self.header.append(body)
                return
            option = _OPTION.match(body)
            if option and option.group(2).lower() == "id":
                self.problems.append(
                    SyntaxProblem(
                        number,
                        f"The line '{body.strip()}' is indented {len(option.group(1))} "
                        "spaces, so it is read as text, not as the checklist's id; "
                        "indent it by four spaces.",
                    )
                )
            self._end_header()
        self._refuse_controls(number, body)
        self.last_item = self._read_body(checklist, number, body)

    def _refuse_controls(self, number: int, line: str) -> None:
        """A problem if the title, item or hint on `line` holds a control character."""
        if chars := control_characters(line):
            self.problems.append(
                SyntaxProblem(
                    number,
                    f"Checklist text holds a control character: {control_names(chars)}. "
                    "It would break the line in readers' calendar files and progress; delete "
                    "it (a character reference such as '&#13;' counts too).",
                )
            )

    def _end_header(self) -> None:
        if self.header is None:
            return
        options, why = read_options(self.header)
        if options is None:
            self.problems.append(
                SyntaxProblem(
                    self.header_line + 1,
                    f"The checklist's options cannot be read ({why}); expected one indented "
                    "line '    id: a-lowercase-slug'.",
                )
            )
            options = {}
        lines = {
            found.group(2): self.header_line + 1 + number
            for number, line in enumerate(textwrap.dedent("\n".join(self.header)).splitlines())
            if (found := _OPTION.match(line)) and not found.group(1)
        }
        for key in options:
            if key != "id" and key not in PLAN_OPTIONS:
                self.problems.append(
                    SyntaxProblem(
                        lines.get(key, self.header_line + 1),
                        f"Checklist option '{key}' is not known; expected 'id', 'when' or "
                        "'remind'. Without a valid header the block renders as plain text.",
                    )
                )
        self.current.options = options
        self.current.option_lines = lines
        self.current.id_line = next(
            (line.strip() for line in self.header if line.strip()[:3] == "id:"), ""
        )
        self.header = None

    def _read_body(self, checklist: Checklist, number: int, line: str) -> Item | None:
        """Add the item on `line`, or attach a hint; return the latest item."""
        item = _ITEM.match(line)
        if item:
            indent, mark, text = item.group(1), item.group(2), (item.group(3) or "").strip()
            new = Item(item_id(text), text, "", number, len(indent) // 4, mark in "xX")
            checklist.items.append(new)
            return new
        self.problems += _near_miss(number, line)
        last = self.last_item
        if last is not None and line.strip() and line.startswith(" "):
            hinted = replace(last, hint=f"{last.hint} {line.strip()}".strip())
            checklist.items[-1] = hinted
            return hinted
        return None if not line.strip() else last


def _stray(number: int, line: str) -> list[SyntaxProblem]:
    """A task item outside any checklist block would render static and unsaved."""
    if _ITEM.match(line):
        return [
            SyntaxProblem(
                number,
                "Task-list item outside a checklist block. Put the list inside "
                "'/// checklist | Title' ... '///' so readers can tick it.",
            )
        ]
    return _near_miss(number, line)


def _near_miss(number: int, line: str) -> list[SyntaxProblem]:
    found = _ITEMISH.match(line)
    if found and not _ITEM.match(line):
        return [
            SyntaxProblem(
                number,
                f"'{found.group(0).strip()}' looks like a checklist item but renders as plain "
                "text; expected '- [ ] ' (dash, space, brackets with one space, space).",
            )
        ]
    return []


def _as_written(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "null" if value is None else str(value)


def _as_read(value: object) -> str:
    if isinstance(value, str):
        return f"a word that YAML can read as true, false or null ({value})"
    if isinstance(value, bool) or value is None:
        return _as_written(value)
    return f"the number {value}"
