"""The list of every checklist of the site, for the "My progress" page.

A page asks for it with the marker `<div class="nr-registry" data-nr-registry></div>`;
the build replaces the marker with `render_registry`'s static list (it works
without JavaScript and from `file://`), built from the same parsed checklists
that the checks judge. Each entry also holds its items' text in a hidden list,
where `checklists.js` shows the reader's notes beside their items. Titles
and items are shown as plain text: their Markdown and entities are rendered,
then stripped of tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import markdown

from nextround.messages import Catalog
from nextround.parse.checklists import Checklist, id_problem
from nextround.urls import folder_of, relative_url

MARKER = '<div class="nr-registry" data-nr-registry></div>'


@dataclass(frozen=True)
class Entry:
    """A checklist and the page that shows it."""

    checklist: Checklist
    page_url: str
    page_title: str


def render_registry(base_url: str, entries: list[Entry], catalog: Catalog) -> str:
    """HTML list of `entries` (in reading order), each linked from the page at `base_url`."""
    rows = []
    for entry in entries:
        checklist = entry.checklist
        if id_problem(checklist.options.get("id", "")):
            continue  # Not rendered, so not listed; the checks report it.
        href = relative_url(entry.page_url, folder_of(base_url)) + f"#checklist-{checklist.id}"
        items = " ".join(item.id for item in checklist.items)
        count = catalog.counted("progress.items", len(checklist.items))
        texts = "".join(
            f'<li data-item="{escape(item.id)}">{escape(plain_text(item.text))}</li>'
            for item in checklist.items
        )
        rows.append(
            f'<li class="nr-registry__entry" data-checklist="{escape(checklist.id)}" '
            f'data-items="{escape(items)}">'
            f'<a href="{escape(href)}">{escape(plain_text(checklist.title))}</a> '
            f'<span class="nr-registry__page">{escape(entry.page_title)}</span> '
            f'<span class="nr-registry__count">{escape(count)}</span>'
            f'<ol class="nr-registry__notes" hidden>{texts}</ol></li>'
        )
    # Left out of the search index: the checklists are found on their own pages.
    return f'<ul class="nr-registry" data-nr-registry data-search-exclude>{"".join(rows)}</ul>'


def plain_text(inline_markdown: str) -> str:
    """The text a reader sees for a line of Markdown: 'Q&amp;A *first*' -> 'Q&A first'."""
    collector = _Text()
    collector.feed(markdown.markdown(inline_markdown))
    collector.close()
    return " ".join("".join(collector.parts).split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)
