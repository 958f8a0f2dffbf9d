"""Find the Markdown line that a link or tag of the rendered page came from.

Rendered HTML has no source lines, so `SourceLines.locate` guesses. It is
given clues, most specific first (see `check.links.LinkProblem.clues`): the
URL, then the `#fragment` with the target's file name, the fragment alone,
then the link text. A clue matches a line that holds every string of it, the
way the author may have typed it: in any case, with character references
(`java&#x09;script:`), backslash escapes, percent escapes or white space
inside it. For each clue, in this order:

1. a line where each string starts an attribute value, a link target or a
   link text (after `=`, a quote, `(`, `<`, `[`, `>`, `,` or `]:`);
2. a line that holds each string anywhere;
3. for a clue of one string, the line where it starts when it runs over
   several lines (a raw HTML attribute written on two lines).

Else the line of the heading above the link (a line starting with `#` that
holds the heading's text), else line 1. At each step the first line not
already given to an earlier link of the page wins, so two identical broken
links map to their own lines; when every matching line is taken, the first
one is used again. Front matter is never matched, but counts, so numbers are
lines of the whole file. Lines end at a line feed, a carriage return or both,
as the engine and editors count them (not at the other breaks
`str.splitlines` knows, such as U+2028).

A line that includes a snippet (`--8<-- "templates/reply.md"`) also matches
the text of that snippet: a link inside a snippet is reported at the line
that pulls the snippet in. The snippets the engine appends to every page
(`auto_append`, the abbreviations) are searched last, and a link found there
is reported at its line of that file.

Nothing here imports an engine. The lines are split only when a page has a
problem.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from html import unescape
from typing import NamedTuple
from urllib.parse import unquote

from nextround.parse.snippets import references

# Front matter: a first line of `---`, closed by `---` or `...`.
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A Markdown backslash escape of ASCII punctuation.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# What comes before an attribute value, a link target or a link text, once spaces are gone.
_STARTS = ("=", '"', "'", "(", "<", "[", ">", ",", "]:")


class Location(NamedTuple):
    """A file, as findings name it, and a 1-based line in it."""

    path: str
    line: int


class _Line(NamedTuple):
    path: str
    number: int
    text: str
    """The line, and the text of the snippet it includes, if any."""
    plain: str
    """`text` as `_plain` compares it."""


def file_lines(text: str) -> list[str]:
    """The lines of `text`, split where the engine splits them: LF, CR or CR LF."""
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


class SourceLines:
    """The lines of one Markdown file, for mapping rendered links back to them."""

    def __init__(
        self,
        text: str,
        read_snippet: Callable[[str], str | None] | None = None,
        path: str = "",
        appended: Sequence[tuple[str, str]] = (),
    ):
        """Split `text`, the file `path`; `read_snippet(name)` returns a snippet's text, or None.

        `appended` holds (path, text) of each file the engine adds at the end of the page.
        """
        self._path = path
        lines = file_lines(text)
        self._lines = _with_snippets(path, lines, _body_start(lines), read_snippet)
        for shown, appended_text in appended:
            self._lines += [
                _Line(shown, number, line, _plain(line))
                for number, line in enumerate(file_lines(appended_text), start=1)
            ]
        self._starts: list[int] = []
        self._joined = ""
        self._used: set[tuple[str, int]] = set()

    def locate(self, clues: Sequence[Sequence[str]], heading: str = "") -> Location:
        """Where the first clue that matches was written, else the heading, else line 1."""
        for clue in clues:
            needles = tuple(_plain(needle) for needle in clue if needle)
            needles = tuple(needle for needle in needles if needle)
            if needles and (found := self._find(needles)):
                return found
        if heading and (found := self._take([lambda line: _is_heading(line.text, heading)])):
            return found
        return Location(self._path, 1)

    def _find(self, needles: tuple[str, ...]) -> Location | None:
        def started(line: _Line) -> bool:
            return all(any(start + needle in line.plain for start in _STARTS) for needle in needles)

        def anywhere(line: _Line) -> bool:
            return all(needle in line.plain for needle in needles)

        tests = [started, anywhere]
        if len(needles) == 1:
            tests.append(self._across(needles[0]))
        return self._take(tests)

    def _across(self, needle: str) -> Callable[[_Line], bool]:
        """A test for the lines where `needle` starts and runs on over the next lines."""
        if not self._starts:
            for line in self._lines:
                self._starts.append(len(self._joined))
                self._joined += line.plain
        first_lines = set()
        at = self._joined.find(needle)
        while at >= 0:
            first_lines.add(bisect_right(self._starts, at) - 1)
            at = self._joined.find(needle, at + 1)
        keys = {(self._lines[index].path, self._lines[index].number) for index in first_lines}
        return lambda line: (line.path, line.number) in keys

    def _take(self, tests: Sequence[Callable[[_Line], bool]]) -> Location | None:
        """The first line not yet used that passes a test (earlier tests first), else a used one."""
        first = None
        for test in tests:
            for line in self._lines:
                if not test(line):
                    continue
                key = (line.path, line.number)
                if key not in self._used:
                    self._used.add(key)
                    return Location(*key)
                first = first or Location(*key)
        return first


def _plain(text: str) -> str:
    """`text` read as a browser reads a URL: decoded, lowercase, no spaces or control characters."""
    text = unquote(unescape(_ESCAPE.sub(r"\1", text)))
    return "".join(char for char in text.lower() if char.isprintable() and not char.isspace())


def _body_start(lines: list[str]) -> int:
    """Index of the first line after the front matter (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[index]):
            return index + 1
    return 0


def _with_snippets(
    path: str, lines: list[str], first: int, read_snippet: Callable[[str], str | None] | None
) -> list[_Line]:
    """One `_Line` per body line; a line that includes a snippet carries the snippet's text."""
    names = {}
    if read_snippet is not None:
        names = {ref.line: ref.name for ref in references("\n".join(lines)) if ref.line > first}
    found = []
    for index in range(first, len(lines)):
        text = lines[index]
        if (name := names.get(index + 1)) and (snippet := read_snippet(name)):
            text = f"{text}\n{snippet}"
        found.append(_Line(path, index + 1, text, _plain(text)))
    return found


def _is_heading(text: str, heading: str) -> bool:
    """Whether `text` is an ATX heading line whose words include `heading`."""
    stripped = text.lstrip()
    return stripped.startswith("#") and heading in " ".join(stripped.split())
