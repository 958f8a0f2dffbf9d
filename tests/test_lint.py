"""The Markdown linter and the spelling check: clean on the tree, clear on a planted problem."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from repo_copy import ROOT, copy_repo, run

SAMPLES = Path(__file__).parent / "lint_samples"
# One problem, one line: `path:line: what is wrong ... Fix: what to do`.
# Planted misspellings, written in halves so the spelling check of this file stays clean.
TYPO = "reci" + "eve"
UK_WORD = "organi" + "sation"
SPANISH_WORD = "posi" + "ble"  # Spanish, and a misspelling to codespell's English lists
PROBLEM_LINE = re.compile(r"^(?P<path>[\w./-]+\.\w+):(?P<line>\d+): .+ Fix: .+$")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A copy of the repository to plant problems in."""
    return copy_repo(tmp_path_factory.mktemp("repo"))


def lint(kind: str, cwd: Path, *files: str):
    return run(["python", "tools/lint.py", kind, *files], cwd)


@pytest.mark.parametrize("kind", ["markdown", "spelling"])
def test_docs_includes_and_contributor_docs_pass(kind):
    result = lint(kind, ROOT)
    assert result.returncode == 0, result.stdout
    assert re.search(r"check: 0 problem\(s\) in [1-9]\d* file\(s\)\.$", result.stdout)


def test_the_markdown_linter_accepts_every_kind_of_site_markdown(repo):
    shutil.copy(SAMPLES / "site-syntax.md", repo / "docs" / "site-syntax.md")
    result = lint("markdown", repo, "docs/site-syntax.md")
    assert result.returncode == 0, result.stdout


def test_a_planted_markdown_problem_is_reported_with_file_line_and_fix(repo):
    page = repo / "docs" / "guides" / "process-the-news.md"
    lines = page.read_text().splitlines()
    # The last heading: no link on the page points to it, so only MD018 is reported.
    heading = max(i for i, line in enumerate(lines) if line.startswith("## "))
    lines[heading] = lines[heading].replace("## ", "##", 1)
    page.write_text("\n".join(lines) + "\n")
    result = lint("markdown", repo)
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if PROBLEM_LINE.match(line)]
    assert problems == [
        f"docs/guides/process-the-news.md:{heading + 1}: No space present after the hash "
        "character on a possible Atx Heading (MD018). Fix: put a space after the # marks of "
        "the heading."
    ]


@pytest.mark.parametrize(
    ("word", "message"),
    [
        (TYPO, f"'{TYPO}' looks misspelled. Fix: write 'receive'."),
        (
            UK_WORD,
            f"'{UK_WORD}' is UK spelling; the site uses US English. Fix: write 'organization'.",
        ),
    ],
)
def test_a_planted_misspelling_is_reported_with_file_line_and_fix(repo, word, message):
    page = repo / "includes" / "templates" / "planted.md"
    page.write_text(f"First line.\n\nYou will {word} a reply.\n")
    result = lint("spelling", repo)
    assert result.returncode == 1
    reported = [line for line in result.stdout.splitlines() if line.startswith("includes/")]
    assert len(reported) == 1
    assert reported[0].startswith(f"includes/templates/planted.md:3: {message}")
    page.unlink()


def test_a_word_on_the_word_list_is_not_reported(repo):
    page = repo / "docs" / "planted-word.md"
    page.write_text(f"# Planted\n\nAsk the {TYPO} team.\n")
    assert lint("spelling", repo, "docs/planted-word.md").returncode == 1
    words = repo / ".codespell-words.txt"
    kept = words.read_text()
    words.write_text(kept + TYPO + "\n")
    try:
        assert lint("spelling", repo, "docs/planted-word.md").returncode == 0
    finally:
        words.write_text(kept)


def test_every_problem_line_names_file_line_and_fix(repo):
    page = repo / "docs" / "planted-many.md"
    page.write_text(
        f"# Planted\n#No space\n\nSee [here](https://example.org).\n\nThe {TYPO} end.   \n"
    )
    for kind in ("markdown", "spelling"):
        result = lint(kind, repo, "docs/planted-many.md")
        problems = result.stdout.splitlines()[:-1]
        assert problems, kind
        for line in problems:
            match = PROBLEM_LINE.match(line)
            assert match, line
            assert match["path"] == "docs/planted-many.md"


def test_spanish_text_gets_the_markdown_rules_but_not_the_english_spelling_lists(repo):
    page = repo / "docs" / "es" / "planted-spanish.md"
    page.write_text(
        "# Página\n\n#Sin espacio\n\n"
        f"Es {SPANISH_WORD} que la [organización](#un-ancla) responda. Escribe a la {UK_WORD}.\n"
    )
    try:
        markdown = lint("markdown", repo, "docs/es/planted-spanish.md").stdout.splitlines()
        spelling = lint("spelling", repo, "docs/es/planted-spanish.md")
    finally:
        page.unlink()
    assert [line.split(" (")[0] for line in markdown[:-1]] == [
        "docs/es/planted-spanish.md:3: No space present after the hash character on a "
        "possible Atx Heading"
    ]
    assert spelling.returncode == 0, spelling.stdout
