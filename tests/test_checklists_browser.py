"""Interactive checklists in real Chromium: ticks persist, progress, reset, export/import."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from checklist_pages import (
    STORAGE_FULL,
    boxes,
    export_file,
    import_file,
    status,
    storage_key,
    ticked,
)
from conftest import built_pages, nginx_serving, watch_page
from playwright.sync_api import expect

GUIDE = "guides/process-the-news/"
FIRST = "#checklist-news-first-48-hours"
SECOND = "#checklist-news-support"
PROGRESS = "progress/"


def test_ticks_survive_reload_and_update_progress(server, page):
    page.goto(server.url + GUIDE)
    total = boxes(page, FIRST).count()
    assert status(page, FIRST).inner_text() == f"0 of {total} done"
    boxes(page, FIRST).nth(0).check()
    boxes(page, FIRST).nth(2).check()
    assert status(page, FIRST).inner_text() == f"2 of {total} done"
    assert page.locator(f"{FIRST} progress").evaluate("bar => bar.value") == 2
    page.reload()
    assert ticked(page, FIRST)[:3] == [True, False, True]
    assert status(page, FIRST).inner_text() == f"2 of {total} done"


def test_ticks_survive_instant_navigation(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(1).check()
    page.locator(".md-content a[href$='ask-for-feedback/']").first.click()
    page.wait_for_url("**/ask-for-feedback/")
    page.go_back()
    # Material's section tracking may have added the heading's anchor.
    page.wait_for_url(re.compile(rf".*/{re.escape(GUIDE)}(#.*)?$"))
    expect(boxes(page, FIRST).nth(1)).to_be_checked()
    assert status(page, FIRST).inner_text().startswith("1 of")


def test_reset_clears_only_that_checklist(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    boxes(page, SECOND).nth(0).check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"{FIRST} .nr-checklist__reset").click()
    assert not any(ticked(page, FIRST))
    page.reload()
    assert not any(ticked(page, FIRST))
    expect(boxes(page, SECOND).nth(0)).to_be_checked()


def test_reset_can_be_cancelled(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator(f"{FIRST} .nr-checklist__reset").click()
    expect(boxes(page, FIRST).nth(0)).to_be_checked()


def test_progress_page_lists_every_checklist_with_progress(server, site_dir, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    page.goto(server.url + PROGRESS)
    entries = page.locator(".nr-registry__entry")
    rendered = sum(
        (site_dir / path).read_text().count('class="nr-checklist"')
        for path in built_pages(site_dir)
    )
    assert entries.count() == rendered
    row = page.locator(".nr-registry__entry[data-checklist='news-first-48-hours']")
    assert row.locator(".nr-registry__count").inner_text().startswith("1 of ")
    row.locator("a").click()
    page.wait_for_url(f"**/{GUIDE}{FIRST}")


def test_export_clear_import_restores_exactly(server, page, tmp_path):
    page.goto(server.url + GUIDE)
    for index in (0, 3):
        boxes(page, FIRST).nth(index).check()
    boxes(page, SECOND).nth(1).check()
    before = {FIRST: ticked(page, FIRST), SECOND: ticked(page, SECOND)}
    page.goto(server.url + PROGRESS, wait_until="networkidle")
    requests_before = len(page.watch.requests)
    exported = export_file(page, tmp_path)
    data = json.loads(exported.read_text())
    assert data["format"] == "next-round-progress"
    assert len(data["checklists"]["news-first-48-hours"]) == 2

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all").click()
    assert page.locator(".nr-progress__message").inner_text() == "All checklists are cleared."
    import_file(page, exported)
    page.get_by_text("Progress imported from progress.json.").wait_for()
    network = [u for u in page.watch.requests[requests_before:] if u.startswith("http")]
    assert network == []

    page.goto(server.url + GUIDE)
    assert {FIRST: ticked(page, FIRST), SECOND: ticked(page, SECOND)} == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "This file is not valid JSON. Nothing was changed."),
        (
            '{"format": "other", "version": 1, "checklists": {}}',
            'This is not a Next Round progress file (expected "format": '
            '"next-round-progress"). Nothing was changed.',
        ),
        (
            '{"format": "next-round-progress", "version": 1, "checklists": {"x": "y"}}',
            'The entry "x" should be a list of item ids. Nothing was changed.',
        ),
    ],
)
def test_malformed_import_is_refused_and_changes_nothing(server, page, tmp_path, content, message):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    page.goto(server.url + PROGRESS)
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import").click()
    chooser.value.set_files(str(bad))
    error = page.locator(".nr-progress__message--error")
    error.wait_for()
    assert error.inner_text() == message
    page.goto(server.url + GUIDE)
    expect(boxes(page, FIRST).nth(0)).to_be_checked()


def test_corrupt_storage_does_not_break_the_page(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    key = storage_key(page)
    page.evaluate("key => localStorage.setItem(key, '{broken')", key)
    page.reload()
    assert not any(ticked(page, FIRST))
    assert "could not be read" in page.locator(f"{FIRST} .nr-notice").inner_text()
    boxes(page, FIRST).nth(1).check()
    page.reload()
    expect(boxes(page, FIRST).nth(1)).to_be_checked()
    assert page.watch.errors == []


def test_stale_ids_are_ignored(server, page):
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    key = storage_key(page)
    page.evaluate(
        """key => {
            const saved = JSON.parse(localStorage.getItem(key));
            saved.checklists['news-first-48-hours'].push('an-item-that-was-removed');
            saved.checklists['a-checklist-that-was-renamed'] = ['x'];
            localStorage.setItem(key, JSON.stringify(saved));
        }""",
        key,
    )
    page.reload()
    total = boxes(page, FIRST).count()
    assert status(page, FIRST).inner_text() == f"1 of {total} done"
    page.goto(server.url + PROGRESS)
    row = page.locator(".nr-registry__entry[data-checklist='news-first-48-hours']")
    assert row.locator(".nr-registry__count").inner_text() == f"1 of {total} done"
    assert page.watch.errors == []


def test_unavailable_storage_still_works_for_the_visit(server, context):
    context.add_init_script(
        "for (const name of ['getItem', 'setItem', 'removeItem']) {"
        " Storage.prototype[name] = (key) => {"
        " throw new DOMException(`denied ${key}`, 'SecurityError'); }; }"
    )
    page = context.new_page()
    watch = watch_page(page)
    page.goto(server.url + GUIDE, wait_until="networkidle")
    boxes(page, FIRST).nth(0).check()
    assert status(page, FIRST).inner_text().startswith("1 of")
    assert "can't be saved" in page.locator(f"{FIRST} .nr-notice").inner_text()
    # Material's own scripts read their settings from storage without a guard,
    # a varying number of times: only their keys may show up as errors.
    assert all(error.startswith("denied ") for error in watch.errors), watch.errors
    assert [error for error in watch.errors if "next-round" in error] == []


def test_full_storage_keeps_ticks_for_the_visit(server, context):
    context.add_init_script(STORAGE_FULL)
    page = context.new_page()
    watch = watch_page(page)
    page.goto(server.url + GUIDE)
    boxes(page, FIRST).nth(0).check()
    boxes(page, FIRST).nth(1).check()
    assert status(page, FIRST).inner_text().startswith("2 of")
    assert "storage is off or full" in page.locator(f"{FIRST} .nr-notice").inner_text()
    assert watch.errors == []


def test_without_javascript_the_list_is_readable_and_tickable(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + GUIDE)
    first = boxes(page, FIRST).nth(0)
    assert first.is_visible()
    first.click()
    assert first.is_checked()
    assert page.locator(f"{FIRST} .nr-checklist__status").count() == 0
    context.close()


def test_keyboard_only_ticking(server, page):
    page.goto(server.url + GUIDE)
    first = boxes(page, FIRST).nth(0)
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()
    page.keyboard.press("Tab")  # the item's Note button
    page.keyboard.press("Tab")
    assert page.evaluate(
        "() => document.activeElement === document.querySelectorAll("
        f"'{FIRST} input.nr-checklist__box')[1]"
    )
    page.keyboard.press("Space")
    assert status(page, FIRST).inner_text().startswith("2 of")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_checkboxes_are_labelled_and_large_enough(server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + GUIDE)
    texts = page.locator(f"{FIRST} .nr-checklist__text").all_inner_texts()
    for text in texts:
        box = page.get_by_role("checkbox", name=text, exact=True)
        size = box.bounding_box()
        assert size["width"] >= 24
        assert size["height"] >= 24


def test_two_sites_on_one_origin_keep_separate_progress(site_dir, tmp_path, page):
    mounts = {"/careers/next-round/": site_dir, "/alumni/": site_dir}
    with nginx_serving(mounts, tmp_path) as both:
        page.goto(both.url + "careers/next-round/" + GUIDE)
        boxes(page, FIRST).nth(0).check()
        page.goto(both.url + "alumni/" + GUIDE)
        assert not any(ticked(page, FIRST))
        boxes(page, FIRST).nth(1).check()
        page.goto(both.url + "careers/next-round/" + GUIDE)
        assert ticked(page, FIRST)[:2] == [True, False]
        keys = page.evaluate(
            "() => Object.keys(localStorage).filter(k => k.startsWith('next-round:')).sort()"
        )
        assert keys == ["next-round:/alumni/", "next-round:/careers/next-round/"]
    assert {urlsplit(u).netloc for u in page.watch.requests} == {both.host}


def test_checklists_work_when_opened_from_file(site_dir, page):
    page.goto((site_dir / GUIDE / "index.html").as_uri())
    boxes(page, FIRST).nth(0).check()
    page.reload()
    expect(boxes(page, FIRST).nth(0)).to_be_checked()
    assert status(page, FIRST).inner_text().startswith("1 of")
    assert page.watch.errors == []


def test_a_tick_made_before_the_script_arrives_is_kept(server, page):
    held = []
    page.route("**/assets/next-round/scripts.*", lambda route: held.append(route))
    page.goto(server.url + GUIDE, wait_until="commit")  # the page shows; its script is held
    boxes(page, FIRST).nth(1).check()  # the reader is quicker than the network
    for route in held:
        route.continue_()
    page.unroute("**/assets/next-round/scripts.*")
    expect(status(page, FIRST)).to_have_text(f"1 of {boxes(page, FIRST).count()} done")
    page.reload()
    assert ticked(page, FIRST)[:2] == [False, True]
