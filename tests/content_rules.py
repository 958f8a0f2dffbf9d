"""Content rules over the Markdown sources: words we use, steps, checklists, templates.

Pure functions over text and paths, shared by `test_content_rules.py`. Every
problem is a string `path:line: message` so one test run lists all of them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from nextround.editions import language_of
from nextround.engine.site_config import read_site_config
from nextround.parse.checklists import parse

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INCLUDES = ROOT / "includes"
WORDS_FILE = INCLUDES / "words-we-use.md"
TEMPLATES = INCLUDES / "templates"
# The endings a "Not" word may take and still be found: English plurals and past tenses.
ENGLISH_ENDINGS = ("s", "es", "d", "ed")
# Each translated language's ending, and the start of the "Use" cells of its rows that hold
# for the reader only (tú), not for templates, which address their recipient formally.
TRANSLATED_ENDINGS = {"es": ("s", "es")}
READER_ONLY = {"es": "tú"}

# A row of the words table: `| resume | CV |`.
_ROW = re.compile(r"^\|(.*)\|\s*$")
_DIVIDER = re.compile(r"^\|(\s*:?-{3,}:?\s*\|)+\s*$")
_TAG = re.compile(r"<[^>]*>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
# A step that writes to the employer: a sending verb and the employer.
_SENDS = re.compile(
    r"\b(send|sending|sent|email|emailing|write|writing|written|reply|replying|"
    r"follow[- ]up|message)\b",
    re.IGNORECASE,
)
_EMPLOYER = re.compile(r"\b(employer|hiring manager|interviewers?|panel)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(if|unless)\b", re.IGNORECASE)
_DO_THIS_NOW = re.compile(r"^## Do this now\n(.*?)(?=^## )", re.MULTILINE | re.DOTALL)
_NUMBERED = re.compile(r"^\d+\.\s+(.*)$")
_INCLUDE = re.compile(r'^--8<-- "templates/([^"]+)"\s*$', re.MULTILINE)
_SUBJECT = re.compile(r"^Subject: (.*)$", re.MULTILINE)
_BRACKETS = re.compile(r"\[([^\]]*)\]")
PLACEHOLDER = re.compile(r"[A-Z][A-Za-z0-9' ]*")


@dataclass(frozen=True)
class Language:
    """One edition's words: its words-we-use list and the files it holds to it."""

    code: str
    words_file: Path
    files: tuple[Path, ...]
    endings: tuple[str, ...]
    reader_only: str | None = None
    """Rows whose "Use" starts with this are not checked in `templates`."""
    templates: Path | None = None


def languages(root: Path = ROOT) -> list[Language]:
    """Every edition of `extra.languages`, each with its own list over its own pages only.

    The source edition's pages are `docs/` and `includes/` less the translated
    editions' folders (`docs/xx/`, `includes/xx/`), which hold theirs.
    """
    codes = [e.code for e in site_editions(root)]
    docs, includes = root / "docs", root / "includes"
    translated = [folder / code for code in codes[1:] for folder in (docs, includes)]
    source = Language(
        codes[0],
        includes / WORDS_FILE.name,
        tuple(prose_files(docs, includes, skip=translated)),
        ENGLISH_ENDINGS,
    )
    return [source] + [
        Language(
            code,
            includes / code / WORDS_FILE.name,
            tuple(prose_files(docs / code, includes / code)),
            TRANSLATED_ENDINGS.get(code, ("s",)),
            READER_ONLY.get(code),
            includes / code / "templates",
        )
        for code in codes[1:]
    ]


@dataclass(frozen=True)
class Step:
    """One thing a page asks the reader to do: a checklist item or a "Do this now" line."""

    path: str
    line: int
    text: str


def relative(path: Path, root: Path = ROOT) -> str:
    """`path` as written in messages: relative to the repository root."""
    return path.relative_to(root).as_posix()


def words_we_use(
    path: Path = WORDS_FILE, root: Path = ROOT
) -> tuple[list[tuple[str, str]], list[str]]:
    """The (use, not) pairs of the words table, and problems with the table."""
    where = relative(path, root)
    pairs: list[tuple[str, str]] = []
    problems: list[str] = []
    rows = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        row = _ROW.match(line.strip())
        if row is None or _DIVIDER.match(line.strip()):
            continue
        rows += 1
        cells = [cell.strip() for cell in row.group(1).split("|")]
        if rows == 1:
            if [c.lower() for c in cells] != ["use", "not"]:
                problems.append(
                    f"{where}:{number}: expected the header '| Use | Not |', "
                    f"found '{line.strip()}'."
                )
            continue
        if len(cells) != 2 or not all(cells):
            problems.append(
                f"{where}:{number}: expected two filled cells, '| use | not |', "
                f"found '{line.strip()}'."
            )
            continue
        pairs.append((cells[0], cells[1]))
    if not pairs and not problems:
        problems.append(f"{where}:1: the words table has no rows under '| Use | Not |'.")
    return pairs, problems


