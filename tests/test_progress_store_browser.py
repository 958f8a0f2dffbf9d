"""The progress store under hostile input, storage faults and other tabs, in real Chromium.

Ids named like built-in object properties, import limits, a full or failing
save, a corrupt value too big to back up, `localStorage.clear()` in another
tab, and the versioned saved format (old values and files still read).
"""

from __future__ import annotations

import json

import pytest
import tiny_site
from checklist_pages import (
    boxes,
    export_file,
    fill_storage,
    import_file,
    status,
    storage_key,
    stored,
    ticked,
)
from conftest import ROOT, serve_folder
from layout_shifts import layout_shift, load_with_a_slow_script
from playwright.sync_api import expect

GUIDE = "guides/process-the-news/"
FIRST = "#checklist-news-first-48-hours"
PROGRESS = "progress/"
FORMAT = "next-round-progress"
MAX_FILE_BYTES = 256 * 1024
PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]

TINY_PAGES = {
    "docs/index.md": tiny_site.page(
        "Home",
        "# Home\n\n"
        "/// checklist | Build it\n    id: constructor\n\n"
        "- [ ] Draw the plan.\n- [ ] Build the frame.\n///\n\n"
        "/// checklist | Odd names\n    id: odd-names\n\n"
        "- [ ] Constructor\n- [ ] Paint the door.\n///\n",
    ),
    "docs/progress.md": tiny_site.page(
        "Progress", '# Progress\n\n<div class="nr-registry" data-nr-registry></div>\n'
    ),
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A tiny site with a checklist id and an item id named `constructor`, over HTTP."""
    folder = tmp_path_factory.mktemp("tiny")
    # Indented: it goes into the `theme:` block (no web fonts; our templates load the bundles).
    theme = f"  font: false\n  custom_dir: {ROOT / 'overrides'}\n"
    tiny_site.write_site(folder, TINY_PAGES, extra_config=theme)
    result = tiny_site.build(folder)
    assert result.returncode == 0, result.output
    httpd, served = serve_folder(folder / "site")
    yield served
    httpd.shutdown()


def message(page):
    """The progress page's status message once it says something."""
    line = page.locator(".nr-progress__message")
    expect(line).not_to_be_empty()
    return line.inner_text()


def first_item_ids(page, count):
    """The item ids of the first checklist of the real guide, in page order."""
    return page.locator(f"{FIRST} .nr-checklist__item").evaluate_all(
        f"items => items.slice(0, {count}).map(item => item.dataset.item)"
    )


def write_file(tmp_path, data, name="progress.json"):
    """Write `data` (JSON, or text as is) to a file to import."""
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def progress_file(checklists, **extra):
    """A progress file as the site exports it."""
    return {"format": FORMAT, "version": 1, "checklists": checklists, **extra}


# ---- defect 2: own keys only -------------------------------------------------


def test_prototype_names_work_as_checklist_and_item_ids(tiny, page, tmp_path):
    page.goto(tiny.url)
    boxes(page, "#checklist-constructor").nth(1).check()
    page.get_by_role("checkbox", name="Constructor").check()
    assert status(page, "#checklist-constructor").inner_text() == "1 of 2 done"
    assert status(page, "#checklist-odd-names").inner_text() == "1 of 2 done"
    page.reload()
    assert ticked(page, "#checklist-constructor") == [False, True]
    assert ticked(page, "#checklist-odd-names") == [True, False]

    page.goto(tiny.url + PROGRESS)
    for checklist in ("constructor", "odd-names"):
        row = page.locator(f".nr-registry__entry[data-checklist='{checklist}']")
        assert row.locator(".nr-registry__count").inner_text() == "1 of 2 done"
    exported = export_file(page, tmp_path)
    assert json.loads(exported.read_text())["checklists"] == {
        "constructor": ["build-the-frame"],
        "odd-names": ["constructor"],
    }
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all").click()
    import_file(page, exported)
    expect(page.locator(".nr-progress__message")).to_have_text(
        "Progress imported from progress.json."
    )
    page.goto(tiny.url)
    assert ticked(page, "#checklist-constructor") == [False, True]
    assert ticked(page, "#checklist-odd-names") == [True, False]
    assert page.watch.errors == []


def test_prototype_names_in_a_file_are_kept_and_change_nothing(server, page, tmp_path):
    page.goto(server.url + GUIDE)
    [first] = first_item_ids(page, 1)
    checklists = {name: [name, "x"] for name in PROTOTYPE_NAMES}
    checklists["news-first-48-hours"] = [first, "constructor", "__proto__"]
    page.goto(server.url + PROGRESS)
    import_file(page, write_file(tmp_path, progress_file(checklists), "odd.json"))
    assert message(page) == "Progress imported from odd.json."
    row = page.locator(".nr-registry__entry[data-checklist='news-first-48-hours']")
    assert row.locator(".nr-registry__count").inner_text().startswith("1 of ")
    page.reload()
    assert row.locator(".nr-registry__count").inner_text().startswith("1 of ")
    assert json.loads(export_file(page, tmp_path).read_text())["checklists"] == checklists
    assert page.watch.errors == []


# ---- defect 6: import limits and honest results --------------------------------


def tick_first_then_open_progress(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    page.goto(server.url + PROGRESS)


def assert_first_tick_kept(server, page):
    page.goto(server.url + GUIDE)
    ticks = ticked(page, FIRST)
    assert ticks[0] and not any(ticks[1:])


def test_import_over_the_size_limit_is_refused(server, page, tmp_path):
    tick_first_then_open_progress(server, page)
    data = progress_file({"news-first-48-hours": []}, note="x" * MAX_FILE_BYTES)
    import_file(page, write_file(tmp_path, data))
    assert message(page) == (
        "This file is too big to be a progress file (they are at most 256 KB). Nothing was changed."
    )
    assert_first_tick_kept(server, page)


HOSTILE = "Your progress is lost. Call 0800 123 456 or visit evil.example to get it back."


@pytest.mark.parametrize(
    ("checklists", "expected"),
    [
        (
            {f"list-{n}": [] for n in range(1001)},
            "This file has 1001 checklists; a progress file has at most 1000.",
        ),
        (
            {"news-first-48-hours": [f"item-{n}" for n in range(101)]},
            'The entry "news-first-48-hours" has 101 item ids; at most 100 are allowed.',
        ),
        (
            {"x" * 201: []},
            "This file has an id of 201 characters; ids are at most 200.",
        ),
        (
            {"news-first-48-hours": ["y" * 300]},
            "This file has an id of 300 characters; ids are at most 200.",
        ),
        (
            {HOSTILE: "not a list"},
            'The entry "Your progress is lost. Call 0800 123 45…" should be a list of item ids.',
        ),
    ],
    ids=["checklists", "items", "checklist-id", "item-id", "quoted-text"],
)
def test_import_limits_give_a_short_plain_message(server, page, tmp_path, checklists, expected):
    tick_first_then_open_progress(server, page)
    import_file(page, write_file(tmp_path, progress_file(checklists)))
    assert message(page) == f"{expected} Nothing was changed."
    expect(page.locator(".nr-progress__message--error")).to_have_count(1)
    assert_first_tick_kept(server, page)


def test_a_version_field_is_never_repeated(server, page, tmp_path):
    tick_first_then_open_progress(server, page)
    data = {"format": FORMAT, "version": HOSTILE * 1000, "checklists": {}}
    import_file(page, write_file(tmp_path, data))
    assert message(page) == (
        "This file comes from another version of Next Round; this site reads version 1. "
        "Nothing was changed."
    )
    assert_first_tick_kept(server, page)


def test_an_import_that_cannot_be_saved_says_so_and_keeps_the_old_ticks(server, page, tmp_path):
    tick_first_then_open_progress(server, page)
    checklists = {f"checklist-{n}": [f"item-{i}" for i in range(12)] for n in range(100)}
    fill_storage(page, "another-site-on-this-origin", room=2000)
    import_file(page, write_file(tmp_path, progress_file(checklists)))
    assert message(page) == (
        "Your ticks could not be imported: this browser's storage is full or turned off. "
        "Your ticks are as they were."
    )
    expect(page.locator(".nr-progress__message--error")).to_have_count(1)
    assert page.locator(".nr-notice").inner_text() == ""
    assert_first_tick_kept(server, page)
    assert page.watch.errors == []


def test_an_export_with_every_item_ticked_is_far_below_the_limit(server, page, tmp_path):
    page.goto(server.url + PROGRESS)
    rows = page.locator(".nr-registry__entry").evaluate_all(
        "rows => Object.fromEntries(rows.map(row => "
        "[row.dataset.checklist, row.dataset.items.split(' ')]))"
    )
    import_file(page, write_file(tmp_path, progress_file(rows), "all.json"))
    assert message(page) == "Progress imported from all.json."
    for checklist, items in rows.items():
        row = page.locator(f".nr-registry__entry[data-checklist='{checklist}']")
        count = row.locator(".nr-registry__count").inner_text()
        assert count == f"{len(items)} of {len(items)} done"
    size = export_file(page, tmp_path).stat().st_size
    print(f"export with all {sum(map(len, rows.values()))} items ticked: {size:,} bytes")
    assert size < MAX_FILE_BYTES / 10


# ---- defect 7: no stuck state ------------------------------------------------------


def wedge_storage(server, page):
    """Save a tick, then replace the saved value with junk too big to copy."""
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    key = storage_key(page)
    fill_storage(page, key, room=1000)
    return key


def test_a_corrupt_value_too_big_to_back_up_is_replaced_by_the_next_tick(server, page):
    key = wedge_storage(server, page)
    page.reload()
    notice = page.locator(f"{FIRST} .nr-notice")
    assert notice.inner_text() == (
        "Your saved ticks, notes, details and plan could not be read, and there is no room to "
        "keep a copy. They start empty, and your next change replaces them."
    )
    assert not any(ticked(page, FIRST))
    boxes(page, FIRST).nth(1).check()
    expect(notice).to_have_text(
        "What could not be read was replaced. New changes are saved as usual."
    )
    assert stored(page, key)["checklists"] == {"news-first-48-hours": first_item_ids(page, 2)[1:]}
    page.reload()
    assert ticked(page, FIRST)[:2] == [False, True]
    assert notice.inner_text() == ""
    assert page.watch.errors == []


def test_ticks_kept_while_storage_is_full_are_saved_once_there_is_room(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    key = storage_key(page)
    fill_storage(page, "another-site-on-this-origin", room=0)
    boxes(page, FIRST).nth(1).check()
    notice = page.locator(f"{FIRST} .nr-notice")
    expect(notice).to_contain_text("storage is off or full")
    page.evaluate("() => localStorage.removeItem('another-site-on-this-origin')")
    boxes(page, FIRST).nth(2).check()
    expect(notice).to_have_text("")
    assert stored(page, key)["checklists"] == {"news-first-48-hours": first_item_ids(page, 3)}
    page.reload()
    assert ticked(page, FIRST)[:3] == [True, True, True]


def test_clear_all_gets_out_of_a_corrupt_value_too_big_to_back_up(server, page):
    key = wedge_storage(server, page)
    page.goto(server.url + PROGRESS)
    assert "no room to keep a copy" in page.locator(".nr-notice").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all").click()
    assert message(page) == "All checklists are cleared."
    assert page.locator(".nr-notice").inner_text() == ""
    assert page.evaluate("key => localStorage.getItem(key)", key) is None
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(2).check()
    page.reload()
    assert ticked(page, FIRST)[:3] == [False, False, True]
    assert page.locator(f"{FIRST} .nr-notice").inner_text() == ""
    assert page.watch.errors == []


def test_clear_all_also_removes_the_copy_of_unreadable_ticks(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    key = storage_key(page)
    page.evaluate("key => localStorage.setItem(key, '{broken')", key)
    page.reload()
    assert page.evaluate("key => localStorage.getItem(key + ':unreadable')", key) == "{broken"
    page.goto(server.url + PROGRESS)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all").click()
    assert message(page) == "All checklists are cleared."
    assert page.evaluate("key => localStorage.getItem(key + ':unreadable')", key) is None


# ---- defect 8: other tabs ------------------------------------------------------------


def test_a_tick_in_one_tab_shows_in_the_other(server, context):
    first, second = context.new_page(), context.new_page()
    first.goto(server.url + GUIDE)
    second.goto(server.url + GUIDE)
    boxes(second, FIRST).nth(1).check()
    expect(boxes(first, FIRST).nth(1)).to_be_checked()
    expect(first.locator(f"{FIRST} .nr-checklist__status")).to_have_text(
        f"1 of {boxes(first, FIRST).count()} done"
    )


def test_storage_cleared_in_another_tab_is_not_written_back(server, context):
    # Each tab is in front while the reader uses it: Chromium delays clicks in a tab behind.
    stale = context.new_page()
    stale.goto(server.url + GUIDE)
    boxes(stale, FIRST).nth(0).check()
    boxes(stale, FIRST).nth(1).check()
    other = context.new_page()
    other.goto(server.url + GUIDE)
    other.evaluate("() => localStorage.clear()")
    expect(boxes(stale, FIRST).nth(0)).not_to_be_checked()
    stale.bring_to_front()
    boxes(stale, FIRST).nth(2).check()
    stale.reload()
    assert ticked(stale, FIRST)[:3] == [False, False, True]


def test_a_late_word_from_another_tab_about_an_older_save_changes_nothing(server, page):
    # Chromium may deliver another tab's storage event after this tab saved again.
    key = wedge_storage(server, page)
    page.reload()
    boxes(page, FIRST).nth(1).check()
    notice = page.locator(f"{FIRST} .nr-notice")
    replaced = "What could not be read was replaced. New changes are saved as usual."
    expect(notice).to_have_text(replaced)
    page.evaluate(
        "key => window.dispatchEvent(new StorageEvent('storage', {key, newValue: 'stale'}))", key
    )
    page.evaluate("() => new Promise(requestAnimationFrame)")
    expect(notice).to_have_text(replaced)
    assert ticked(page, FIRST)[:2] == [False, True]
    assert stored(page, key)["checklists"] == {"news-first-48-hours": first_item_ids(page, 2)[1:]}


# ---- the saved format --------------------------------------------------------------


def test_ticks_are_saved_in_a_versioned_format(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    assert stored(page, storage_key(page)) == {
        "version": 1,
        "checklists": {"news-first-48-hours": first_item_ids(page, 1)},
    }


def test_a_value_saved_by_the_earlier_format_is_still_read(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    key = storage_key(page)
    ids = first_item_ids(page, 3)
    page.evaluate(
        "([key, ids]) => localStorage.setItem(key, JSON.stringify({'news-first-48-hours': ids}))",
        [key, [ids[0], ids[2]]],
    )
    page.reload()
    assert ticked(page, FIRST)[:3] == [True, False, True]
    boxes(page, FIRST).nth(1).check()
    assert stored(page, key) == {
        "version": 1,
        "checklists": {"news-first-48-hours": ids},
    }
    assert page.locator(f"{FIRST} .nr-notice").inner_text() == ""


def test_a_file_exported_by_the_earlier_site_is_still_read(server, page, tmp_path):
    page.goto(server.url + GUIDE)
    ids = first_item_ids(page, 2)
    data = progress_file({"news-first-48-hours": ids}, exported="2026-11-01T09:30:00.000Z")
    page.goto(server.url + PROGRESS)
    import_file(page, write_file(tmp_path, json.dumps(data, indent=2), "old.json"))
    assert message(page) == "Progress imported from old.json."
    page.goto(server.url + GUIDE)
    assert ticked(page, FIRST)[:3] == [True, True, False]


def test_my_progress_is_in_place_before_a_slow_script_so_nothing_moves(server, page):
    scripts = load_with_a_slow_script(page, server.url + "progress/")
    export = page.get_by_role("button", name="Export")
    expect(export).to_be_visible()
    expect(export).to_be_disabled()
    count = page.locator(".nr-registry__entry .nr-registry__count").first
    assert count.inner_text().startswith("0 of "), "the count the script keeps is there already"
    scripts.release()
    expect(export).to_be_enabled()
    assert layout_shift(page) < 0.01
