"""Run a strict MkDocs build in a child process, for the commands that need a built site.

`make audit`, `make handouts`, `make offline` and the page budget build the
site before they use it; they share this one command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_site(
    config_file: str | Path, site: Path, *, strict: bool = True, env: dict[str, str] | None = None
) -> str | None:
    """Build `config_file` into `site`; None on success, else the build's output."""
    command = ["build", *(["--strict"] if strict else []), "-q", "-f", str(config_file)]
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", *command, "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )
    return None if build.returncode == 0 else build.stdout + build.stderr
