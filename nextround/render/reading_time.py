"""The reading time ("About N minutes to read") under a page's title, from its words.

The note holds no link or id, so adding it changes nothing the checks read.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

from nextround.text import plural

WORDS_PER_MINUTE = 200

_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def add_reading_time(html: str) -> str:
    """`html` with the reading time after its first heading (or first, without one)."""
    note = f'<p class="nr-reading-time">About {plural(reading_minutes(html), "minute")} to read</p>'
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
