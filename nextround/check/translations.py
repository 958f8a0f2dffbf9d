"""Whether each translated page is still true to its English page. Plain functions; git by command.

A translated page names the English page it translates and the commit it
translated, in its front matter:

    source: guides/ask-for-feedback.md
    source_commit: 5bda5057d57b744b0f59d90307b6d1ff282ce65a

Each translated page gets one status: *current*, *behind* by N commits that
changed its English page since `source_commit` (`git log <commit>..HEAD --
<page>`), or *no source*; each English page without a translation is
*missing*. What fails and what is only listed:

- A missing or wrong `source:` (no such English page, or not the page's own
  path) and a missing or malformed `source_commit:` are problems: they are in
  the page itself and its author can fix them.
- *Behind*, *missing*, and a `source_commit` this clone cannot find (a shallow
  clone, a squash-merged branch, a typo; or no git at all) are notes: an
  English edit must not break the build of main.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from nextround.editions import Edition, source_docs_dir
from nextround.findings import Finding
from nextround.text import plural

CURRENT = "current"
BEHIND = "behind"
MISSING = "missing"
NO_SOURCE = "no source"
UNKNOWN = "unknown"
"""The status of a page whose `source_commit` this clone cannot tell about."""

# The same front matter MkDocs reads: `---` on line 1, closed by `---` or `...`.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_COMMIT = re.compile(r"[0-9a-f]{7,40}")
_FIX_SOURCE = (
    "Set 'source:' to the path of the English page under docs/ that this page translates, "
    "the same path as this page's (e.g. 'source: guides/ask-for-feedback.md')."
)


@dataclass(frozen=True)
class Status:
    """Where one page of one language stands against its English page."""

    page: str
    """The page's path inside the docs folders, the same in every language: 'guides/x.md'."""
    state: str
    changes: int = 0
    note: Finding | None = None
    """The line that says it, at the translated page (or the English page when missing)."""

    def label(self) -> str:
        """The status as the table shows it."""
        if self.state == BEHIND:
            return f"behind by {plural(self.changes, 'change')}"
        if self.state == UNKNOWN:
            return "unknown commit"
        return self.state


@dataclass(frozen=True)
class EditionStatus:
    """One translated edition: a status per page, and the problems that fail the check."""

    language: str
    statuses: list[Status]
    problems: list[Finding]

    def notes(self) -> list[Finding]:
        """What is listed but does not fail: pages behind, missing, or of an unknown commit."""
        return sorted(s.note for s in self.statuses if s.note and s.state != NO_SOURCE)


@dataclass(frozen=True)
class _Front:
    """The two keys of a translated page's front matter, with their lines."""

    source: str | None
    source_line: int
    commit: str | None
    commit_line: int


def site_status(source_dir: Path, known: tuple[Edition, ...]) -> list[EditionStatus]:
    """Every translated edition of `known`, its pages in `source_dir/<code>/`."""
    folders = _edition_folders(source_dir, known)
    return [
        edition_status(code, source_dir, folder, set(folders.values()))
        for code, folder in folders.items()
    ]


def build_status(docs_dir: Path, language: str, known: tuple[Edition, ...]) -> EditionStatus | None:
    """The status of the edition a config builds, or None when it is the source edition."""
    source_dir = source_docs_dir(docs_dir, language, known)
    if source_dir is None:
        return None
    folders = set(_edition_folders(source_dir, known).values())
    return edition_status(language, source_dir, docs_dir, folders)


def _edition_folders(source_dir: Path, known: tuple[Edition, ...]) -> dict[str, Path]:
    return {edition.code: Path(source_dir) / edition.code for edition in known[1:]}


def edition_status(
    language: str, source_dir: Path, translated_dir: Path, skip: set[Path] = frozenset()
) -> EditionStatus:
    """Compare every page of `translated_dir` with the English pages of `source_dir`.

    `skip`: folders under `source_dir` that hold no English pages (the
    translated editions' own folders). Paths are shown from the repository.
    """
    skip = {Path(folder).resolve() for folder in {*skip, translated_dir}}
    english = _pages(source_dir, skip)
    translated = _pages(translated_dir, set())
    shown = _Shown(source_dir)
    git = _Git(source_dir)
    statuses: list[Status] = []
    problems: list[Finding] = []
    for page in sorted(set(english) | set(translated)):
        if page not in translated:
            english_path = shown(source_dir / page)
            note = Finding(
                english_path,
                1,
                f"not translated into '{language}' yet (there is no "
                f"{shown(translated_dir / page)}).",
                f"Translate it there, with 'source: {page}' and 'source_commit:' in its front "
                "matter; until then the edition shows the English page.",
            )
            statuses.append(Status(page, MISSING, note=note))
            continue
        path = translated_dir / page
        status, found = _page_status(page, shown(path), path, source_dir, english, git, shown)
        statuses.append(status)
        problems += found
    return EditionStatus(language, statuses, sorted(problems))


