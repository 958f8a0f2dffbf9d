"""Run a MkDocs (or ProperDocs) build in a child process: the one build command line.

`make check`, `make audit`, `make handouts`, `make offline`, the page budget
and the tests' builds of the real site and the example center all build
through `run_build`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_build(
    config_file: str | Path,
    site: Path,
    *,
    engine: str = "mkdocs",
    strict: bool = True,
    quiet: bool = True,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Build `config_file` into `site` with `engine`; the finished build, its output captured."""
    flags = [*(["--strict"] if strict else []), *(["-q"] if quiet else [])]
    return subprocess.run(
        [sys.executable, "-m", engine, "build", *flags, "-f", str(config_file), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=False,
    )


def build_site(
    config_file: str | Path, site: Path, *, strict: bool = True, env: dict[str, str] | None = None
) -> str | None:
    """Build `config_file` into `site`; None on success, else the build's output."""
    build = run_build(config_file, site, strict=strict, env=env)
    return None if build.returncode == 0 else build.stdout + build.stderr
