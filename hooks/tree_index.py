"""Ids and links of a page, read while Python-Markdown renders it: the fast path of `links.py`.

Parsing the rendered HTML of every page with `html.parser` was most of the
link check's cost. Python-Markdown already holds the page as an element tree,
so this Markdown extension reads ids and links from the tree and parses only
the raw HTML that the tree stands in for (the HTML stash: raw HTML blocks,
inline tags, `md_in_html` leftovers, highlighted code). It applies the same
rules as `html_index` (`html_index.start_tag`).

Its treeprocessor runs last (priority -1000): after inline patterns, `toc`,
`attr_list`, footnotes, our checklist blocks and MkDocs' own link rewriting
(priority 0), so it sees the ids and URLs that reach the page. The order of
links is not document order (stashed HTML comes last); `links.py` re-parses
the final HTML of a page that has a problem, in order, to find source lines.

What it cannot see is HTML that an `on_page_content` hook adds after
Markdown; `links.py` notices when the final HTML differs and parses it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import unescape
from xml.etree.ElementTree import Element

from html_index import HtmlLink, PageHtml, read_page, start_tag
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

PRIORITY = -1000


class LinkIndexExtension(Extension):
    """Calls `sink(PageHtml)` once per rendered Markdown document."""

    def __init__(self, sink: Callable[[PageHtml], None]):
        """Keep the function that receives each document's ids and links."""
        super().__init__()
        self.sink = sink

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        """Add the collecting treeprocessor."""
        md.treeprocessors.register(_Collector(md, self.sink), "nr_link_index", PRIORITY)


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
    return page


class _Collector(Treeprocessor):
    def __init__(self, md, sink: Callable[[PageHtml], None]):
        super().__init__(md)
        self.sink = sink

    def run(self, root):
        self.sink(read_tree(root, self.md.htmlStash.rawHtmlBlocks))


def _read_elements(root: Element, page: PageHtml) -> None:
    links = page.links
    for element in root.iter():
        if not element.attrib or not isinstance(element.tag, str):
            continue
        tag = element.tag
        for attribute, url in start_tag(page, tag, element.items()):
            if "\x02" in url:
                # Python-Markdown writes the `&` of entities (e-mail autolinks) as a
                # placeholder until serialisation; decode as the HTML will read.
                url = unescape(url.replace(AMP_SUBSTITUTE, "&"))
            links.append(HtmlLink(tag, attribute, url))
