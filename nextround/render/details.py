"""The reader's details in the message templates: what the build adds for `details.js`.

- Each known placeholder inside a code block (`nextround/placeholders.py`)
  becomes `<span class="nr-ph" data-nr-ph="you">[Your name]</span>`
  (`data-nr-ph` only where the form fills it). Without JavaScript the span
  shows its brackets as before.
- After each code block with a placeholder: a link to the form, hidden until
  `details.js` shows it, left out of the search index.
- The form's holder, the element with `data-nr-details` (on the templates page),
  gets `data-nr-fields`: the form's fields and labels, as JSON.

Placeholder names, labels and the link's text are those of the build's
language, from its message catalog.

One `html.parser` pass finds the code blocks and the holder; nothing here
imports an engine.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from html.parser import HTMLParser

from nextround.messages import Catalog
from nextround.placeholders import FORM_FIELDS, by_name, name

FORM_ATTRIBUTE = "data-nr-details"
FORM_ID = "your-details"
# A placeholder as the code block's HTML holds it (group 1, entities not yet decoded).
_BRACKETS = re.compile(r"\[([^\[\]<>\n]*)\]")


def has_form(html: str) -> bool:
    """Whether `html` holds the details form's holder."""
    return FORM_ATTRIBUTE in html and _Scan.of(html).holder is not None


def add_details(html: str, form_href: str | None, catalog: Catalog) -> str:
    """`html` with its placeholders marked, and a link to `form_href` after each template."""
    if "<pre" not in html and FORM_ATTRIBUTE not in html:
        return html
    scan = _Scan.of(html)
    known = by_name(catalog)
    edits: list[tuple[int, int, str]] = []
    for start, end, pre_end in scan.blocks:
        marked, count = _BRACKETS.subn(lambda match: _span(match, known), html[start:end])
        if marked == html[start:end]:
            continue
        edits.append((start, end, marked))
        if form_href is not None and count:
            edits.append((pre_end, pre_end, fill_link(form_href, catalog)))
    if scan.holder is not None:
        labels = [[p.field, name(p, catalog)] for p in FORM_FIELDS]
        fields = json.dumps(labels, ensure_ascii=False, separators=(",", ":"))
        edits.append((scan.holder, scan.holder, f' data-nr-fields="{escape(fields)}"'))
    for start, end, text in sorted(edits, reverse=True):
        html = html[:start] + text + html[end:]
    return html


def fill_link(href: str, catalog: Catalog) -> str:
    """The link from a template to the form, hidden until `details.js` shows it."""
    link = f'<a href="{escape(href)}">{escape(catalog.t("details.fill-link"))}</a>'
    return f'<p class="nr-fill" hidden data-search-exclude>{link}</p>'


def _span(match: re.Match, known: dict) -> str:
    placeholder = known.get(unescape(match.group(1)))
    if placeholder is None:
        return match.group(0)  # Not ours; the checks report it in a template.
    field = f' data-nr-ph="{placeholder.field}"' if placeholder.field else ""
    return f'<span class="nr-ph"{field}>{match.group(0)}</span>'


class _Scan(HTMLParser):
    """Offsets of each `<pre><code>` content and of the end of the form holder's start tag."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self._html = html
        self._starts = [0]
        for line in html.splitlines(keepends=True):
            self._starts.append(self._starts[-1] + len(line))
        self.blocks: list[tuple[int, int, int]] = []
        self.holder: int | None = None
        self._pre = 0
        self._code: int | None = None
        self._code_end = 0

    @classmethod
    def of(cls, html: str) -> _Scan:
        scan = cls(html)
        scan.feed(html)
        scan.close()
        return scan

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        end = self._offset() + len(self.get_starttag_text() or "")
        if tag == "pre":
            self._pre += 1
        elif tag == "code" and self._pre:
            self._code = end
        if self.holder is None and any(name == FORM_ATTRIBUTE for name, _ in attrs):
            self.holder = end - 1
            if self.get_starttag_text().endswith("/>"):
                self.holder -= 1

    def handle_endtag(self, tag):
        if tag == "code" and self._code is not None:
            self._code_end = self._offset()
        elif tag == "pre" and self._pre:
            self._pre -= 1
            if self._code is not None:
                pre_end = self._html.index(">", self._offset()) + 1
                self.blocks.append((self._code, self._code_end, pre_end))
                self._code = None
