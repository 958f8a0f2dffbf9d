"""A page's ids, links and checklists, read while Python-Markdown renders it.

Parsing the rendered HTML of every page with `html.parser` was most of the
link check's cost. Python-Markdown already holds the page as an element tree,
so this Markdown extension reads the page from the tree and parses only the
raw HTML that the tree stands in for (the HTML stash: raw HTML blocks, inline
tags, `md_in_html` leftovers, highlighted code), with the same rules as
`parse.html` (`start_tag`). So each page is parsed once per build.

Its treeprocessor runs last (priority -1000): after inline patterns, `toc`,
`attr_list`, footnotes, our checklist blocks and MkDocs' own link rewriting
(priority 0), so it sees the ids and URLs that reach the page. The order of
links is not document order (stashed HTML comes last); a page that has a
problem is parsed again, in order, to find source lines.
"""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from xml.etree.ElementTree import Element

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from nextround.parse.html import (
    HtmlLink,
    PageHtml,
    is_malformed,
    read_page,
    start_tag,
    wrap_malformed,
)

PRIORITY = -1000
# Before MkDocs rewrites links (priority 0), after inline patterns made them (20).
GUARD_PRIORITY = 5


class PageReader(Extension):
    """Reads each document it renders; `take()` returns the last one's `PageHtml`."""

    def __init__(self) -> None:
        """Start with nothing read."""
        super().__init__()
        self._last = PageHtml()

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        """Add the reading treeprocessor, and the guard that keeps malformed URLs readable."""
        md.treeprocessors.register(_Collector(md, self._keep), "nr_page_reader", PRIORITY)
        md.treeprocessors.register(_UrlGuard(md), "nr_url_guard", GUARD_PRIORITY)

    def take(self) -> PageHtml:
        """What the last rendered document holds (an empty page if nothing was rendered since)."""
        last, self._last = self._last, PageHtml()
        return last

    def _keep(self, page: PageHtml) -> None:
        self._last = page


def read_tree(root: Element, stash: list) -> PageHtml:
    """Ids and links of an element tree plus its stashed raw HTML (strings or elements)."""
    page = PageHtml()
    _read_elements(root, page)
    raw = []
    for item in stash:
        if isinstance(item, str):
            raw.append(item)
        elif isinstance(item, Element):
            _read_elements(item, page)
    if raw:
        parsed = read_page("\n".join(raw))
        page.ids |= parsed.ids
        page.links += parsed.links
        page.markup |= parsed.markup
        for checklist_id, items in parsed.checklists.items():
            page.checklists.setdefault(checklist_id, []).extend(items)
    return page


class _Collector(Treeprocessor):
    def __init__(self, md, sink: Callable[[PageHtml], None]):
        super().__init__(md)
        self.sink = sink

    def run(self, root):
        self.sink(read_tree(root, self.md.htmlStash.rawHtmlBlocks))


class _UrlGuard(Treeprocessor):
    """Wraps a link URL that `urlsplit` rejects, so the engine renders the page.

    MkDocs stops with a traceback on `[x](https://[::1)`; wrapped
    (`parse.html.wrap_malformed`), the URL passes through it untouched and the
    link check reports it at its line.
    """

    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                url = element.get(attribute)
                if url and is_malformed(url):
                    element.set(attribute, wrap_malformed(url))


def _read_elements(root: Element, page: PageHtml) -> None:
    links = page.links
    bare = set()  # Tags of elements without attributes: most of a page, one entry each.
    for element in root.iter():
        attrib = element.attrib
        if not attrib:
            bare.add(element.tag)
            continue
        tag = element.tag
        if not isinstance(tag, str):
            continue  # A comment or processing instruction.
        tag = tag.lower()
        for attribute, url in start_tag(page, tag, attrib.items()):
            if "\x02" in url:
                # Python-Markdown writes the `&` of entities (e-mail autolinks) as a
                # placeholder until serialisation; decode as the HTML will read.
                url = unescape(url.replace(AMP_SUBSTITUTE, "&"))
            links.append(HtmlLink(tag, attribute, url))
    page.markup.update((tag.lower(), "") for tag in bare if isinstance(tag, str))
