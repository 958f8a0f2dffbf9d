"""axe-core finds no WCAG 2.1 A/AA violation on any page, light or dark, on a phone.

Every English page, and a few Spanish ones (tests/edition_pages.py).
"""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest
from conftest import built_pages
from edition_pages import SPANISH_PAGES

AXE_SCRIPT = Path(axe_playwright_python.__file__).parent / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def violations(page) -> list[str]:
    """The WCAG violations axe finds on the current page, one line per element."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    found = page.evaluate(
        "async rules => (await axe.run(document, {runOnly: rules})).violations"
        ".flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}`))",
        RULES,
    )
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe(browser, server, site_dir, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    problems = []
    for relative in [*built_pages(site_dir), *SPANISH_PAGES.values()]:
        page.goto(server.url + relative.removesuffix("index.html"), wait_until="networkidle")
        for box in page.locator(".nr-checklist__box").all()[:2]:
            box.check()
        problems += [f"{relative}: {v}" for v in violations(page)]
    context.close()
    assert problems == []