def spelling_problems(
    files: list[Path],
    pairs: list[tuple[str, str]],
    root: Path = ROOT,
    language: Language | None = None,
) -> list[str]:
    """Each whole-word, case-insensitive use of a "Not" word, outside HTML tags.

    `language` gives the list to name, the endings a word may take, and the
    rows (tú) that its message templates, written to their recipient, skip.
    """
    words_file = language.words_file if language else WORDS_FILE
    endings = "|".join(language.endings if language else ENGLISH_ENDINGS)
    patterns = [
        (use, avoid, re.compile(rf"\b{_words_pattern(avoid)}({endings})?\b", re.IGNORECASE))
        for use, avoid in pairs
    ]
    problems = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [row for row in patterns if not _reader_only(row[0], path, language)]
        for number, line in enumerate(lines, start=1):
            text = _TAG.sub(" ", line)
            for use, avoid, pattern in rows:
                for found in pattern.finditer(text):
                    problems.append(
                        f"{relative(path, root)}:{number}: '{found.group(0)}': write "
                        f"'{use}', not '{avoid}' (see {_list_name(words_file, root)})."
                    )
    return problems


def _list_name(words_file: Path, root: Path) -> str:
    return relative(words_file, root if words_file.is_relative_to(root) else ROOT)


def _reader_only(use: str, path: Path, language: Language | None) -> bool:
    """Whether a row speaks to the reader only and `path` is a message template."""
    if language is None or not language.reader_only or language.templates is None:
        return False
    return use.startswith(language.reader_only) and path.is_relative_to(language.templates)


@functools.cache
def site_editions(root: Path = ROOT) -> tuple:
    """The editions `root`'s mkdocs.yml lists, read once."""
    return read_site_config(root / "mkdocs.yml").editions


def in_english(path: Path, root: Path = ROOT) -> bool:
    """Whether `path` is English: not in a translation's `docs/xx/` or `includes/xx/`."""
    known = site_editions()
    return language_of(PurePosixPath(relative(path, root)), known) == known[0].code


def prose_files(*folders: Path, skip: list[Path] = ()) -> list[Path]:
    """Markdown and CSV files readers read under `folders`, without the words tables.

    `skip`: files and folders left out (another language's pages).
    """
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in {".md", ".csv"}
        and path.name != WORDS_FILE.name
        and not any(path == s or path.is_relative_to(s) for s in skip)
    )


def checklist_steps(path: Path) -> list[Step]:
    """Every checklist item of one Markdown file, with its line."""
    checklists, _ = parse(path.read_text(encoding="utf-8"))
    return [
        Step(relative(path), item.line, item.text)
        for checklist in checklists
        for item in checklist.items
    ]


def do_this_now_steps(path: Path) -> list[Step]:
    """The numbered lines under `## Do this now`."""
    text = path.read_text(encoding="utf-8")
    section = _DO_THIS_NOW.search(text)
    if section is None:
        return []
    first_line = text.count("\n", 0, section.start(1)) + 1
    steps = []
    for offset, line in enumerate(section.group(1).splitlines()):
        numbered = _NUMBERED.match(line)
        if numbered:
            steps.append(Step(relative(path), first_line + offset, numbered.group(1)))
    return steps


def writes_to_employer(step: Step) -> bool:
    """Whether a step asks the reader to send something to the employer."""
    return bool(_SENDS.search(step.text) and _EMPLOYER.search(step.text))


def is_conditional(step: Step) -> bool:
    """Whether a step is worded as "if ..." or "unless ..."."""
    return bool(_CONDITIONAL.search(step.text))


def normalized(text: str) -> str:
    """An item's words only: link targets, case and punctuation dropped."""
    return " ".join(_NOT_WORD.sub(" ", _LINK_TARGET.sub("]", text).lower()).split())


def included_templates(page: Path) -> list[str]:
    """File names of the templates a page pulls in with `--8<--`."""
    return _INCLUDE.findall(page.read_text(encoding="utf-8"))


def subject(template: Path) -> str | None:
    """The template's `Subject:` line, if it has one."""
    found = _SUBJECT.search(template.read_text(encoding="utf-8"))
    return found.group(1).strip() if found else None


def placeholders(template: Path) -> list[tuple[int, str]]:
    """Every `[...]` in a template, with its line."""
    found = []
    for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
        found += [(number, match.group(1)) for match in _BRACKETS.finditer(line)]
    return found


def _words_pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split())
