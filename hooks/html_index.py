"""Read one rendered page: the ids it defines and the links it contains.

One `html.parser.HTMLParser` pass (no regexes over HTML). `links.py` uses it
on the final HTML of a page that an `on_page_content` hook changed,
`tree_index` on the raw HTML inside Markdown, and both rules share
`start_tag`. Nothing here imports MkDocs, so tests feed it inline HTML.

What counts:

- ids: every `id` attribute, and `name` on `<a>` (as in MkDocs' own anchor check);
- links: `href` of `<a>` and `<area>`; `src` of `<img>`, `<source>`, `<audio>`,
  `<video>`, `<track>`, `<iframe>`, `<embed>`, `<script>`; `data` of `<object>`;
  each URL of `srcset` on `<img>` and `<source>`. Permalinks that the `toc`
  extension adds inside headings (`class="headerlink"`) are skipped: they point
  at their own heading and cannot break.

A detailed pass (`detail=True`, only for pages with problems) also keeps each
link's text (the text of an `<a>`, or an image's `alt`) and the text of the
heading above it: `source_lines` uses both to find the Markdown line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple

# Tag -> the attribute holding its URL.
_URL_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "img": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "track": "src",
    "iframe": "src",
    "embed": "src",
    "script": "src",
    "object": "data",
}
_SRCSET_TAGS = frozenset({"img", "source"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class HtmlLink(NamedTuple):
    """One URL in a page: where it sits and what it says.

    A named tuple: a big site holds tens of thousands, and tuples of strings
    are cheap to make and cost the garbage collector nothing.
    """

    tag: str
    attribute: str
    url: str
    text: str = ""
    heading: str = ""


@dataclass
class PageHtml:
    """The ids and the links of one rendered page, links in document order."""

    ids: set[str] = field(default_factory=set)
    links: list[HtmlLink] = field(default_factory=list)


def read_page(html: str, detail: bool = False) -> PageHtml:
    """Parse `html` once and return its ids and links.

    The default pass reads start tags only, which is all the checks need. With
    `detail`, each link also gets its text and the heading above it, for
    finding its source line; the links come in the same order either way, so
    a page with problems is parsed a second time with `detail` and its findings
    matched by position.
    """
    parser = _DetailParser() if detail else _LinkParser()
    parser.feed(html)
    parser.close()
    return parser.page


def start_tag(page: PageHtml, tag: str, attrs) -> list[tuple[str, str]]:
    """Add the ids of one start tag to `page`; return its (attribute, URL) pairs.

    `attrs` is a sequence of (name, value) pairs, as `HTMLParser` gives them
    and `Element.items()` returns them, so `tree_index` applies the same rules
    to Python-Markdown's element tree. A permalink (`a.headerlink`) has none.
    """
    url_attribute = _URL_ATTRIBUTES.get(tag)
    urls = []
    for name, value in attrs:
        if value is None:
            continue
        if name == "id" or (name == "name" and tag == "a"):
            page.ids.add(value)
        elif name == url_attribute:
            urls.append((name, value.strip()))
        elif name == "srcset" and tag in _SRCSET_TAGS:
            for candidate in value.split(","):
                parts = candidate.split()
                if parts:
                    urls.append(("srcset", parts[0]))
        elif name == "class" and tag == "a" and "headerlink" in value.split():
            return []
    return urls


class _LinkParser(HTMLParser):
    """Collects ids and links from start tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageHtml()

    def handle_starttag(self, tag, attrs):
        """Record ids and links."""
        for attribute, url in start_tag(self.page, tag, attrs):
            self.add_link(tag, attribute, url, attrs)

    def add_link(self, tag: str, attribute: str, url: str, attrs) -> None:
        """Store one link (the detailed parser adds its text and heading)."""
        self.page.links.append(HtmlLink(tag, attribute, url))


class _DetailParser(_LinkParser):
    """Also keeps the text of each `<a>`, the `alt` of each image, and the last heading."""

    def __init__(self) -> None:
        super().__init__()
        self._heading = ""
        self._heading_parts: list[str] | None = None
        self._open_link: int | None = None
        self._link_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Start headings; close an unclosed `<a>` before the next one."""
        if tag in _HEADINGS:
            self._heading_parts = []
        elif tag == "a":
            self._finish_link()
        super().handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        """Treat `<img ... />` like `<img ...>`, and `<a ... />` as an empty link."""
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self._finish_link()

    def handle_endtag(self, tag):
        """Close the open link or heading."""
        if tag == "a":
            self._finish_link()
        elif tag in _HEADINGS and self._heading_parts is not None:
            self._heading = " ".join("".join(self._heading_parts).split()).rstrip("¶").strip()
            self._heading_parts = None

    def handle_data(self, data):
        """Keep text only inside an open link or heading."""
        if self._open_link is not None:
            self._link_parts.append(data)
        if self._heading_parts is not None:
            self._heading_parts.append(data)

    def close(self):
        """Finish a link left open at the end of the page."""
        super().close()
        self._finish_link()

    def add_link(self, tag: str, attribute: str, url: str, attrs) -> None:
        """Store the link; an `<a>` gets its text when it closes."""
        self.page.links.append(HtmlLink(tag, attribute, url, _alt(tag, attrs), self._heading))
        if tag == "a":
            self._open_link = len(self.page.links) - 1
            self._link_parts = []

    def _finish_link(self) -> None:
        if self._open_link is None:
            return
        index, self._open_link = self._open_link, None
        text = " ".join("".join(self._link_parts).split())
        self.page.links[index] = self.page.links[index]._replace(text=text)


def _alt(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    """The `alt` text of an image, which is also its link text in Markdown."""
    if tag != "img":
        return ""
    for name, value in attrs:
        if name == "alt" and value:
            return value
    return ""
