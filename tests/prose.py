"""The readable prose of a guide's Markdown, and figures about it.

Used by the content tests and by `make report`. Code, message templates,
tables, front matter and markup are left out; headings and list items count
as sentences of their own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat

DOCS = Path(__file__).resolve().parent.parent / "docs"
PLAN = "next-30-days.md"
# A guide entry of `nav:` in mkdocs.yml, with or without a title: `- Title: guides/x.md`.
_NAV_GUIDE = re.compile(r"^\s+- (?:.*?: )?(guides/[a-z0-9-]+\.md)\s*$", re.MULTILINE)
_DRAFT = re.compile(r"^draft:\s*true\s*$", re.MULTILINE)

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1\s*$", re.DOTALL | re.MULTILINE)
_SKIP = re.compile(r"^\s*(\||--8<--|/{3,}|id:\s|<|\*\[)")
_UNIT_START = re.compile(r"^\s*(#{1,6}\s|[-*+]\s|\d+\.\s|!!!|\?\?\?)")
_MARKUP = re.compile(r"^\s*(#{1,6}|[-*+](\s+\[[ xX]\])?|\d+\.|(!!!|\?\?\?\+?)\s*\w+)\s*")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_INLINE = re.compile(r"[*_`{}]")


def guides_in_menu() -> list[str]:
    """The guides under `guides/` in menu order, without the section's index page."""
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    return [page for page in _NAV_GUIDE.findall(nav) if page != "guides/index.md"]


def is_draft(page: str) -> bool:
    """Whether the page's front matter says `draft: true` (a guide still being written)."""
    front_matter = _FRONT_MATTER.match((DOCS / page).read_text(encoding="utf-8"))
    return bool(front_matter and _DRAFT.search(front_matter.group()))


GUIDES = [page for page in guides_in_menu() if not is_draft(page)]
DRAFTS = [page for page in guides_in_menu() if is_draft(page)]


@dataclass(frozen=True)
class Figures:
    """Word count and Flesch-Kincaid grade of one page's prose."""

    page: str
    words: int
    grade: float


def prose(markdown: str) -> str:
    """The sentences a reader reads, one unit per line."""
    text = _FENCE.sub("", _FRONT_MATTER.sub("", markdown))
    units: list[str] = []
    joining = False
    for line in text.splitlines():
        if not line.strip() or _SKIP.match(line):
            joining = False
            continue
        clean = _INLINE.sub("", _LINK.sub(r"\1", _MARKUP.sub("", line))).strip()
        if not clean:
            continue
        if joining and not _UNIT_START.match(line):
            units[-1] += " " + clean
        else:
            units.append(clean)
        joining = True
    return "\n".join(u if u[-1] in ".!?:" else u + "." for u in units)


def figures(page: str) -> Figures:
    """Figures for a page given by its path under docs/."""
    text = prose((DOCS / page).read_text(encoding="utf-8"))
    return Figures(page, len(text.split()), textstat.flesch_kincaid_grade(text))


def spanish_ease(page: str) -> float:
    """The Fernández Huerta reading ease of the Spanish page of `page` (a path under docs/).

    It is Flesch's reading ease refitted to Spanish: 60 to 70 reads as "normal",
    higher is easier.
    """
    text = prose((DOCS / "es" / page).read_text(encoding="utf-8"))
    textstat.set_lang("es")
    try:
        return textstat.fernandez_huerta(text)
    finally:
        textstat.set_lang("en_US")


def main() -> None:
    """Print a Markdown table of words and reading grade per guide."""
    rows = [figures(page) for page in [*GUIDES, PLAN]]
    print("| Page | Words | Grade |\n| --- | ---: | ---: |")
    for row in rows:
        print(f"| docs/{row.page} | {row.words:,} | {row.grade:.1f} |")
    print(f"| **Total** | {sum(r.words for r in rows):,} | |")
    for row in map(figures, DRAFTS):
        print(f"| docs/{row.page} (draft) | {row.words:,} | {row.grade:.1f} |")


if __name__ == "__main__":
    sys.exit(main())
