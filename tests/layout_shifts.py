"""Helpers for tests that a page does not move when our script arrives late."""

from __future__ import annotations

import time

# Adds up the page's layout shifts, as Lighthouse's CLS does, into window.layoutShift.
_WATCH = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    if (!shift.hadRecentInput) window.layoutShift += shift.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def load_with_a_slow_script(page, url: str, seconds: float = 1.5) -> None:
    """Open `url` with our scripts held back `seconds`, as on a slow network: it paints first."""

    def slow(route):
        time.sleep(seconds)
        route.continue_()

    page.route("**/assets/next-round/*.js", slow)
    page.add_init_script(_WATCH)
    page.goto(url, wait_until="commit")


def layout_shift(page) -> float:
    """How much the page has moved since it started loading (Lighthouse's CLS, roughly)."""
    return page.evaluate("window.layoutShift")
