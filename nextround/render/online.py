"""The way back online from paper: an address and a QR code for it, shown only in print.

Printed checklists and the handout booklet end with the online address of
what they show and a QR code for it, encoded by `segno` and drawn at build
time as inline SVG (no image, no request). Addresses follow the site's `site_url`, so a
career center's copy points at its own site; without a `site_url` there is no
true address, so nothing is shown. The offline copy prints the addresses the
pages have online (`online_page_url`), not its own file names.

A rendered checklist holds `marker(id)`; the build replaces it with
`render_online` for that checklist's address (or with nothing).
"""

from __future__ import annotations

import posixpath
from html import escape

import segno

MARKER_ATTRIBUTE = "data-nr-online="


def marker(checklist_id: str) -> str:
    """The empty element a checklist block leaves for its address (as Markdown serializes it)."""
    return f'<div class="nr-online" {MARKER_ATTRIBUTE}"{escape(checklist_id)}"></div>'


def online_address(site_url: str, page_url: str, fragment: str = "") -> str:
    """The full address of `page_url` (a path from the site root) on `site_url`; '' without one."""
    if not site_url:
        return ""
    address = site_url.rstrip("/") + "/" + page_url
    return address + (f"#{fragment}" if fragment else "")


def online_page_url(page_url: str) -> str:
    """The path a page has on the site online, from the one an offline build gives it.

    The offline copy links plain files ('guides/x.html', 'guides/index.html');
    the site online serves folders ('guides/x/', 'guides/'), and paper sends
    readers there.
    """
    folder, _, name = page_url.rpartition("/")
    stem = name.removesuffix(".html")
    path = folder if stem == "index" else posixpath.join(folder, stem)
    return path + "/" if path else ""


def render_online(address: str, label: str) -> str:
    """The print-only block: a QR code, then `label` and the address."""
    if not address:
        return ""
    # A fixed mask: any mask decodes, and choosing the best of eight was most of the cost.
    # Never a Micro QR code, which phone cameras do not read (and trying one costs time).
    matrix = segno.make(address, error="m", mask=0, micro=False).matrix
    # The SVG only repeats the address, which is written out beside it.
    code = (
        f'<svg aria-hidden="true" viewBox="0 0 {len(matrix)} {len(matrix)}" '
        f'class="nr-online__code"><path stroke="#000" d="{qr_path(matrix)}"/></svg>'
    )
    return (
        '<div class="nr-online" data-search-exclude>'
        f"{code}"
        f'<p class="nr-online__text">{escape(label)}<br>'
        f'<span class="nr-online__address">{escape(address)}</span></p></div>'
    )


def qr_path(matrix) -> str:
    """An SVG path that draws each row's runs of dark modules as lines one module thick.

    `matrix` is segno's: one row of 0/1 bytes per line of the code, no quiet zone.
    Moves are relative, so the path is short; it is the one segno's own writer draws,
    in a fifth of the time.
    """
    parts = []
    pen = None
    for y, row in enumerate(matrix):
        line = bytes(row)
        start = line.find(1)
        while start >= 0:
            end = line.find(0, start)
            end = len(line) if end < 0 else end
            move = f"M{start} {y}.5" if pen is None else f"m{start - pen[0]} {y - pen[1]}"
            parts.append(f"{move}h{end - start}")
            pen = (end, y)
            start = line.find(1, end)
    return "".join(parts)
