"""The reader's details in the message templates: what the build adds for `details.js`.

- Each known placeholder inside a code block (`nextround/placeholders.py`)
  becomes `<span class="nr-ph" data-nr-ph="you">[Your name]</span>`
  (`data-nr-ph` only where the form fills it). Without JavaScript the span
  shows its brackets as before.
- After each code block with a placeholder: a link to the form, left out of
  the search index.
- The form's holder, the element with `data-nr-details` (on the templates page),
  gets the form: a field for each detail, the Clear button and a status line,
  disabled until `details.js` wires them. Written here, the form takes its
  place before the page first paints, so nothing below it moves.

`details.css` shows the holder and the links only where scripts run (and
`details.js` shows them in a browser that cannot tell).

Placeholder names, labels and the link's text are those of the build's
language, from its message catalog.

One `html.parser` pass finds the code blocks and the holder; nothing here
imports an engine.
"""

from __future__ import annotations

import re
from html import escape, unescape
from html.parser import HTMLParser

from nextround.messages import Catalog
from nextround.parse.html import BUILT_ATTRIBUTE
from nextround.placeholders import FORM_FIELDS, Placeholder, by_name, name

FORM_ATTRIBUTE = "data-nr-details"
FORM_ID = "your-details"
# A placeholder as the code block's HTML holds it (group 1, entities not yet decoded).
_BRACKETS = re.compile(r"\[([^\[\]<>\n]*)\]")


def has_form(html: str) -> bool:
    """Whether `html` holds the details form's holder."""
    return FORM_ATTRIBUTE in html and _Scan.of(html).holder_end is not None


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
    if scan.holder_end is not None:
        edits.append((scan.holder_end, scan.holder_end, form(catalog)))
    for start, end, text in sorted(edits, reverse=True):
        html = html[:start] + text + html[end:]
    return html


def fill_link(href: str, catalog: Catalog) -> str:
    """The link from a template to the form."""
    link = f'<a href="{escape(href)}">{escape(catalog.t("details.fill-link"))}</a>'
    return f'<p class="nr-fill" data-search-exclude>{link}</p>'


def form(catalog: Catalog) -> str:
    """The form's fields, Clear button and status line, disabled until `details.js` runs."""
    rows = "".join(_field(placeholder, catalog) for placeholder in FORM_FIELDS)
    clear = escape(catalog.t("details.clear"))
    return (
        f'<div class="nr-details__form" {BUILT_ATTRIBUTE}>'
        f'<div class="nr-details__fields">{rows}</div>'
        f'<button class="md-button nr-details__clear" type="button" disabled>{clear}</button>'
        '<p class="nr-details__status" role="status"></p></div>'
    )


def _field(placeholder: Placeholder, catalog: Catalog) -> str:
    field_id = f"nr-detail-{placeholder.field}"
    complete = "name" if placeholder.field == "you" else "off"
    return (
        f'<p class="nr-details__field"><label for="{field_id}">'
        f"{escape(name(placeholder, catalog))}</label>"
        f'<input class="nr-details__input" id="{field_id}" name="{placeholder.field}"'
        f' type="text" maxlength="200" autocomplete="{complete}" disabled></p>'
    )


def _span(match: re.Match, known: dict) -> str:
    placeholder = known.get(unescape(match.group(1)))
    if placeholder is None:
        return match.group(0)  # Not ours; the checks report it in a template.
    field = f' data-nr-ph="{placeholder.field}"' if placeholder.field else ""
    return f'<span class="nr-ph"{field}>{match.group(0)}</span>'


class _Scan(HTMLParser):
    """Offsets of each `<pre><code>` content and of the form holder's end tag."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self._html = html
        self._starts = [0]
        for line in html.splitlines(keepends=True):
            self._starts.append(self._starts[-1] + len(line))
        self.blocks: list[tuple[int, int, int]] = []
        self.holder_end: int | None = None
        self._holder: list = []  # [tag, depth] while inside the holder
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
        if tag == "pre":
            self._pre += 1
        elif tag == "code" and self._pre:
            self._code = self._offset() + len(self.get_starttag_text() or "")
        if self._holder and tag == self._holder[0]:
            self._holder[1] += 1
        elif self.holder_end is None and any(name == FORM_ATTRIBUTE for name, _ in attrs):
            self._holder = [tag, 1]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self._holder and tag == self._holder[0]:
            self._holder[1] -= 1  # an empty element: nothing to put the form in
            if not self._holder[1]:
                self._holder = []

    def handle_endtag(self, tag):
        if self._holder and tag == self._holder[0]:
            self._holder[1] -= 1
            if not self._holder[1]:
                self.holder_end, self._holder = self._offset(), []
        if tag == "code" and self._code is not None:
            self._code_end = self._offset()
        elif tag == "pre" and self._pre:
            self._pre -= 1
            if self._code is not None:
                pre_end = self._html.index(">", self._offset()) + 1
                self.blocks.append((self._code, self._code_end, pre_end))
                self._code = None
