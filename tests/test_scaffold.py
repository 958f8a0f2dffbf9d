"""`make new-guide` and `make new-template` in a throwaway copy of the repository."""

from __future__ import annotations

import re

import pytest
from repo_copy import copy_repo, git_status, run

MAKE = [
    "make",
    "--no-print-directory",
    "-o",
    ".venv/.docs-installed",
    "-o",
    ".venv/.test-installed",
]
SLUG = "handle-a-counter-offer"
TITLE = "Handle a counter-offer"
# make's own closing line, `make: *** ... Error 1` (`make[1]:` when run from make test).
MAKE_SAYS = re.compile(r"^make(\[\d+\])?: ")
STANDARD_PLACEHOLDERS = re.compile(r"^\| `(\[[^\]]+\])` \|", re.MULTILINE)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """A copy of the repository in which `make new-guide` has made one guide."""
    copy = copy_repo(tmp_path_factory.mktemp("repo"))
    made = run([*MAKE, "new-guide", f"SLUG={SLUG}", f"TITLE={TITLE}"], copy)
    assert made.returncode == 0, made.stdout + made.stderr
    return copy


def test_new_guide_is_a_draft_with_front_matter_opening_checklist_and_next_step(repo):
    text = (repo / "docs" / "guides" / f"{SLUG}.md").read_text()
    front_matter = text.split("---\n")[1]
    assert f"title: {TITLE}\n" in front_matter
    assert re.search(r"^description: .{20,160}$", front_matter, re.MULTILINE)
    assert re.search(r"^last_reviewed: \d{4}-\d{2}-\d{2}$", front_matter, re.MULTILINE)
    assert "draft: true\n" in front_matter
    assert text.index('!!! abstract "In short"') < text.index("## Do this now")
    assert f"    id: {SLUG}-first-steps\n" in text
    assert "](../next-30-days.md)" in text.split("## Next step")[1]


def test_new_guide_is_last_under_guides_in_the_menu_and_comments_are_kept(repo):
    config = (repo / "mkdocs.yml").read_text()
    guides = config.split("  - Guides:\n")[1].split("\n  - ")[0]
    assert guides.splitlines()[-1] == f"      - {TITLE}: guides/{SLUG}.md"
    assert config.startswith("# Next Round: site configuration.")
    assert "# `make serve` reloads when these change too." in config


def test_new_guide_builds_strictly_and_passes_every_check(repo, tmp_path):
    build = run(["python", "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")], repo)
    assert build.returncode == 0, build.stdout + build.stderr
    html = (tmp_path / "site" / "guides" / SLUG / "index.html").read_text()
    assert "This guide is a draft and is still being written." in html
    assert '<p class="nr-last-reviewed">' in html
    check = run(["python", "-m", "nextround.cli.check"], repo)
    assert check.returncode == 0, check.stdout + check.stderr
    for kind in ("markdown", "spelling"):
        lint = run(["python", "tools/lint.py", kind, f"docs/guides/{SLUG}.md"], repo)
        assert lint.returncode == 0, lint.stdout


def test_new_guide_passes_the_content_tests_as_a_draft(repo):
    tests = run(
        [
            "python",
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_guides.py",
            "-k",
            f"{SLUG} or draft",
        ],
        repo,
    )
    assert tests.returncode == 0, tests.stdout
    assert re.search(r"\b[4-9] passed\b", tests.stdout), tests.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([f"SLUG={SLUG}", f"TITLE={TITLE}"], f"docs/guides/{SLUG}.md already exists"),
        (["SLUG=Handle_Offers", f"TITLE={TITLE}"], "must be lowercase words joined by hyphens"),
        (["SLUG=handle offers", f"TITLE={TITLE}"], "must be lowercase words joined by hyphens"),
        (["SLUG=-handle", f"TITLE={TITLE}"], "must be lowercase words joined by hyphens"),
        (["SLUG=another-guide"], "TITLE is missing"),
        (["SLUG=another-guide", "TITLE=   "], "TITLE is missing"),
        ([f"TITLE={TITLE}"], "SLUG is missing"),
    ],
)
def test_bad_new_guide_is_refused_in_one_line_and_changes_nothing(repo, arguments, message):
    before = git_status(repo)
    config = (repo / "mkdocs.yml").read_text()
    refused = run([*MAKE, "new-guide", *arguments], repo)
    assert refused.returncode != 0
    lines = [line for line in refused.stderr.splitlines() if not MAKE_SAYS.match(line)]
    assert len(lines) == 1 and lines[0].startswith("Not created: ")
    assert message in lines[0]
    assert re.search(r"(Pick|Give|Example|Use)\b", lines[0]), "the message says how to fix it"
    assert git_status(repo) == before
    assert (repo / "mkdocs.yml").read_text() == config


def test_new_template_uses_the_standard_placeholders(repo):
    made = run([*MAKE, "new-template", "NAME=thank-a-referee"], repo)
    assert made.returncode == 0, made.stderr
    assert '--8<-- "templates/thank-a-referee.md"' in made.stdout
    text = (repo / "includes" / "templates" / "thank-a-referee.md").read_text()
    assert text.startswith('```text title="Thank a referee"\n') and text.endswith("```\n")
    standard = set(STANDARD_PLACEHOLDERS.findall((repo / "CONTRIBUTING.md").read_text()))
    used = set(re.findall(r"\[[^\]]+\]", text))
    assert {"[Your name]", "[Their name]"} <= used <= standard
    lint = run(
        ["python", "tools/lint.py", "markdown", "includes/templates/thank-a-referee.md"], repo
    )
    assert lint.returncode == 0, lint.stdout


def test_bad_template_name_is_refused_and_changes_nothing(repo):
    before = git_status(repo)
    for name in ("NAME=Thank You", "NAME=", "NAME=reply-to-rejection"):
        refused = run([*MAKE, "new-template", name], repo)
        assert refused.returncode != 0
        assert refused.stderr.startswith("Not created: ")
    assert git_status(repo) == before
