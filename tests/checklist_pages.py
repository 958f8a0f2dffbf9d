"""Helpers for browser tests of checklists and the progress page."""

from __future__ import annotations

import json

# Fills this origin's localStorage under `key` until only about `room`
# characters are left, and returns the filler's length. Chromium counts a
# quota per origin (about 5 MiB), so this is how a real page runs out of room.
_FILL = """([key, room]) => {
  let low = 0, high = 64 * 1024 * 1024;
  while (high - low > 1) {
    const size = Math.floor((low + high) / 2);
    try { localStorage.setItem(key, "x".repeat(size)); low = size; }
    catch (error) { high = size; }
  }
  const size = Math.max(0, low - room);
  localStorage.setItem(key, "x".repeat(size));
  return size;
}"""


# An init script: every save to localStorage fails as if storage were full.
STORAGE_FULL = (
    "Storage.prototype.setItem = function () {"
    " throw new DOMException('full', 'QuotaExceededError'); };"
)


def boxes(page, checklist):
    """The checkboxes of the checklist matching the CSS selector `checklist`."""
    return page.locator(f"{checklist} input.nr-checklist__box")


def status(page, checklist):
    """The "n of m done" line of a checklist."""
    return page.locator(f"{checklist} .nr-checklist__status")


def ticked(page, checklist):
    """Whether each box of a checklist is ticked, in page order, once the script has drawn it."""
    status(page, checklist).wait_for()
    return [box.is_checked() for box in boxes(page, checklist).all()]


def export_file(page, tmp_path):
    """Click Export on the progress page and return the saved file's path."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Export").click()
    path = tmp_path / "progress.json"
    download.value.save_as(path)
    return path


def import_file(page, path):
    """Import `path` on the progress page and wait for the message saying how it went."""
    message = page.locator(".nr-progress__message")
    message.evaluate("node => { node.textContent = ''; }")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(path))
    page.wait_for_function("node => node.textContent !== ''", arg=message.element_handle())


def storage_key(page):
    """The localStorage key that holds this site's ticks."""
    return page.evaluate("() => Object.keys(localStorage).find(k => k.startsWith('next-round:'))")


def stored(page, key):
    """The parsed value saved under `key`, or None."""
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return None if raw is None else json.loads(raw)


def fill_storage(page, key, room):
    """Fill the origin's storage under `key`, leaving about `room` characters free."""
    return page.evaluate(_FILL, [key, room])
