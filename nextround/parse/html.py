"""Read one rendered page: its ids, its links, its checklists and the markup it uses.

One `html.parser.HTMLParser` pass (no regexes over HTML). `read_page` parses
HTML text; `markdown_tree` applies the same `start_tag` to Python-Markdown's
element tree. Nothing here imports an engine, so tests feed it inline HTML.

What counts:

- ids: every `id` attribute, and `name` on `<a>` (as in MkDocs' own anchor check);
- links: every attribute that holds a URL (`href`, `src`, `srcset`, `data`,
  `action`, `formaction`, `poster`, `cite`, `xlink:href`, ...) on any element,
  and each `url(...)` of a `style` attribute; heading permalinks included;
- checklists: each `.nr-checklist` element's `data-checklist` id and the
  `data-item` ids inside it;
- markup: every (element, attribute) pair, for the allow-list of `check.raw_html`.

A detailed pass (`detail=True`, only for pages with problems) also keeps each
link's text (the text of an `<a>`, or an image's `alt`) and the text of the
heading above it: `source_lines` uses both to find the Markdown line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import quote, unquote, urlsplit

# Attributes that hold one URL, on whatever element they appear.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "data",
        "action",
        "formaction",
        "poster",
        "cite",
        "background",
        "xlink:href",
        "longdesc",
        "manifest",
        "icon",
        "ping",
    }
)
# Elements whose URL the browser loads by itself, without a click.
RESOURCE_TAGS = frozenset(
    {
        "img",
        "source",
        "audio",
        "video",
        "track",
        "iframe",
        "frame",
        "embed",
        "script",
        "object",
        "link",
        "input",
        "image",
        "use",
        "feimage",
    }
)
# The class of a rendered checklist (`render/checklist_block.py`).
CHECKLIST_CLASS = "nr-checklist"
# Marks markup the build writes into a page, which the checks of a page's own markup skip.
BUILT_ATTRIBUTE = "data-nr-built"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A URL that `urlsplit` rejects, wrapped so that engines pass it through (see `markdown_tree`).
MALFORMED = "nr-malformed-url:"
# `url(...)` in an inline style, quoted or not (group 2).
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.IGNORECASE)


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

    @property
    def loads(self) -> bool:
        """Whether the browser fetches this URL on its own (an image, a frame, a style)."""
        if self.attribute in ("srcset", "poster", "background", "style"):
            return True
        return self.tag in RESOURCE_TAGS and self.attribute != "cite"


@dataclass
class PageHtml:
    """What one rendered page holds; links in document order."""

    ids: set[str] = field(default_factory=set)
    links: list[HtmlLink] = field(default_factory=list)
    checklists: dict[str, list[str]] = field(default_factory=dict)
    """Each rendered checklist's id -> its item ids, in order."""
    markup: set[tuple[str, str]] = field(default_factory=set)
    """Every (element, attribute) pair used, and (element, '') for each element."""
    open_checklist: list[str] | None = field(default=None, repr=False, compare=False)


def read_page(html: str, detail: bool = False, region: str = "") -> PageHtml:
    """Parse `html` once and return what it holds.

    With `region`, only the element with that class, and what it contains, is
    read: the content of a page that a theme wrapped in navigation.

    The default pass reads start tags only, which is all the checks need. With
    `detail`, each link also gets its text and the heading above it, for
    finding its source line; the links come in the same order either way, so
    a page with problems is parsed a second time with `detail` and its findings
    matched by position.
    """
    parser = _DetailParser() if detail else _LinkParser()
    parser.region = region
    parser.feed(html)
    parser.close()
    return parser.page


