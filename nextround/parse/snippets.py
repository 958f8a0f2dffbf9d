"""The snippets a Markdown text pulls in, read as `pymdownx.snippets` reads them, and their files.

`references` finds every include in a text: the one-line form
(`--8<-- "templates/reply.md"`, any run of dashes, either quote, indented or
not, nothing after the closing quote) and the block form (a line of `--8<--`
alone, one name a line, `--8<--` again). Like pymdownx it reads every line,
code blocks included (snippets are pasted in before Markdown parses
anything); a `;` before the marker escapes it, a name starting with `;`
inside a block is a comment, and a one-line include inside a block is
ignored. A name may end with a line range or a section (`reply.md:3:9`,
`reply.md:intro`).

`Snippets` finds a name in the base paths as pymdownx does (a folder base
holds any file below it; a file base, such as `CONTRIBUTING.md`, only
itself), from the working folder, and says why a name cannot be included:
an address (URL), an absolute path, a path or a link that leaves every base,
a folder, a file that is not UTF-8, a section the file does not mark, or no
such file. Nothing here imports an engine or touches the network.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from itertools import islice
from pathlib import Path
from typing import NamedTuple

# One line of notation (pymdownx's RE_ALL_SNIPPETS): an indent, escaping `;`s, then a
# marker and a quoted name, or a block marker alone.
_NOTATION = re.compile(
    r"""^[ \t]*(?P<escape>;*)(?:-+8<-+[ \t]+(?P<quoted>"(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')"""
    r"""(?![ \t])|(?P<block>-+8<-+)(?![ \t]))\r?$"""
)
# A line range (`:3`, `:3:9`, `:1:2,8:9`) or a section (`:intro`) after a name (pymdownx's
# RE_SNIPPET_FILE), for names of a sane length.
_SELECTOR = re.compile(
    r"(?i)^(.*?)(?:((?::-?[0-9]*){1,2}(?:(?:,(?=[-0-9:])-?[0-9]*)(?::-?[0-9]*)?)*)"
    r"|:([a-z][-_0-9a-z]*))?$"
)
_NAME_MAX = 300
# A section marker inside a snippet file: `--8<-- [start:intro]`.
_SECTION_START = r"-+8<-+[ \t]+\[[ \t]*start[ \t]*:[ \t]*{}[ \t]*\]"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_SHOWN_NAMES = 6
_NAMES_MAX = 5000


@dataclass(frozen=True)
class Reference:
    """One include: its 1-based line, the name as written, and the file part of it."""

    line: int
    written: str
    name: str
    section: str = ""


def references(text: str) -> list[Reference]:
    """Every snippet that `text` includes, in order."""
    if "8<" not in text:
        return []  # Every marker holds '8<': most pages include nothing.
    found = []
    in_block = False
    for number, line in enumerate(text.split("\n"), start=1):
        if "8<" not in line and not in_block:
            continue
        notation = _NOTATION.match(line)
        if notation:
            if notation.group("escape") or (in_block and notation.group("quoted")):
                continue
            if notation.group("block"):
                in_block = not in_block
                continue
            written = notation.group("quoted")[1:-1].strip()
        elif in_block:
            written = line.strip()
        else:
            continue
        if written and not written.startswith(";"):
            found.append(_reference(number, written))
    return found


def unclosed_block(text: str) -> int:
    """The line of a block marker (`--8<--` alone) that nothing closes, or 0."""
    if "8<" not in text:
        return 0
    opened = 0
    for number, line in enumerate(text.split("\n"), start=1):
        notation = _NOTATION.match(line) if "8<" in line else None
        if notation and notation.group("block") and not notation.group("escape"):
            opened = 0 if opened else number
    return opened


def _reference(line: int, written: str) -> Reference:
    if len(written) > _NAME_MAX or "\n" in written:
        return Reference(line, written, written)
    parts = _SELECTOR.match(written)  # Always matches: every part but the name is optional.
    return Reference(line, written, parts.group(1).strip(), parts.group(3) or "")


class Refusal(NamedTuple):
    """Why a name cannot be included, and how to fix it."""

    problem: str
    fix: str


class Snippets:
    """The snippet files of a site, found in its base paths as `pymdownx.snippets` finds them.

    `bases` are the `base_path` entries, relative to the working folder as
    pymdownx takes them; those that do not exist are left out, as it does.
    `appended` are the `auto_append` names, which end every page.
    """

    def __init__(self, bases: Sequence[str | Path], appended: Sequence[str] = ()):
        absolute = [Path(os.path.abspath(base)) for base in bases]
        self.bases = [base for base in absolute if base.exists()]
        self.appended = list(appended)
        self._texts: dict[Path, str | None] = {}
        self._refusals: dict[tuple[str, str], Refusal | None] = {}

    def path(self, name: str) -> Path | None:
        """The file the name `name` includes, or None (the first base that has it wins)."""
        for base in self.bases:
            if base.is_dir():
                candidate = Path(os.path.abspath(base / name))
                if candidate.is_relative_to(base) and candidate != base and _exists(candidate):
                    return candidate
            else:
                candidate = base.parent / name
                if _exists(candidate) and _same(candidate, base):
                    return candidate
        return None

    def __call__(self, name: str) -> str | None:
        """The text of the snippet `name`, or None when it cannot be included."""
        return None if self.refusal(name) else self._read(self.path(name))

    def refusal(self, name: str, section: str = "") -> Refusal | None:
        """Why `name` (and its `section`) cannot be included, or None when it can."""
        key = (name, section)
        if key not in self._refusals:
            self._refusals[key] = self._refusal(name, section)
        return self._refusals[key]

    def _refusal(self, name: str, section: str) -> Refusal | None:
        where, folders = self.where(), self.where(folders_only=True)
        move = f"Put the text in a file under {folders} and include that file by its name there."
        if not name:
            return Refusal("has no file name", "Write the file's name before the ':'.")
        if _URL.match(name):
            return Refusal(
                "is an address (URL): snippets come from files of the repository, never from "
                "the network",
                move,
            )
        if name.startswith("/"):
            return Refusal("is an absolute path", f"Name the file relative to {folders}.")
        found = self.path(name)
        if found is None:
            if not any(_inside(base, name) for base in self.bases):
                return Refusal(f"points outside {where}", move)
            return Refusal(f"does not exist in {where}", self.suggestion(name))
        if not any(_same(found, base) or _resolves_inside(found, base) for base in self.bases):
            return Refusal(f"is a link to a file outside {where}", move)
        if found.is_dir():
            return Refusal("is a folder", "Name one file in it.")
        if not found.is_file():
            return Refusal("is not a regular file", "Include a text file.")
        text = self._read(found)
        if text is None:
            return Refusal("is not UTF-8 text", "Save the file as UTF-8.")
        if section and not re.search(_SECTION_START.format(re.escape(section)), text, re.I):
            return Refusal(
                f"has no section '{section}'",
                f"Mark it in the file with '--8<-- [start:{section}]' and "
                f"'--8<-- [end:{section}]', or drop ':{section}' to include the whole file.",
            )
        return None

    def appended_texts(self) -> list[tuple[str, str]]:
        """(path as findings name it, text) of each appended snippet that can be included."""
        found = []
        for name in self.appended:
            text = self(name)
            if text is not None:
                found.append((shown_path(self.path(name)), text))
        return found

    def names(self) -> list[str]:
        """Every name that can be included (at most the first few thousand), sorted."""
        found = set()
        for base in self.bases:
            if base.is_dir():
                found |= set(islice(_files_below(base), _NAMES_MAX))
            else:
                found.add(base.name)
        return sorted(found)

    def suggestion(self, name: str) -> str:
        """A "Did you mean" for a name that is not there, else the names that are."""
        names = self.names()
        close = get_close_matches(name, names, n=1, cutoff=0.6)
        if close:
            return f"Did you mean '{close[0]}'?"
        if not names:
            return "There are no snippet files yet."
        shown = ", ".join(f"'{name}'" for name in names[:_SHOWN_NAMES])
        more = f" and {len(names) - _SHOWN_NAMES} more" if len(names) > _SHOWN_NAMES else ""
        return f"The snippets are {shown}{more}."

    def where(self, folders_only: bool = False) -> str:
        """The bases, as messages name them: 'includes/ or CONTRIBUTING.md', or 'includes/'."""
        bases = [base for base in self.bases if base.is_dir() or not folders_only]
        shown = [shown_path(base) + ("/" if base.is_dir() else "") for base in bases]
        return " or ".join(shown) or "a snippet base path (none of them exists)"

    def _read(self, path: Path | None) -> str | None:
        if path is None:
            return None
        if path not in self._texts:
            try:
                self._texts[path] = path.read_bytes().decode("utf-8") if path.is_file() else None
            except (OSError, UnicodeDecodeError):
                self._texts[path] = None
        return self._texts[path]


def shown_path(path: Path) -> str:
    """`path` as findings name files: from the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _files_below(folder: Path):
    """The names of the regular files under `folder`, from it; links to folders not followed."""
    for parent, _folders, files in os.walk(folder):
        for name in files:
            if os.path.isfile(path := Path(parent) / name):
                yield path.relative_to(folder).as_posix()


def _exists(path: Path) -> bool:
    """Whether `path` exists, as pymdownx asks (`os.path.exists`: a bad name is no file)."""
    return os.path.exists(path)


def _same(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _inside(base: Path, name: str) -> bool:
    """Whether `name`, taken from the folder base `base`, stays inside it (no link followed)."""
    return base.is_dir() and Path(os.path.abspath(base / name)).is_relative_to(base)


def _resolves_inside(path: Path, base: Path) -> bool:
    """Whether `path`, every link followed, is inside the folder base `base`."""
    real = Path(os.path.realpath(path))
    return base.is_dir() and real.is_relative_to(os.path.realpath(base))
