"""Where the code asks for a message: every key our scripts, renderers and templates use.

- Scripts (`docs/javascripts/*.js`): `nr.t("group.name")` or
  `nr.t("group.name", { done, total: items.length })`. The key must be written
  out in quotes; the names of an object written in the call are the values it
  gives. Comments are left out.
- Python (`nextround/**/*.py`, read with `ast`): `catalog.t("key", name=...)`
  or `catalog.markup(...)` (the same, as HTML),
  `catalog.counted("key", count)` (which uses `key.one` and `key.other`, and
  gives `count`) and `Placeholder("you")` in `nextround/placeholders.py`
  (which uses `placeholder.you`).
- Templates (`overrides/**/*.html`): `nr_t("key", name=value)`, read as a
  Python call; Jinja comments are left out.

Pure functions over source text; the caller gives each file's path and text.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

_SCRIPT_CALL = re.compile(r"\bnr\.t\(\s*")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)
_QUOTES = "\"'`"
# A module with none of these asks for no message, and is not parsed.
_PYTHON_CALL = re.compile(r"\.(?:t|markup|counted)\(|\bPlaceholder\(")
_OPEN, _CLOSE = "([{", ")]}"
_TEMPLATE_CALL = re.compile(r"\bnr_t\(")
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


@dataclass(frozen=True, order=True)
class Use:
    """One place that asks for a message: its file and line, the key, and the values given."""

    path: str
    line: int
    key: str
    names: frozenset[str] | None = None
    """The names of the values the call gives; None when the source does not say."""
    problem: str = ""
    """Why the key cannot be read from the source ('' when it can)."""


def script_uses(path: str, source: str) -> list[Use]:
    """Every `nr.t(...)` call of a script."""
    code = _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub(_blank, source))
    uses = []
    for match in _SCRIPT_CALL.finditer(code):
        line = code.count("\n", 0, match.start()) + 1
        start = match.end()
        quote = code[start : start + 1]
        end = code.find(quote, start + 1) if quote in "\"'" and quote else -1
        if end < 0:
            uses.append(Use(path, line, "", problem="nr.t( without its key written out in quotes"))
            continue
        uses.append(Use(path, line, code[start + 1 : end], _script_names(code, end + 1)))
    return uses


def _blank(match: re.Match) -> str:
    """A comment's text replaced by its line breaks, so lines keep their numbers."""
    return "\n" * match.group(0).count("\n")


def _script_names(code: str, position: int) -> frozenset[str] | None:
    """The names given after a key that ends at `position`: `)` none, `, { a, b: 1 }` a and b."""
    rest = code[position:].lstrip()
    if rest.startswith(")"):
        return frozenset()
    if not rest.startswith(","):
        return None
    rest = rest[1:].lstrip()
    if not rest.startswith("{"):
        return None
    entries = _top_level_entries(rest)
    if entries is None or any(entry.startswith("...") for entry in entries):
        return None
    return frozenset(entry.split(":", 1)[0].strip().strip(_QUOTES) for entry in entries)


def _top_level_entries(text: str) -> list[str] | None:
    """The comma-separated entries of the object literal `text` starts with; None if unclosed."""
    depth, entries, current, quote = 0, [], [], ""
    for char in text[1:]:
        if quote:
            quote = "" if char == quote else quote
        elif char in _QUOTES:
            quote = char
        elif char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            if depth == 0:
                entries.append("".join(current).strip())
                return [entry for entry in entries if entry]
            depth -= 1
        elif char == "," and depth == 0:
            entries.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    return None


def python_uses(path: str, source: str) -> list[Use]:
    """Every `.t("key", ...)`, `.counted("key", ...)` and `Placeholder("key")` call of a module."""
    if not _PYTHON_CALL.search(source):
        return []
    uses = []
    for node in ast.walk(ast.parse(source, filename=path)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else None
        names = _keywords(node)
        if name in ("t", "markup"):
            uses.append(Use(path, node.lineno, first.value, names))
        elif name == "counted":
            given = None if names is None else names | {"count"}
            uses += [Use(path, node.lineno, f"{first.value}.{form}", given) for form in FORMS]
        elif isinstance(function, ast.Name) and function.id == "Placeholder":
            uses.append(Use(path, node.lineno, f"placeholder.{first.value}", frozenset()))
    return sorted(uses)


FORMS = ("one", "other")
"""The forms of a counted message: for a count of 1, and for every other count."""


def _keywords(call: ast.Call) -> frozenset[str] | None:
    if any(keyword.arg is None for keyword in call.keywords):
        return None  # `**values`: the names are not in the source
    return frozenset(keyword.arg for keyword in call.keywords)


def template_uses(path: str, source: str) -> list[Use]:
    """Every `nr_t(...)` call of a Jinja template."""
    code = _JINJA_COMMENT.sub(_blank, source)
    uses = []
    for match in _TEMPLATE_CALL.finditer(code):
        line = code.count("\n", 0, match.start()) + 1
        call = _call(code[match.start() :])
        first = call.args[0] if call and call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            uses.append(Use(path, line, "", problem="nr_t( without its key written out in quotes"))
            continue
        uses.append(Use(path, line, first.value, _keywords(call)))
    return uses


def _call(text: str) -> ast.Call | None:
    """The call `text` starts with, read as Python; None when it is not one."""
    end = _closing_parenthesis(text)
    if end is None:
        return None
    try:
        call = ast.parse(text[: end + 1], mode="eval").body
    except SyntaxError:
        return None
    return call if isinstance(call, ast.Call) else None


def _closing_parenthesis(text: str) -> int | None:
    """Where the parenthesis closing the first one of `text` is, outside quotes."""
    depth, quote = 0, ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
    return None
