"""Show "About N minutes to read" under the title of every reviewed page.

Events: `on_page_content`. A page opts in by having `last_reviewed` in its
front matter, which every guide has.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

WORDS_PER_MINUTE = 200

_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def on_page_content(html, page, config, files):
    """Insert the reading time after the page's first heading."""
    if "last_reviewed" not in page.meta:
        return None
    minutes = reading_minutes(html)
    note = (
        f'<p class="nr-reading-time">About {minutes} minute{"s" if minutes != 1 else ""} '
        "to read</p>"
    )
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
