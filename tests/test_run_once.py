"""A build shared through `run_once` is made once per run, whichever xdist worker asks first."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

# Two test files, one per worker: each worker writes down that it read, the build who built.
SHARED = """\
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
READS = """\
def test_reads_the_shared_build(built):
    folder, record = built
    assert record == {"pages": 1}
    assert (folder / "index.html").read_text() == "built"
"""


def test_two_workers_share_one_build(tmp_path):
    builds, readers = tmp_path / "builds.log", tmp_path / "readers.log"
    shared = SHARED.format(builds=str(builds), readers=str(readers))
    (tmp_path / "conftest.py").write_text(shared, encoding="utf-8")
    for name in ("test_one.py", "test_two.py"):
        (tmp_path / name).write_text(READS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadfile", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tests")},
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "2 passed" in result.stdout.splitlines()[-1]
    assert sorted(readers.read_text().split()) == ["gw0", "gw1"]
    assert len(builds.read_text().split()) == 1
