"""A test whose system tool is missing fails in CI and skips locally, also in a pytest-xdist worker.

`make test` runs the suite on one worker per core; a worker's skip would
otherwise let CI pass without Chromium, nginx or Java.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

NEEDS_A_TOOL = """\
from conftest import missing_tool


def test_needs_a_tool():
    missing_tool("frobnicate not found. Install it.")
"""


@pytest.mark.parametrize(("ci", "outcome"), [(True, "1 failed"), (False, "1 skipped")])
def test_a_missing_tool_fails_in_ci_and_skips_locally_in_a_worker(tmp_path, ci, outcome):
    (tmp_path / "test_needs_a_tool.py").write_text(NEEDS_A_TOOL, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), str(ROOT)])
    if ci:
        env["CI"] = "true"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "1", "-rfs", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "1 worker" in result.stdout, result.stdout
    summary = result.stdout.splitlines()[-1]
    assert outcome in summary and "passed" not in summary, result.stdout
    assert "frobnicate not found. Install it." in result.stdout
    assert result.returncode == (1 if ci else 0)
