"""The list of every checklist of the site, for the "My progress" page.

A page asks for it with the marker `<div class="nr-registry" data-nr-registry></div>`;
the build replaces the marker with `render_registry`'s static list (it works
without JavaScript and from `file://`), built from the same parsed checklists
that the checks judge. Each entry also holds its items' text in a hidden list,
where `progress-page.js` shows the reader's notes beside their items. Titles
and items are shown as plain text: their Markdown and entities are rendered,
then stripped of tags.

What only works with the script is written here too, so that nothing moves
when it starts: Export, Import and Clear all (disabled until the script runs),
each entry's "0 of 7 done" and progress bar. `progress.css` shows them only
where scripts run; without, an entry shows how many items it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

import markdown

from nextround.messages import Catalog
from nextround.parse.checklists import Checklist, id_problem
from nextround.parse.html import BUILT_ATTRIBUTE
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
        done = catalog.t("progress.done", done=0, total=len(checklist.items))
        texts = "".join(
            f'<li data-item="{escape(item.id)}">{escape(plain_text(item.text))}</li>'
            for item in checklist.items
        )
        rows.append(
            f'<li class="nr-registry__entry" data-checklist="{escape(checklist.id)}" '
            f'data-items="{escape(items)}">'
            f'<a href="{escape(href)}">{escape(plain_text(checklist.title))}</a> '
            f'<span class="nr-registry__page">{escape(entry.page_title)}</span> '
            f'<span class="nr-registry__count"><span class="nr-registry__items">{escape(count)}'
            f'</span><span class="nr-registry__done" {BUILT_ATTRIBUTE}>{escape(done)}</span></span>'
            f'<progress class="nr-checklist__bar" aria-hidden="true" max="{len(checklist.items)}"'
            f' value="0" {BUILT_ATTRIBUTE}></progress>'
            f'<ol class="nr-registry__notes" hidden>{texts}</ol></li>'
        )
    # Left out of the search index: the checklists are found on their own pages.
    listed = f'<ul class="nr-registry" data-nr-registry data-search-exclude>{"".join(rows)}</ul>'
    return _tools(catalog) + listed


def _tools(catalog: Catalog) -> str:
    """Export, Import and Clear all, disabled until the script runs; its message and notice."""
    buttons = "".join(
        f'<button class="md-button nr-progress__button" type="button" data-nr-action="{action}"'
        f" disabled>{escape(label)}</button>"
        for action, label in (
            ("export", catalog.t("progress.export")),
            ("import", catalog.t("progress.import")),
            ("clear", catalog.t("progress.clear-all")),
        )
    )
    picker = '<input class="nr-progress__file" type="file" accept="application/json,.json" hidden>'
    return (
        f'<div class="nr-progress__tools" {BUILT_ATTRIBUTE}>{buttons}{picker}</div>'
        f'<p class="nr-progress__message" role="status" {BUILT_ATTRIBUTE}></p>'
        f'<p class="nr-notice" hidden {BUILT_ATTRIBUTE}></p>'
    )


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
