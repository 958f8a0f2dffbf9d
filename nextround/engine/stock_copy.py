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

# Top-level keys of mkdocs.yml the stock copy keeps: the same pages, rendered the same way.
KEPT = ("site_name", "site_url", "markdown_extensions", "nav")
_TOP_LEVEL = re.compile(r"^([a-z_]+):", re.MULTILINE)


def stock_config(ours: Path, folder: Path) -> Path:
    """A mkdocs.yml in `folder` with Material's defaults and our pages, nav and extensions."""
    ours = ours.resolve()
    text = ours.read_text(encoding="utf-8")
    starts = [m.start() for m in _TOP_LEVEL.finditer(text)] + [len(text)]
    blocks = {text[a:b].split(":", 1)[0]: text[a:b] for a, b in itertools.pairwise(starts)}
    kept = "".join(blocks[key].rstrip() + "\n" for key in KEPT)
    config = folder / "mkdocs.yml"
    config.write_text(f"{kept}docs_dir: {ours.parent / 'docs'}\ntheme:\n  name: material\n")
    return config