def start_tag(page: PageHtml, tag: str, attrs) -> list[tuple[str, str]]:
    """Add what one start tag holds to `page`; return its (attribute, URL) pairs.

    `attrs` is a sequence of (name, value) pairs, as `HTMLParser` gives them
    and `Element.items()` returns them, so `markdown_tree` applies the same
    rules to Python-Markdown's element tree.
    """
    urls = []
    checklist, classes = None, ()
    markup = page.markup
    markup.add((tag, ""))
    for name, value in attrs:
        name = name.lower()
        markup.add((tag, name))
        if value is None:
            continue
        if name == "type" and tag == "input":
            markup.add((tag, "type=" + value.strip().lower()))
        if name == "id" or (name == "name" and tag == "a"):
            page.ids.add(value)
        elif name in URL_ATTRIBUTES:
            url = value.strip()
            urls.append(
                (name, unquote(url[len(MALFORMED) :]) if url.startswith(MALFORMED) else url)
            )
        elif name == "srcset" or name == "imagesrcset":
            for candidate in value.split(","):
                parts = candidate.split()
                if parts:
                    urls.append(("srcset", parts[0]))
        elif name == "style" and "url(" in value.lower():
            urls += [("style", match.group(2).strip()) for match in _CSS_URL.finditer(value)]
        elif name == "data-checklist":
            checklist = value
        elif name == "data-item" and page.open_checklist is not None:
            page.open_checklist.append(value)
        elif name == "class":
            classes = value.split()
    if checklist is not None and CHECKLIST_CLASS in classes:
        page.open_checklist = page.checklists.setdefault(checklist, [])
    return urls


_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def is_malformed(url: str) -> bool:
    """Whether `urlsplit` (and so an engine) fails on `url`."""
    if "//" not in url and "\t" not in url and "\n" not in url and "\r" not in url:
        # Only a host part can fail, and it starts at '//' once urlsplit has
        # dropped tabs and line breaks: most links of a page have none.
        return False
    try:
        urlsplit(url).port  # noqa: B018 - the port is checked only when asked
    except ValueError:
        return True
    return False


def wrap_malformed(url: str) -> str:
    """`url` in a form every URL parser accepts; `start_tag` reads the original back."""
    return MALFORMED + quote(url, safe="")


class _LinkParser(HTMLParser):
    """Collects ids, links, checklists and markup from start tags (inside `region`).

    An element with `BUILT_ATTRIBUTE` is markup the build wrote into a page
    (such as the details form), not the page's own: it and what it holds are
    not read.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageHtml()
        self.region = ""
        self._depth = 0
        self._built = 0  # open elements of markup the build wrote

    def handle_starttag(self, tag, attrs):
        """Record what the tag holds."""
        if self._built:
            self._built += tag not in _VOID
            return
        if self.region and not self._enter(tag, attrs):
            return
        if any(name == BUILT_ATTRIBUTE for name, _ in attrs):
            self._built = int(tag not in _VOID)
            return
        for attribute, url in start_tag(self.page, tag, attrs):
            self.add_link(tag, attribute, url, attrs)

    def handle_endtag(self, tag):
        """Leave the region when its element closes."""
        if tag in _VOID:
            return
        if self._built:
            self._built -= 1
            if self._built:
                return
        if self._depth:
            self._depth -= 1

    def inside(self) -> bool:
        """Whether the parser is in the region (always, without one), in the page's own markup."""
        return (not self.region or self._depth > 0) and not self._built

    def _enter(self, tag: str, attrs) -> bool:
        """Track nesting inside the region; whether this tag is in it."""
        if self._depth == 0:
            classes = next((value or "" for name, value in attrs if name == "class"), "")
            if self.region not in classes.split():
                return False
        if tag not in _VOID:
            self._depth += 1
        return True

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
        if tag == "a":
            self._finish_link()
        super().handle_starttag(tag, attrs)
        if tag in _HEADINGS and self.inside():
            self._heading_parts = []

    def handle_endtag(self, tag):
        """Close the open link or heading."""
        super().handle_endtag(tag)
        if tag == "a":
            self._finish_link()
        elif tag in _HEADINGS and self._heading_parts is not None:
            self._heading = " ".join("".join(self._heading_parts).split()).rstrip("¶").strip()
            self._heading_parts = None

    def handle_data(self, data):
        """Keep text only inside an open link or heading."""
        if not self.inside():
            return
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
