"""Translated pages stay true: pages behind, missing or of a wrong source, with file and line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nextround.check.translations import BEHIND, CURRENT, MISSING, UNKNOWN, site_status
from nextround.cli.check import CheckResult, format_report
from nextround.editions import editions
from nextround.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
CONFIG = "site_name: Tiny\nextra:\n  languages:\n    - code: en\n    - code: es\n"
ENGLISH = "---\ntitle: Guide\ndescription: A guide.\n---\n\n# Guide\n\nTake a breath.\n"


def spanish(source: str = "guide.md", commit: str = "") -> str:
    return (
        f"---\ntitle: Guía\ndescription: Una guía.\nsource: {source}\nsource_commit: {commit}\n"
        "---\n\n# Guía\n\nRespira.\n"
    )


def git(repo: Path, *arguments: str) -> str:
    done = subprocess.run([*GIT, *arguments], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository with one English page and its Spanish translation, both current."""
    (tmp_path / "docs" / "es").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs" / "guide.md").write_text(ENGLISH, encoding="utf-8")
    git(tmp_path, "init", "-q")
    first = commit_all(tmp_path, "English")
    (tmp_path / "docs" / "es" / "guide.md").write_text(spanish(commit=first), encoding="utf-8")
    commit_all(tmp_path, "Spanish")
    return tmp_path


def status_of(repo: Path):
    [edition] = site_status(
        repo / "docs", editions({"languages": [{"code": "en"}, {"code": "es"}]})
    )
    return edition


def test_an_untouched_translation_is_current(repo):
    edition = status_of(repo)
    assert [(s.page, s.state) for s in edition.statuses] == [("guide.md", CURRENT)]
    assert edition.problems == [] and edition.notes() == []


def test_one_changed_english_sentence_names_the_spanish_page_behind_with_its_line(repo):
    english = repo / "docs" / "guide.md"
    english.write_text(ENGLISH.replace("Take a breath.", "Take a slow breath."), encoding="utf-8")
    change = commit_all(repo, "One English sentence")
    edition = status_of(repo)
    [status] = edition.statuses
    assert (status.state, status.changes, status.label()) == (BEHIND, 1, "behind by 1 change")
    [note] = edition.notes()
    commit = git(repo, "log", "-1", "--format=%H", "--", "docs/es/guide.md")
    first = git(repo, "rev-list", "--max-parents=0", "HEAD")
    assert commit != first
    assert (note.path, note.line) == ("docs/es/guide.md", 5)  # the source_commit: line
    assert note.message == f"behind docs/guide.md by 1 change since {first[:12]}."
    assert f"`git diff {first[:12]} -- docs/guide.md`" in note.hint
    assert f"set 'source_commit:' to the commit you translated (the newest is {change})" in (
        note.hint
    )
    assert edition.problems == []  # behind is listed, never a failure


