"""The source page a translated page names in its front matter (`source: guides/x.md`).

A translated edition's page says which page of the source edition it
translates, as a path under the source's docs folder. `find_source` finds that
page and reads it, so the checklists of the translation can take their item
ids from it (`parse.checklists.carry_ids`) and be compared with it
(`check.checklist_parity`). Pure functions over text and one file read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

# The `source:` line of a page's front matter (`---` on line 1, closed by `---` or `...`).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_SOURCE_LINE = re.compile(r"^source[ \t]*:")


@dataclass(frozen=True)
class SourceText:
    """The source page of a translated page, as the build found it."""

    name: str
    """The `source:` value as written: 'guides/x.md'."""
    path: str
    """The source page as problems name it, from the project folder: 'docs/guides/x.md'."""
    markdown: str | None
    """Its whole text, or None when there is no such page."""
    line: int
    """The line of `source:` in the translated page."""


def find_source(
    markdown: str, meta: Mapping | None, source_dir: Path, source_prefix: str
) -> SourceText | None:
    """The page `source:` names under `source_dir`, or None when the page names none.

    `meta` is the front matter as the engine read it, or None to read it here.
    `source_prefix` is how problems name `source_dir` ('docs/'). A value that
    is not a relative path to a Markdown file inside `source_dir` names no
    page that exists, so its `markdown` is None.
    """
    name = (_front_matter(markdown) if meta is None else meta).get("source")
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip()
    parts = PurePosixPath(name).parts
    text = None
    if name.endswith(".md") and parts and not name.startswith("/") and ".." not in parts:
        file = source_dir / name
        if file.is_file():
            text = file.read_text(encoding="utf-8", errors="replace")
    return SourceText(name, source_prefix + name, text, _source_line(markdown))


def _front_matter(markdown: str) -> Mapping:
    """The page's front matter as YAML reads it; empty when there is none or it is not YAML."""
    found = _FRONT_MATTER.match(markdown)
    try:
        values = yaml.safe_load(found.group(1) or "") if found else None
    except yaml.YAMLError:
        return {}  # The front matter check reports it.
    return values if isinstance(values, Mapping) else {}


def _source_line(markdown: str) -> int:
    """The line of `source:` in the front matter; 1 when it cannot be found."""
    found = _FRONT_MATTER.match(markdown)
    block = (found.group(1) or "") if found else ""
    for number, line in enumerate(block.splitlines(), start=2):
        if _SOURCE_LINE.match(line):
            return number
    return 1
