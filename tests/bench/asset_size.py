"""Print the size of the site's own JavaScript and CSS, raw and gzipped.

The checklist scripts (the progress store and the checklists) and the
stylesheet together have a budget of 8 KB gzipped (compressed as a web server
would, level 9).
"""

from __future__ import annotations

import gzip
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
BUDGET = 8 * 1024
CHECKLIST_ASSETS = [
    "javascripts/progress-store.js",
    "javascripts/checklists.js",
    "stylesheets/next-round.css",
]


def gzipped(data: bytes) -> int:
    """Bytes of `data` after gzip level 9."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    """Print one row per asset and the checklist total against its budget."""
    assets = sorted(DOCS.glob("javascripts/*.js")) + sorted(DOCS.glob("stylesheets/*.css"))
    print(f"{'Asset':<32}{'raw':>10}{'gzipped':>10}")
    for path in assets:
        data = path.read_bytes()
        print(f"{path.relative_to(DOCS).as_posix():<32}{len(data):>10,}{gzipped(data):>10,}")
    total = sum(gzipped((DOCS / name).read_bytes()) for name in CHECKLIST_ASSETS)
    verdict = "met" if total <= BUDGET else "MISSED"
    print(f"\nChecklist JS + CSS, gzipped separately: {total:,} bytes of {BUDGET:,} ({verdict})")


if __name__ == "__main__":
    main()
