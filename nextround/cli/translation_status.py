"""Print where every translated page stands against its English page: `make translation-status`.

Usage: `python -m nextround.cli.translation_status [-f mkdocs.yml]`

One row per page, one column per translated edition of `extra.languages`:
current, behind by N changes (commits that changed the English page since the
page's `source_commit`), missing (not translated yet), no source (a missing or
wrong `source:`), or unknown commit. Then the line of each page to look at,
with how to fix it. Exit status: 0, or 1 when a page has no source (what
`make check` fails on), 2 when the config cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from nextround.check.translations import EditionStatus, site_status
from nextround.engine.site_config import ConfigError, read_site_config


def main(argv: list[str] | None = None) -> int:
    """Print the table and the lines to look at; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        config = read_site_config(args.config_file)
    except ConfigError as problem:
        print(f"Configuration error: {problem}")
        return 2
    editions = site_status(config.docs_dir, config.editions)
    if not editions:
        print(f"{args.config_file} lists no translated edition under extra.languages.")
        return 0
    print(format_table(editions))
    notes = sorted(
        {*(f for e in editions for f in e.problems), *(f for e in editions for f in e.notes())}
    )
    if notes:
        print("", *map(str, notes), sep="\n")
    return 1 if any(edition.problems for edition in editions) else 0


def format_table(editions: list[EditionStatus]) -> str:
    """A Markdown table: a row per page, a column per language."""
    labels = {(e.language, s.page): s.label() for e in editions for s in e.statuses}
    pages = sorted({page for _, page in labels})
    header = ["Page", *(e.language for e in editions)]
    rows = [[page, *(labels.get((e.language, page), "") for e in editions)] for page in pages]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    divider = "| " + " | ".join("-" * w for w in widths) + " |"
    return "\n".join([line(header), divider, *map(line, rows)])


if __name__ == "__main__":
    sys.exit(main())