def _page_status(page, path, file, source_dir, english, git, shown):
    """The status of one translated page, and its problems."""
    front = _read_front(file.read_text(encoding="utf-8", errors="replace"))
    if front is None:  # no readable front matter: the front matter check names it
        return Status(page, NO_SOURCE), []
    problems = _source_problems(page, path, front, english)
    if problems:
        return Status(page, NO_SOURCE, note=problems[0]), problems
    english_file = shown(source_dir / page)
    cannot_tell = git.unknown(front.commit)
    if cannot_tell:
        note = Finding(
            path,
            front.commit_line,
            f"cannot tell whether this page is behind {english_file}: {cannot_tell}",
            "Set 'source_commit:' to the commit of this repository whose English page you "
            f"translated (`git log --format=%H -- {english_file}` lists them).",
        )
        return Status(page, UNKNOWN, note=note), []
    changes = git.changes(front.commit, source_dir / page)
    if not changes:
        return Status(page, CURRENT), []
    note = Finding(
        path,
        front.commit_line,
        f"behind {english_file} by {plural(len(changes), 'change')} since {front.commit[:12]}.",
        f"Review them with `git diff {front.commit[:12]} -- {english_file}`, carry them into "
        f"this page, then set 'source_commit:' to the commit you translated (the newest is "
        f"{changes[0]}).",
    )
    return Status(page, BEHIND, len(changes), note), []


def _source_problems(page: str, path: str, front: _Front, english: set[str]) -> list[Finding]:
    """A missing or wrong `source:` or `source_commit:`: problems that fail the check."""
    problems = []
    if not front.source:
        problems.append(Finding(path, 1, "front matter has no 'source:'.", _FIX_SOURCE))
    elif front.source not in english:
        problems.append(
            Finding(
                path,
                front.source_line,
                f"'source: {front.source}' names no English page.",
                _FIX_SOURCE,
            )
        )
    elif front.source != page:
        problems.append(
            Finding(
                path,
                front.source_line,
                f"'source: {front.source}' is another page's path; a translated page keeps "
                f"its English page's path ({page}).",
                f"Move this file to the path of {front.source}, or set 'source: {page}'.",
            )
        )
    if not front.commit:
        problems.append(
            Finding(
                path,
                1,
                "front matter has no 'source_commit:'.",
                "Add 'source_commit:' with the full id of the commit whose English page you "
                "translated (`git log -1 --format=%H -- docs/<source>`).",
            )
        )
    elif not _COMMIT.fullmatch(front.commit):
        problems.append(
            Finding(
                path,
                front.commit_line,
                f"'source_commit: {front.commit}' is not a commit id.",
                "Write the commit's id, 7 to 40 lowercase hex digits "
                "(`git log -1 --format=%H -- docs/<source>`).",
            )
        )
    return problems


def _read_front(text: str) -> _Front | None:
    """`source:` and `source_commit:` and their lines, or None without readable front matter."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return _Front(None, 1, None, 1)
    block = match.group(1) or ""
    try:
        meta = yaml.load(block, Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError:
        return None
    if not isinstance(meta, dict):
        return None
    lines = {}
    for index, line in enumerate(block.splitlines()):
        key = line.split(":", 1)[0].strip()
        if ":" in line and not line[:1].isspace():
            lines.setdefault(key, index + 2)
    source, commit = (meta.get(key) for key in ("source", "source_commit"))
    return _Front(
        source.strip() if isinstance(source, str) and source.strip() else None,
        lines.get("source", 1),
        commit.strip() if isinstance(commit, str) and commit.strip() else None,
        lines.get("source_commit", 1),
    )


def _pages(folder: Path, skip: set[Path]) -> set[str]:
    """The Markdown pages under `folder`, as paths inside it, outside the `skip` folders."""
    folder = Path(folder)
    if not folder.is_dir():
        return set()
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.md")
        if path.is_file() and not any(path.resolve().is_relative_to(s) for s in skip)
    }


class _Shown:
    """Paths as contributors know them: from the repository's top folder."""

    def __init__(self, folder: Path):
        top = _run_git(["rev-parse", "--show-toplevel"], folder)
        self.base = Path(top.strip()) if top else Path(folder).resolve().parent

    def __call__(self, path: Path) -> str:
        resolved = Path(path).resolve()
        if resolved.is_relative_to(self.base):
            return resolved.relative_to(self.base).as_posix()
        return resolved.as_posix()


class _Git:
    """The questions asked of git, in the docs folder's repository."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.problem = None
        if _run_git(["--version"], self.folder) is None:
            self.problem = "git is not installed here."
        elif _run_git(["rev-parse", "--git-dir"], self.folder) is None:
            self.problem = "this folder is not a git repository (a copy without its history)."

    def unknown(self, commit: str) -> str | None:
        """Why the status of `commit` cannot be told, or None when it is a commit here."""
        if self.problem:
            return self.problem
        if _run_git(["rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}"], self.folder):
            return None
        if (_run_git(["rev-parse", "--is-shallow-repository"], self.folder) or "").strip() == (
            "true"
        ):
            return (
                f"{commit[:12]} is not in this shallow clone (`git fetch --unshallow` "
                "brings the history)."
            )
        return f"{commit[:12]} is not a commit of this repository (a typo, or a branch since gone)."

    def changes(self, commit: str, path: Path) -> list[str]:
        """The commits since `commit` that changed `path`, newest first."""
        found = _run_git(["log", "--format=%H", f"{commit}..HEAD", "--", str(path)], self.folder)
        return (found or "").split()


def _run_git(arguments: list[str], folder: Path) -> str | None:
    """Git's output, or None when git is missing or the command fails."""
    try:
        done = subprocess.run(
            ["git", *arguments],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
