"""Mark links to other sites, so that print can write their address after them.

A Python-Markdown tree processor: every `<a>` whose `href` is an absolute
http(s) address gets the class `nr-external`, and the print stylesheet adds
` (address)` after it. Marked at build time because in the browser Material's
instant navigation makes every link of the site absolute too.
"""

from __future__ import annotations

from urllib.parse import urlsplit
from xml.etree import ElementTree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

CLASS = "nr-external"


class _MarkExternal(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if ":" not in href:
                continue  # No scheme: a link inside the site.
            try:
                parts = urlsplit(href)
            except ValueError:
                continue  # Malformed ('https://[::1'); the checks report it.
            if parts.scheme in ("http", "https") and parts.netloc:
                link.set("class", f"{link.get('class', '')} {CLASS}".strip())


class ExternalLinkExtension(Extension):
    """Registers the tree processor, after the inline links exist."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        """Add the processor."""
        md.treeprocessors.register(_MarkExternal(md), "nr-external-links", 5)
