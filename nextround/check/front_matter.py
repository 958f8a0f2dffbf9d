"""Rules for page front matter. Pure functions, no engine.

Every page needs a `title` and a `description` of at most 160 characters
(search engines cut longer ones). `keywords:` and `search:` follow the rules
of `search_meta.py`. A guide also needs `last_reviewed`, a real
date in `YYYY-MM-DD` form and not in the future. A guide reviewed more than 12
months ago is *due for review*: a note for the check command, not a problem.

A guide is every page under `guides/` except `guides/index.md`, plus
`next-30-days.md`.

Title and description end up in attributes of every page (`<meta>`, `<title>`)
and in link previews, so they may not hold control characters, which no
escaping makes valid HTML; and the theme writes a title into the navigation as
markup, so a title may not hold '<'.

The front matter is read here with YAML's `BaseLoader`, every value a string:
MkDocs drops the whole front matter when one date is impossible (`2026-02-30`
raises inside PyYAML), and this check must still say which line is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import yaml

from nextround.check.search_meta import Keyword, check_search_meta
from nextround.findings import REVIEW_MONTHS, Finding, ReviewDue

DESCRIPTION_MAX = 160
GUIDE_FOLDER = "guides/"
GUIDE_PAGES = frozenset({"next-30-days.md"})
NOT_GUIDES = frozenset({"guides/index.md"})

# The same front matter MkDocs reads: `---` on line 1, closed by `---` or `...`.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Characters that HTML forbids in text and attributes, however they are escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


@dataclass(frozen=True)
class MetadataCheck:
    """The problems of one page, whether it is due for review, and its search keywords."""

    problems: list[Finding]
    review_due: ReviewDue | None = None
    keywords: list[Keyword] = field(default_factory=list)


def is_guide(src_uri: str) -> bool:
    """Whether the page `src_uri` (docs-relative, forward slashes) is a guide."""
    if src_uri in GUIDE_PAGES:
        return True
    return src_uri.startswith(GUIDE_FOLDER) and src_uri not in NOT_GUIDES


def check_metadata(
    path: str, src_uri: str, text: str, today: date, meta: dict | None = None
) -> MetadataCheck:
    """Check the front matter of the Markdown file `text`, reported as `path`.

    `meta` is the front matter as MkDocs read it (`page.meta`), to save a
    second YAML parse; when it is empty, the block is parsed here.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        expected = "title and description"
        if is_guide(src_uri):
            expected = "title, description and last_reviewed"
        return MetadataCheck(
            [Finding(path, 1, f"expected front matter with {expected}, found none.")]
        )
    block = match.group(1) or ""
    if meta:
        meta = {key: _as_text(value) for key, value in meta.items()}
    else:
        try:
            meta = yaml.load(block, Loader=yaml.BaseLoader) or {}
        except yaml.YAMLError as error:
            return _yaml_problem(path, block, error)
    if not isinstance(meta, dict):
        return MetadataCheck(
            [Finding(path, 1, "expected front matter of 'key: value' lines, found other YAML.")]
        )
    lines = _key_lines(block)
    problems = []
    for key in ("title", "description"):
        problems += _required_text(path, key, meta, lines)
        problems += _markup_safe(path, key, meta.get(key), lines)
    description = meta.get("description")
    if isinstance(description, str) and len(description.strip()) > DESCRIPTION_MAX:
        problems.append(
            Finding(
                path,
                lines.get("description", 1),
                f"description is {len(description.strip())} characters long; expected at most "
                f"{DESCRIPTION_MAX}. Shorten it.",
            )
        )
    keywords, search_problems = check_search_meta(path, block, meta)
    problems += search_problems
    review_due = None
    if is_guide(src_uri):
        reviewed, date_problems = _last_reviewed(path, meta, lines, today)
        problems += date_problems
        if reviewed is not None and reviewed < _months_before(today, REVIEW_MONTHS):
            review_due = ReviewDue(path, lines.get("last_reviewed", 1), reviewed.isoformat())
    return MetadataCheck(problems, review_due, keywords)


def _as_text(value):
    """A scalar from PyYAML's SafeLoader (date, number, bool) as the text it was written as."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return value


def _yaml_problem(path: str, block: str, error: yaml.YAMLError) -> MetadataCheck:
    if isinstance(error, yaml.reader.ReaderError):
        line = block[: error.position].count("\n") + 2
        message = (
            f"the front matter holds the character U+{error.character:04X}, which no "
            "web page may contain; delete it (it is often pasted in with the text)."
        )
        return MetadataCheck([Finding(path, line, message)])
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 2 if mark is not None else 1
    reason = getattr(error, "problem", None) or "unreadable"
    return MetadataCheck([Finding(path, line, f"the front matter is not valid YAML ({reason}).")])


def _required_text(path: str, key: str, meta: dict, lines: dict[str, int]) -> list[Finding]:
    if key not in meta:
        return [Finding(path, 1, f"expected '{key}' in the front matter, found none.")]
    value = meta[key]
    if isinstance(value, str) and value.strip():
        return []
    found = "a list" if isinstance(value, list) else "a mapping"
    if value is None or isinstance(value, str):
        found = "an empty value"
    return [Finding(path, lines.get(key, 1), f"expected '{key}' to be text, found {found}.")]


def _markup_safe(path: str, key: str, value, lines: dict[str, int]) -> list[Finding]:
    if not isinstance(value, str):
        return []
    line = lines.get(key, 1)
    if found := _CONTROL.search(value):
        return [
            Finding(
                path,
                line,
                f"'{key}' holds the character U+{ord(found.group()):04X}, which no web "
                "page may contain; delete it (it is often pasted in with the text).",
            )
        ]
    if key == "title" and "<" in value:
        return [
            Finding(
                path,
                line,
                "'title' holds '<', which the theme writes into the navigation as markup and "
                "so breaks the page; write the title in words, without angle brackets.",
            )
        ]
    return []


def _last_reviewed(
    path: str, meta: dict, lines: dict[str, int], today: date
) -> tuple[date | None, list[Finding]]:
    line = lines.get("last_reviewed", 1)
    value = meta.get("last_reviewed")
    if "last_reviewed" not in meta:
        return None, [
            Finding(
                path,
                1,
                "expected 'last_reviewed' (the date of the last review, YYYY-MM-DD) in the "
                "front matter of a guide, found none.",
            )
        ]
    text = value.strip() if isinstance(value, str) else ""
    reviewed = None
    if _DATE.match(text):
        try:
            reviewed = date.fromisoformat(text)
        except ValueError:
            reviewed = None
    if reviewed is None:
        return None, [
            Finding(
                path,
                line,
                f"last_reviewed is '{_shown(value)}', which is not a date; expected a real "
                "date as YYYY-MM-DD, like '2025-03-14'.",
            )
        ]
    if reviewed > today + timedelta(days=1):
        return None, [
            Finding(
                path,
                line,
                f"last_reviewed is {text}, a date in the future; expected the date of the "
                "last review, today or earlier.",
            )
        ]
    return reviewed, []


def _key_lines(block: str) -> dict[str, int]:
    """Top-level key -> its line in the file (the block starts on line 2)."""
    lines = {}
    for index, line in enumerate(block.splitlines()):
        if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
            lines.setdefault(line.split(":", 1)[0].strip().strip("'\""), index + 2)
    return lines


def _months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the 28th when the day does not exist)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    try:
        return day.replace(year=year, month=month + 1)
    except ValueError:
        return day.replace(year=year, month=month + 1, day=28)


def _shown(value) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)
