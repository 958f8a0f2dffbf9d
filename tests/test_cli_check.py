"""Problems fail builds whatever the flags; setup errors read cleanly; `make check` reports."""

from __future__ import annotations

import subprocess
import sys

import pytest
import tiny_site
from tiny_site import ROOT, page

BROKEN_BODY = "# Home\n\nSee [this](#nope).\n"
BROKEN_ANCHOR = "docs/index.md:8: Link '#nope': there is no anchor '#nope' on this page."


def run_check(folder, *args):
    return subprocess.run(
        [sys.executable, "-m", "nextround.cli.check", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=tiny_site.build_env(),
        check=False,
    )


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("broken")
    tiny_site.write_site(folder, {"docs/index.md": page("Home", BROKEN_BODY)})
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


def test_problems_fail_the_build_whatever_the_order_of_the_hooks(tmp_path):
    config = tiny_site.write_site(tmp_path, {"docs/index.md": page("Home", BROKEN_BODY)})
    text = config.read_text(encoding="utf-8")
    render, check = (f"  - {ROOT / 'hooks' / name}\n" for name in ("render.py", "check.py"))
    config.write_text(text.replace(render + check, check + render), encoding="utf-8")
    result = tiny_site.build(tmp_path)
    assert result.returncode != 0
    assert result.problems == [BROKEN_ANCHOR]


def test_the_check_hook_without_the_render_hook_is_a_setup_error_without_a_traceback(tmp_path):
    config = tiny_site.write_site(tmp_path, {"docs/index.md": page("Home", "# Home\n")})
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"  - {ROOT / 'hooks' / 'render.py'}\n", ""), encoding="utf-8")
    result = tiny_site.build(tmp_path)
    assert result.returncode != 0
    assert (
        "hooks/check.py checks what hooks/render.py reads, but hooks/render.py is not listed "
        "under 'hooks:' in mkdocs.yml; add it."
    ) in result.output
    assert "Traceback" not in result.output


def test_check_prints_every_problem_and_the_guides_due_for_review(tmp_path):
    tiny_site.write_site(
        tmp_path,
        {
            "docs/index.md": page("Home", "# Home\n\nSee [this](#nope) and [that](gone.md).\n"),
            "docs/guides/old.md": page("Old", "# Old\n", last_reviewed="2020-05-01"),
        },
        extra_config="nav:\n  - index.md\n  - guides/old.md\n  - missing.md\n",
    )
    result = run_check(tmp_path)
    assert result.returncode == 1
    # MkDocs' own warnings about the same two links are not repeated; its other warnings are.
    assert result.stdout.splitlines() == [
        BROKEN_ANCHOR,
        "docs/index.md:8: Link 'gone.md': 'gone.md' is not a page of this site.",
        "",
        "MkDocs warnings:",
        "  A reference to 'missing.md' is included in the 'nav' configuration, which is not "
        "found in the documentation files.",
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
