"""A stock copy of the site: our pages under Material's defaults, to measure ourselves against.

The same pages, navigation and Markdown extensions, with theme `material` and
nothing of ours that changes it: no custom folder, palette, font setting,
features, hooks, extra CSS or JavaScript. `make audit` and the page budget of
`make bench` build it beside the site and serve both the same way.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from nextround.engine.site_config import read_site_config

# Top-level keys of mkdocs.yml the stock copy keeps: the same pages, rendered the same way.
KEPT = ("site_name", "site_url", "exclude_docs", "markdown_extensions", "nav")
_TOP_LEVEL = re.compile(r"^([a-z_]+):", re.MULTILINE)
_INHERIT = re.compile(r"^INHERIT:(.*)$", re.MULTILINE)


def stock_config(ours: Path, folder: Path) -> Path:
    """A mkdocs.yml in `folder` with Material's defaults and our pages, nav and extensions.

    A config that INHERITs another (an edition's `mkdocs.es.yml`) takes each kept
    block from the first file along its INHERIT line that has it.
    """
    ours = ours.resolve()
    site = read_site_config(ours)
    blocks: dict[str, str] = {}
    for path in _inherit_line(ours):
        text = path.read_text(encoding="utf-8")
        starts = [m.start() for m in _TOP_LEVEL.finditer(text)] + [len(text)]
        for a, b in itertools.pairwise(starts):
            blocks.setdefault(text[a:b].split(":", 1)[0], text[a:b])
    kept = "".join(blocks[key].rstrip() + "\n" for key in KEPT if key in blocks)
    config = folder / "mkdocs.yml"
    config.write_text(
        f"{kept}docs_dir: {site.docs_dir}\ntheme:\n  name: material\n  language: {site.language}\n"
    )
    return config


def _inherit_line(config: Path) -> list[Path]:
    """`config`, then the file it INHERITs, and so on."""
    line = [config]
    while found := _INHERIT.search(line[-1].read_text(encoding="utf-8")):
        line.append((line[-1].parent / found.group(1).strip()).resolve())
    return line
