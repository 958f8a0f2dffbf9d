"""Helpers for tests that a page does not move when our script arrives late."""

from __future__ import annotations

_OUR_SCRIPTS = "**/assets/next-round/*.js"

# Adds up the page's layout shifts, as Lighthouse's CLS does, into window.layoutShift.
_WATCH = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const shift of list.getEntries()) {
    if (!shift.hadRecentInput) window.layoutShift += shift.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""


class HeldScripts:
    """Our scripts, held back until `release()`, as on a network that delivers them last."""

    def __init__(self, page) -> None:
        self._page = page
        self._held = []
        page.route(_OUR_SCRIPTS, self._hold)

    def _hold(self, route) -> None:
        self._held.append(route)

    def release(self) -> None:
        """Let the held scripts (and any asked for later) through."""
        for route in self._held:
            route.continue_()
        self._held.clear()
        self._page.unroute(_OUR_SCRIPTS)


def load_with_a_slow_script(page, url: str) -> HeldScripts:
    """Open `url` with our scripts held back: the page paints before any of them runs."""
    held = HeldScripts(page)
    page.add_init_script(_WATCH)
    page.goto(url, wait_until="commit")
    return held


def layout_shift(page) -> float:
    """How much the page has moved since it started loading (Lighthouse's CLS, roughly)."""
    return page.evaluate("window.layoutShift")
