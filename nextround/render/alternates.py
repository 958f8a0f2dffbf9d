"""The same page in every edition: the language switcher's links and the `hreflang` alternates.

Editions sit side by side: the source at the site's root, each translation
`xx` in `xx/` below it, every page at the same path in each (a page with no
translation is shown from the source text, so it always exists). From a page
the link to another edition climbs to its own edition's root, then goes down
into the other's: relative, so it works under any sub-path and from file://.
Pure functions; no engine.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urljoin

from nextround.editions import Edition


@dataclass(frozen=True)
class Alternate:
    """One edition of a page."""

    edition: Edition
    href: str
    """From the page, relative: '../../es/guides/x/'."""
    url: str
    """The full address, from `site_url` ('' without one)."""
    current: bool


def root_offset(here: Edition, there: Edition, known: tuple[Edition, ...]) -> str:
    """The path from the root of edition `here` to the root of edition `there`."""
    if here == there:
        return ""
    source = known[0]
    up = "" if here == source else "../"
    return up + ("" if there == source else there.code + "/")


def alternates(
    page_url: str,
    here: Edition,
    known: tuple[Edition, ...],
    site_url: str = "",
    missing: frozenset[str] = frozenset(),
    home: str = "",
) -> list[Alternate]:
    """Every edition of the page served at `page_url` (from its edition's root: 'guides/x/').

    `missing` names the editions that lack this page: their link goes to their home page,
    `home` ('index.html' without directory URLs).
    """
    climb = "../" * page_url.count("/")
    found = []
    for there in known:
        target = home if there.code in missing else page_url
        offset = root_offset(here, there, known)
        href = climb + offset + target or "./"
        url = _root_address(site_url, offset) + target if site_url else ""
        found.append(Alternate(there, href, url, there == here))
    return found


@functools.lru_cache(maxsize=16)
def _root_address(site_url: str, offset: str) -> str:
    """The full address of the edition root `offset` away from the root at `site_url`."""
    return urljoin(site_url, offset)


def hreflang_links(
    found: list[Alternate], missing: frozenset[str] = frozenset()
) -> list[tuple[str, str]]:
    """The head's `hreflang` links of a page: (language, address) per edition that has it.

    Then `x-default`, the source edition. The full address when `site_url` gives one,
    else the relative link. None for a page only one edition has.
    """
    links = [(item.edition.code, item.url or item.href) for item in found]
    links = [(code, href) for code, href in links if code not in missing]
    if len(links) < 2:
        return []
    source = found[0]
    return [*links, ("x-default", source.url or source.href)]


def edition(code: str, known: tuple[Edition, ...]) -> Edition:
    """The edition of language `code`; the source edition if `code` is none of them."""
    return next((item for item in known if item.code == code), known[0])
