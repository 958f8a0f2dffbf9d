"""Find the Markdown line that a link of the rendered page came from.

Rendered HTML has no source lines, so `SourceLines.locate` guesses, and says
how. It is given clues, most specific first (see `check.links.LinkProblem.clues`):

1. a line containing every string of a clue, such as the URL as written, or the
   `#fragment` together with the target's file name, or the fragment alone,
   then the link text;
2. else the line of the heading above the link (a line starting with `#` that
   holds the heading's text);
3. else line 1.

At each step the first line not already given to an earlier link of the page
wins, so two identical broken links map to their own lines; when every matching
line is taken, the first one is used again. Front matter is never matched, but
counts, so numbers are lines of the whole file. A line that includes a snippet
(`--8<-- "templates/reply.md"`) also matches the text of that snippet: a link
inside a snippet is reported at the line that pulls the snippet in.

Nothing here imports an engine. The lines are split only when a page has a
problem, and each lookup is one scan of that page's lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

# Front matter: a first line of `---`, closed by `---` or `...`.
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# pymdownx.snippets, one-line form: `--8<-- "file.md"` (group 1: the quoted name).
_SNIPPET_LINE = re.compile(r"""^\s*-{1,}8<-{1,}[ \t]+(["'])([^"']+)\1[ \t]*$""")
# pymdownx.snippets, block form: a line of `--8<--` alone opens and closes a list of files.
_SNIPPET_FENCE = re.compile(r"^\s*-{1,}8<-{1,}[ \t]*$")
# A line range or section after a snippet name: `file.md:3:9` or `file.md:intro`.
_SNIPPET_SELECTOR = re.compile(r":[^/\\]*$")


class SourceLines:
    """The lines of one Markdown file, for mapping rendered links back to them."""

    def __init__(self, text: str, read_snippet: Callable[[str], str | None] | None = None):
        """Split `text`; `read_snippet(name)` returns a snippet's text, or None."""
        self._lines = text.splitlines()
        self._first = _body_start(self._lines)
        self._search = _with_snippets(self._lines, self._first, read_snippet)
        self._used: set[int] = set()

    def locate(self, clues: Sequence[Sequence[str]], heading: str = "") -> int:
        """The 1-based line for the first clue that matches, else the heading, else 1."""
        for clue in clues:
            needles = tuple(needle for needle in clue if needle)
            if needles and (line := self._take(_contains_all(needles))):
                return line
        if heading and (line := self._take(lambda text: _is_heading(text, heading))):
            return line
        return 1

    def _take(self, matches: Callable[[str], bool]) -> int | None:
        first = None
        for number, text in self._search:
            if matches(text):
                if number not in self._used:
                    self._used.add(number)
                    return number
                if first is None:
                    first = number
        return first


def _body_start(lines: list[str]) -> int:
    """Index of the first line after the front matter (0 when there is none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[index]):
            return index + 1
    return 0


def _with_snippets(
    lines: list[str], first: int, read_snippet: Callable[[str], str | None] | None
) -> list[tuple[int, str]]:
    """(line number, searchable text) for each body line; snippet lines carry the snippet."""
    names = dict(included_snippets(lines, first)) if read_snippet is not None else {}
    searchable = []
    for index in range(first, len(lines)):
        text = lines[index]
        if (name := names.get(index + 1)) and (snippet := read_snippet(name)):
            text = f"{text}\n{snippet}"
        searchable.append((index + 1, text))
    return searchable


def included_snippets(lines: list[str], first: int = 0) -> list[tuple[int, str]]:
    """(1-based line, file name) of each snippet that `lines` pull in, from index `first` on.

    Both forms of `pymdownx.snippets` count; a line range or section after the
    name (`file.md:3:9`) is dropped.
    """
    found = []
    in_block = False
    for index in range(first, len(lines)):
        text = lines[index]
        name = None
        if _SNIPPET_FENCE.match(text):
            in_block = not in_block
        elif in_block and text.strip() and not text.lstrip().startswith("#"):
            name = text.strip()
        elif match := _SNIPPET_LINE.match(text):
            name = match.group(2)
        if name:
            found.append((index + 1, _SNIPPET_SELECTOR.sub("", name)))
    return found


def _contains_all(needles: tuple[str, ...]) -> Callable[[str], bool]:
    return lambda text: all(needle in text for needle in needles)


def _is_heading(text: str, heading: str) -> bool:
    """Whether `text` is an ATX heading line whose words include `heading`."""
    stripped = text.lstrip()
    return stripped.startswith("#") and heading in " ".join(stripped.split())


class SnippetReader:
    """The text of a `pymdownx.snippets` file by name (`reader(name)`), or None, and its path.

    It looks in each of `folders` in turn, as the snippets extension does, and
    reads each file once.
    """

    def __init__(self, folders: Sequence[Path]):
        self._folders = list(folders)
        self._texts: dict[str, str | None] = {}

    def path(self, name: str) -> Path | None:
        """Where the snippet `name` is, or None."""
        return next((folder / name for folder in self._folders if (folder / name).is_file()), None)

    def __call__(self, name: str) -> str | None:
        if name not in self._texts:
            found = self.path(name)
            self._texts[name] = (
                found.read_text(encoding="utf-8", errors="replace") if found else None
            )
        return self._texts[name]


def snippet_reader(folders: Sequence[Path]) -> SnippetReader:
    """A `SnippetReader` over `folders`."""
    return SnippetReader(folders)
