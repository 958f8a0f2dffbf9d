"""Show "About N minutes to read" under the title of every reviewed page.

Events: `on_page_content`. A page opts in by having `last_reviewed` in its
front matter, which every guide has.
"""

from __future__ import annotations

import math
import re
from html import unescape

WORDS_PER_MINUTE = 200

_TAG = re.compile(r"<[^>]+>")
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
    words = unescape(_TAG.sub(" ", html)).split()
    return max(1, math.ceil(len(words) / WORDS_PER_MINUTE))
