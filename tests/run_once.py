"""Work done once per test run, however many pytest-xdist workers need it.

The pattern of pytest-xdist's documentation: the first worker to take a file
lock in the run's shared temporary folder does the work and writes a JSON
record of it; the others wait for the lock, then read that record and use the
same folder. Only for work whose folder the tests read and never change.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from filelock import FileLock


def run_once(
    tmp_path_factory, worker_id: str, name: str, make: Callable[[Path], dict]
) -> tuple[Path, dict]:
    """`make(folder)` done once per run in a folder of its own; that folder and make's record.

    `worker_id` is pytest-xdist's fixture: "master" when no worker runs the
    tests, and then `make` simply runs in a new temporary folder. A `make` that
    raises writes no record, so the next worker that needs it tries again.
    """
    if worker_id == "master":
        folder = tmp_path_factory.mktemp(name)
        return folder, make(folder)
    shared = tmp_path_factory.getbasetemp().parent
    folder, record = shared / name, shared / f"{name}.json"
    with FileLock(shared / f"{name}.lock"):
        if not record.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            record.write_text(json.dumps(make(folder)), encoding="utf-8")
        return folder, json.loads(record.read_text(encoding="utf-8"))
