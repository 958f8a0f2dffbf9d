"""A throwaway copy of the repository for tests that write files.

The copy holds the repository's files (tracked, or new and not ignored) in a
fresh git repository with one commit, so `git status` shows exactly what a
command changed. `.venv` is a link to the real one: `make` targets run with
`make -o .venv/.docs-installed ...` so nothing is installed again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def copy_repo(target: Path) -> Path:
    """Copy the repository into `target` (a new folder) and return it."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in filter(None, listed.stdout.split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(Path(sys.prefix))
    subprocess.run([*GIT, "init", "-q"], cwd=target, check=True)
    (target / ".git" / "info" / "exclude").write_text(".venv\n")
    subprocess.run([*GIT, "add", "-A"], cwd=target, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "copy"], cwd=target, check=True)
    return target


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run `command` in `cwd` with the test's Python first on PATH; never raise."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PATH": bin_dir + os.pathsep + os.environ["PATH"],
    }
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, check=False)


def git_status(repo: Path) -> str:
    """`git status --porcelain` of `repo`, untracked files included."""
    return run(["git", "status", "--porcelain", "--untracked-files=all"], repo).stdout