def test_the_status_command_prints_a_table_and_the_line_to_look_at(repo):
    english = repo / "docs" / "guide.md"
    english.write_text(ENGLISH.replace("Take a breath.", "Take a slow breath."), encoding="utf-8")
    commit_all(repo, "One English sentence")
    (repo / "docs" / "new.md").write_text(ENGLISH, encoding="utf-8")
    commit_all(repo, "A new English page")
    done = subprocess.run(
        [sys.executable, "-m", "nextround.cli.translation_status"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[:4] == [
        "| Page     | es                 |",
        "| -------- | ------------------ |",
        "| guide.md | behind by 1 change |",
        "| new.md   | missing            |",
    ]
    assert any(
        line.startswith("docs/es/guide.md:5: behind docs/guide.md by 1 change") for line in lines
    )


def test_an_english_page_without_translation_is_listed_not_failed(repo):
    (repo / "docs" / "about.md").write_text(ENGLISH, encoding="utf-8")
    edition = status_of(repo)
    states = {s.page: s.state for s in edition.statuses}
    assert states == {"about.md": MISSING, "guide.md": CURRENT}
    assert edition.problems == []
    [note] = edition.notes()
    assert str(note).startswith(
        "docs/about.md:1: not translated into 'es' yet (there is no docs/es/about.md)."
    )


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "source_commit: {commit}\n",
            "docs/es/guide.md:1: front matter has no 'source:'.",
        ),
        (
            "source: guides/gone.md\nsource_commit: {commit}\n",
            "docs/es/guide.md:4: 'source: guides/gone.md' names no English page.",
        ),
        (
            "source: other.md\nsource_commit: {commit}\n",
            "docs/es/guide.md:4: 'source: other.md' is another page's path; a translated page "
            "keeps its English page's path (guide.md).",
        ),
        (
            "source: guide.md\n",
            "docs/es/guide.md:1: front matter has no 'source_commit:'.",
        ),
        (
            "source: guide.md\nsource_commit: HEAD~1\n",
            "docs/es/guide.md:5: 'source_commit: HEAD~1' is not a commit id.",
        ),
    ],
    ids=["no-source", "no-such-page", "another-page", "no-commit", "not-an-id"],
)
def test_a_missing_or_wrong_source_fails_with_its_line(repo, front, expected):
    (repo / "docs" / "other.md").write_text(ENGLISH, encoding="utf-8")
    (repo / "docs" / "es" / "other.md").write_text(
        spanish("other.md", git(repo, "rev-parse", "HEAD")), encoding="utf-8"
    )
    commit = git(repo, "rev-parse", "HEAD")
    page = "---\ntitle: Guía\ndescription: Una guía.\n" + front.format(commit=commit) + "---\n"
    (repo / "docs" / "es" / "guide.md").write_text(page, encoding="utf-8")
    edition = status_of(repo)
    assert [f"{f.path}:{f.line}: {f.message}" for f in edition.problems] == [expected]
    assert all(f.hint for f in edition.problems)
    assert edition.notes() == []


def test_a_commit_not_in_this_repository_is_said_plainly(repo):
    page = repo / "docs" / "es" / "guide.md"
    page.write_text(spanish(commit="0123456789abcdef0123456789abcdef01234567"), encoding="utf-8")
    edition = status_of(repo)
    [note] = edition.notes()
    assert edition.statuses[0].state == UNKNOWN and edition.problems == []
    assert str(note).startswith(
        "docs/es/guide.md:5: cannot tell whether this page is behind docs/guide.md: "
        "0123456789ab is not a commit of this repository"
    )


def test_a_shallow_clone_says_so(repo, tmp_path_factory):
    english = repo / "docs" / "guide.md"
    english.write_text(ENGLISH.replace("Take a breath.", "Breathe."), encoding="utf-8")
    commit_all(repo, "Later")
    clone = tmp_path_factory.mktemp("shallow") / "clone"
    git(repo, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    [note] = status_of(clone).notes()
    assert "is not in this shallow clone (`git fetch --unshallow` brings the history)" in str(note)


def test_a_copy_without_git_says_so(repo, tmp_path_factory):
    copy = tmp_path_factory.mktemp("copy") / "site"
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns(".git"))
    [note] = status_of(copy).notes()
    assert "this folder is not a git repository" in note.message


def test_make_check_lists_translation_notes_without_failing():
    note = Finding("docs/es/guide.md", 5, "behind docs/guide.md by 1 change since 0123.", "Fix.")
    printed = format_report(CheckResult(translation_notes=[note])).splitlines()
    assert "docs/es/guide.md:5: behind docs/guide.md by 1 change since 0123. Fix." in printed
    assert printed[-1] == (
        "Check passed: 0 problems, 0 MkDocs warnings, 0 guides due for review, 1 translation note."
    )


def test_the_real_repositorys_status_runs():
    done = subprocess.run(
        [sys.executable, "-m", "nextround.cli.translation_status"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| guides/ask-for-feedback.md " in done.stdout
    assert "Traceback" not in done.stderr
