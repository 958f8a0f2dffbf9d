"""Problems fail builds whatever the flags; setup errors read cleanly; `make check` reports."""

from __future__ import annotations

import subprocess
import sys

import pytest
import tiny_site
from tiny_site import ROOT, page

BROKEN_ANCHOR = "docs/index.md:8: Link '#nope': there is no anchor '#nope' on this page."


def run_check(folder, *args):
    return subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "check_site.py"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=tiny_site.build_env(),
        check=False,
    )


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    tiny_site.write_site(folder, {"docs/index.md": page("Home", "# Home\n\nSee [this](#nope).\n")})
    return folder


@pytest.mark.parametrize(
    "flags",
    [("--strict",), (), ("-q",), ("-v",), ("--strict", "-q"), ("--strict", "-v")],
    ids=["strict", "plain", "quiet", "verbose", "strict-quiet", "strict-verbose"],
)
def test_a_problem_fails_the_build_whatever_the_flags(broken_site, flags):
    result = tiny_site.build(broken_site, *flags)
    assert result.returncode != 0
    assert "Aborted: 1 content problem found." in result.output
    assert result.problems == [BROKEN_ANCHOR]
    assert not (broken_site / "site" / "index.html").exists()


def test_a_wrong_hook_order_is_a_setup_error_without_a_traceback(tmp_path):
    config = tiny_site.write_site(tmp_path, {"docs/index.md": page("Home", "# Home\n")})
    text = config.read_text(encoding="utf-8")
    report_hook = f"  - {ROOT / 'hooks' / 'build_report.py'}\n"
    config.write_text(
        text.replace(report_hook, "").replace("hooks:\n", "hooks:\n" + report_hook),
        encoding="utf-8",
    )
    result = tiny_site.build(tmp_path)
    assert result.returncode != 0
    assert (
        "hooks/build_report.py is listed before hooks/metadata.py in 'hooks:', so it would stop "
        "the build before metadata.py reports; list hooks/build_report.py last."
    ) in result.output
    assert "Traceback" not in result.output


def test_check_prints_every_problem_and_the_guides_due_for_review(tmp_path):
    tiny_site.write_site(
        tmp_path,
        {
            "docs/index.md": page("Home", "# Home\n\nSee [this](#nope) and [that](gone.md).\n"),
            "docs/guides/old.md": page("Old", "# Old\n", last_reviewed="2020-05-01"),
        },
    )
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        BROKEN_ANCHOR,
        "docs/index.md:8: Link 'gone.md': 'gone.md' is not a page of this site.",
        "",
        "MkDocs warnings:",
        "  Doc file 'index.md' contains a link 'gone.md', but the target is not found among "
        "documentation files.",
        "",
        "Due for review (last reviewed more than 12 months ago):",
        "docs/guides/old.md:4: due for review: last reviewed 2020-05-01, more than 12 months ago.",
        "",
        "Check failed: 2 problems, 1 MkDocs warning, 1 guide due for review.",
    ]


def test_check_passes_a_clean_site_even_with_guides_due_for_review(tmp_path):
    tiny_site.write_site(
        tmp_path,
        {
            "docs/index.md": page("Home", "# Home\n\nRead [the old guide](guides/old.md).\n"),
            "docs/guides/old.md": page("Old", "# Old\n", last_reviewed="2020-05-01"),
        },
    )
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1] == (
        "Check passed: 0 problems, 0 MkDocs warnings, 1 guide due for review."
    )


def test_the_real_site_has_zero_problems():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("Check passed: 0 problems, 0 MkDocs warnings,")
