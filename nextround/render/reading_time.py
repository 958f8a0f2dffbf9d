"""The reading time ("About N minutes to read", in the build's language) under a page's title.

The note holds no link or id, so adding it changes nothing the checks read.
"""

from __future__ import annotations

import math
import re
from html import escape
from html.parser import HTMLParser

from nextround.messages import Catalog

WORDS_PER_MINUTE = 200

_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def add_reading_time(html: str, catalog: Catalog) -> str:
    """`html` with the reading time after its first heading (or first, without one)."""
    text = catalog.counted("reading-time", reading_minutes(html))
    note = f'<p class="nr-reading-time">{escape(text)}</p>'
    match = _FIRST_H1_END.search(html)
    if match is None:
        return note + html
    return html[: match.end()] + note + html[match.end() :]


def reading_minutes(html: str) -> int:
    """Minutes a reader needs for the visible words of `html`, at least one."""
    counter = _WordCounter()
    counter.feed(html)
    counter.close()
    return max(1, math.ceil(counter.words / WORDS_PER_MINUTE))


class _WordCounter(HTMLParser):
    """Counts the words of an HTML fragment's text (entities decoded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words = 0

    def handle_data(self, data):
        self.words += len(data.split())
