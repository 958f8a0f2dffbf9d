"""Tiny MkDocs sites for build tests, configured like the real one.

`write_site` writes `mkdocs.yml` with the real site's `validation:`,
`markdown_extensions:` and `hooks:` blocks (hooks by absolute path), plus the
given pages. `build` runs `python -m mkdocs build` on it in a subprocess, from
the site's folder (pymdownx.snippets reads `includes/` from there).
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://nextround.example.org/"
_COPIED_BLOCKS = ("validation", "markdown_extensions", "hooks")
# A top-level key of mkdocs.yml opens a block; indented or list lines continue it.
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_]+):")
# The heading of the translation notes in `make check`'s report (nextround/cli/check.py).
NOTES = "Translation notes"
# A logged problem: `WARNING -  hooks/links: docs/x.md:12: ...` (group 1 from `docs/` or
# `includes/`, where a message template has its own lines).
_PROBLEM_LINE = re.compile(r"^(?:[A-Z]+\s+-\s+)?(?:\S+: )?((?:docs|includes)/\S+:\d+: .*)$")
# A hook entry: `  - hooks/name.py`.
_HOOK_ENTRY = re.compile(r"^(\s*-\s+)(hooks/\S+\.py)\s*$")


@dataclass(frozen=True)
class Result:
    """Exit code and combined output of one build."""

    returncode: int
    output: str

    @property
    def problems(self) -> list[str]:
        """Reported problems, `docs/x.md:12: ...`, without MkDocs' level and hook prefixes.

        The translation notes `make check` lists after the problems are not problems.
        """
        lines = self.output.splitlines()
        return [
            match.group(1)
            for line in itertools.takewhile(lambda line: not line.startswith(NOTES), lines)
            if (match := _PROBLEM_LINE.match(line))
        ]


def real_config_blocks(repo: Path = ROOT) -> str:
    """The real mkdocs.yml's copied blocks, with hook paths made absolute (in `repo`)."""
    blocks: list[str] = []
    keep = False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        key = _TOP_LEVEL_KEY.match(line)
        if key:
            keep = key.group(1) in _COPIED_BLOCKS
        if keep:
            hook = _HOOK_ENTRY.match(line)
            blocks.append(f"{hook.group(1)}{repo / hook.group(2)}" if hook else line)
    return "\n".join(blocks) + "\n"


def write_site(
    folder: Path, files: dict[str, str] | None = None, extra_config: str = "", repo: Path = ROOT
) -> Path:
    """Write `files` (paths relative to `folder`) and a mkdocs.yml; return its path.

    The config runs the hooks of `repo`: the repository, or a copy of it a test changed.
    """
    files = files or {}
    folder.mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    abbreviations = folder / "includes" / "abbreviations.md"
    if not abbreviations.exists():
        abbreviations.parent.mkdir(parents=True, exist_ok=True)
        abbreviations.write_text("", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Tiny\nsite_url: {SITE_URL}\ntheme:\n  name: material\n"
        + extra_config
        + real_config_blocks(repo),
        encoding="utf-8",
    )
    return config


ENGINES = ("mkdocs", "properdocs")


def build_command(
    folder: Path,
    *flags: str,
    engine: str = "mkdocs",
    config_file: str = "mkdocs.yml",
    site: str = "site",
) -> list[str]:
    """The command line of a build of the site in `folder` (output in `folder/site`)."""
    named = engine != "mkdocs" or config_file != "mkdocs.yml"
    config = ["-f", str(folder / config_file)] if named else []
    return [sys.executable, "-m", engine, "build", *config, *flags, "-d", str(folder / site)]


def build(
    folder: Path,
    *flags: str,
    engine: str = "mkdocs",
    checks: bool = True,
    config_file: str = "mkdocs.yml",
    site: str = "site",
    repo: Path = ROOT,
) -> Result:
    """Build `config_file`'s site in `folder` with `flags` (default `--strict`), by `engine`.

    `site`: the output folder under `folder`; `repo`: whose `nextround` the hooks import.
    """
    env = build_env(repo)
    if not checks:
        env["NEXT_ROUND_BUILD_CHECKS"] = "off"
    result = subprocess.run(
        build_command(
            folder, *(flags or ("--strict",)), engine=engine, config_file=config_file, site=site
        ),
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Result(result.returncode, result.stdout + result.stderr)


def build_env(repo: Path = ROOT) -> dict[str, str]:
    """The environment of a test build or check: no banner, no colours, `repo`'s `nextround`."""
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "NO_COLOR": "1",
        "PYTHONPATH": str(repo),
    }


def page(title: str, body: str, description: str = "A page of the test site.", **meta) -> str:
    """A Markdown page with front matter: title, description, then any `meta` keys."""
    lines = ["---", f"title: {title}", f"description: {description}"]
    lines += [f"{key}: {value}" for key, value in meta.items()]
    return "\n".join([*lines, "---", "", body])
