"""Print the size of the site's own JavaScript and CSS, raw, minified and gzipped.

Readers download the minified copies the build writes (`nextround/render/minify.py`);
all of our scripts and stylesheets together have a budget of 12 KB gzipped
(each file compressed on its own, as a web server would, level 9).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from nextround.render.minify import minified

DOCS = Path(__file__).resolve().parents[2] / "docs"
BUDGET = 12 * 1024


def gzipped(data: bytes) -> int:
    """Bytes of `data` after gzip level 9."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    """Print one row per asset and the total against its budget."""
    assets = sorted(DOCS.glob("javascripts/*.js")) + sorted(DOCS.glob("stylesheets/*.css"))
    print(f"{'Asset':<32}{'source':>10}{'shipped':>10}{'gzipped':>10}")
    total = 0
    for path in assets:
        name = path.relative_to(DOCS).as_posix()
        shipped = minified(path.read_text(encoding="utf-8"), name).encode()
        total += gzipped(shipped)
        print(f"{name:<32}{path.stat().st_size:>10,}{len(shipped):>10,}{gzipped(shipped):>10,}")
    verdict = "met" if total <= BUDGET else "MISSED"
    print(
        f"\nOur JS + CSS as shipped, gzipped separately: {total:,} bytes of {BUDGET:,} ({verdict})"
    )


if __name__ == "__main__":
    main()
