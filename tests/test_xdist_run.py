"""`make test` on pytest-xdist workers: skips, printed summaries and shared builds still work.

Each test runs a small pytest session of its own on one or two workers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

NEEDS_A_TOOL = """\
from conftest import missing_tool


def test_needs_a_tool():
    missing_tool("frobnicate not found. Install it.")
"""
RECORDS_A_SUMMARY = """\
def test_records_a_summary(record_property):
    record_property("summary", "search: expected page first for 9/10 questions")
"""
# A session fixture that builds through run_once; each worker writes down that it read the
# build, the build writes down who built it.
SHARED_BUILD = """\
import pytest
from run_once import run_once

BUILDS, READERS = {builds!r}, {readers!r}


def write_down(path, worker_id):
    with open(path, "a") as log:
        log.write(worker_id + "\\n")


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id):
    write_down(READERS, worker_id)

    def make(folder):
        write_down(BUILDS, worker_id)
        (folder / "index.html").write_text("built")
        return {{"pages": 1}}

    return run_once(tmp_path_factory, worker_id, "site", make)
"""
READS_THE_BUILD = """\
def test_reads_the_shared_build(built):
    folder, record = built
    assert record == {"pages": 1}
    assert (folder / "index.html").read_text() == "built"
"""


def run_pytest(folder: Path, files: dict[str, str], *args: str, ci: bool = False):
    """Write `files` into `folder` and run pytest there with `args`; CI set only if `ci`."""
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), str(ROOT)])
    # Only pytest-xdist is loaded: starting the other plugins would take most of the time.
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "xdist", "-p", "no:cacheprovider", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(("ci", "outcome"), [(True, "1 failed"), (False, "1 skipped")])
def test_a_missing_tool_fails_in_ci_and_skips_locally_in_a_worker(tmp_path, ci, outcome):
    result = run_pytest(tmp_path, {"test_tool.py": NEEDS_A_TOOL}, "-n", "1", "-rfs", ci=ci)
    assert "1 worker" in result.stdout, result.stdout
    summary = result.stdout.splitlines()[-1]
    assert outcome in summary and "passed" not in summary, result.stdout
    assert "frobnicate not found. Install it." in result.stdout
    assert result.returncode == (1 if ci else 0)


def test_a_summary_recorded_in_a_worker_is_printed(tmp_path):
    result = run_pytest(
        tmp_path, {"test_summary.py": RECORDS_A_SUMMARY}, "-n", "1", "-p", "conftest"
    )
    assert result.returncode == 0, result.stdout
    assert "search: expected page first for 9/10 questions" in result.stdout.splitlines()


def test_two_workers_share_one_build(tmp_path):
    builds, readers = tmp_path / "builds.log", tmp_path / "readers.log"
    files = {
        "conftest.py": SHARED_BUILD.format(builds=str(builds), readers=str(readers)),
        "test_one.py": READS_THE_BUILD,
        "test_two.py": READS_THE_BUILD,
    }
    result = run_pytest(tmp_path, files, "-n", "2", "--dist", "loadfile")
    assert result.returncode == 0, result.stdout
    assert "2 passed" in result.stdout.splitlines()[-1]
    assert sorted(readers.read_text().split()) == ["gw0", "gw1"]
    assert len(builds.read_text().split()) == 1
