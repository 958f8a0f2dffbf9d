"""The dated plan, its calendar file, private notes and the one store, in real Chromium.

The plan starts on a Friday, so the reply's three business days skip a
weekend. The calendar file is read back with `icalendar` and checked against
RFC 5545 (`calendar_file.py`); notes are typed with the keyboard, reloaded,
shown on the progress page, printed and reset; export and import carry ticks,
plan and notes, and a file full of markup shows it as text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from calendar_file import rfc5545_problems
from checklist_pages import STORAGE_FULL, boxes, export_file, import_file, storage_key, stored
from conftest import watch_page
from playwright.sync_api import expect
from print_pdfs import page_texts
from test_accessibility import violations

from nextround.cli.handouts import print_checklist

pytestmark = pytest.mark.browser

PLAN = "next-30-days/"
GUIDE = "guides/process-the-news/"
FIRST = "news-first-48-hours"
PROGRESS = "progress/"
START = dt.date(2026, 11, 27)  # a Friday
DAY = dt.timedelta(days=1)
# (checklist, first day, last day, day of its reminder sentence) as the guides count them.
STEPS = [
    ("plan-days-1-2", START, START + DAY, None),  # days 1 to 2
    ("plan-week-1", START + 2 * DAY, START + 6 * DAY, dt.date(2026, 12, 2)),  # 3rd business day
    ("plan-week-2", START + 7 * DAY, START + 13 * DAY, None),
    ("plan-week-3", START + 14 * DAY, START + 20 * DAY, dt.date(2026, 12, 16)),  # 10 after
    ("plan-week-4", START + 21 * DAY, START + 29 * DAY, None),
]
NOTE = "Asked Sam on Tuesday; she said, call back Friday."
HOSTILE = "<img src=x onerror=alert(1)>"
OLD_FILE = Path(__file__).parent / "data" / "progress-before-plan-and-notes.json"


def shown(day: dt.date) -> str:
    """A date as the page shows it in US English: 'Fri, Nov 27'."""
    return f"{day:%a}, {day:%b} {day.day}"


@pytest.fixture
def us_page(browser):
    """A page in US English, in a time zone far from UTC (dates must not move)."""
    context = browser.new_context(locale="en-US", timezone_id="Pacific/Kiritimati")
    page = context.new_page()
    page.watch = watch_page(page)
    yield page
    context.close()


def start_plan(page, day: dt.date):
    """Pick the start date with the keyboard and start the plan."""
    page.get_by_label("Start date").fill(day.isoformat())
    page.locator(".nr-plan button").first.focus()  # Start my plan, or Change the start date
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="Your plan starts")).to_have_text(
        f"Your plan starts on {shown(day)}."
    )


def download_calendar(page, tmp_path) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to my calendar").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "next-round-plan.ics"
    return path.read_bytes()


def open_note(page, item):
    """Open an item's note field from the keyboard; returns the field."""
    text = item.locator(".nr-checklist__text").inner_text()
    toggle = item.get_by_role("button", name=f"Note: {text}")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    field = item.get_by_label("Your note, kept on this device")
    expect(field).to_be_focused()
    return field


# ---- the dated plan -----------------------------------------------------------


def test_a_started_plan_dates_each_step_and_its_calendar_file_holds_them(us_page, server, tmp_path):
    page = us_page
    page.goto(server.url + PLAN)
    expect(page.locator(".nr-plan__when")).to_have_count(0)
    start_plan(page, START)
    for checklist, first, last, remind in STEPS:
        line = page.locator(f"#checklist-{checklist} .nr-plan__when")
        expect(line).to_contain_text(f"{shown(first)} to {shown(last)}")
        if remind:
            expect(line).to_contain_text(f" {shown(remind)}.")

    raw = download_calendar(page, tmp_path)
    assert rfc5545_problems(raw) == []
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    found = {
        str(event["UID"]).split("-2026")[0]: (
            event.decoded("DTSTART"),
            event.decoded("DTEND"),
            str(event["URL"]),
            [(str(a["ACTION"]), a.decoded("TRIGGER")) for a in event.walk("VALARM")],
        )
        for event in events
    }
    expected = {}
    for checklist, first, last, remind in STEPS:
        url = f"{server.url}{PLAN}#checklist-{checklist}"
        alarm = [("DISPLAY", dt.timedelta(hours=9))]
        expected[checklist] = (first, last + DAY, url, alarm)
        if remind:
            expected[f"{checklist}-reminder"] = (remind, remind + DAY, url, alarm)
    assert found == expected
    follow_up = next(e for e in events if str(e["UID"]).startswith("plan-week-3-reminder"))
    assert str(follow_up["SUMMARY"]) == (
        "Next Round: If your reply got no answer, send your one follow-up on Wed, Dec 16."
    )
    assert str(follow_up["DESCRIPTION"]).endswith(f"{server.url}{PLAN}#checklist-plan-week-3")

    start_plan(page, START + DAY)
    expect(page.locator("#checklist-plan-days-1-2 .nr-plan__when")).to_have_text(
        f"{shown(START + DAY)} to {shown(START + 2 * DAY)}"
    )
    page.reload()
    assert stored(page, storage_key(page))["plan"] == {"start": (START + DAY).isoformat()}
    page.get_by_role("button", name="Clear my plan").click()
    expect(page.locator(".nr-plan__when")).to_have_count(0)
    expect(page.get_by_role("button", name="Add to my calendar")).to_be_hidden()
    assert "plan" not in stored(page, storage_key(page))
    assert page.watch.errors == []


def test_a_copy_opened_from_a_file_links_its_calendar_to_the_published_page(
    us_page, site_dir, tmp_path
):
    us_page.goto((site_dir / PLAN / "index.html").as_uri())
    start_plan(us_page, START)
    raw = download_calendar(us_page, tmp_path)
    urls = [str(e["URL"]) for e in icalendar.Calendar.from_ical(raw).walk("VEVENT")]
    assert urls and all(
        url.startswith("https://nextround.example.org/next-30-days/#checklist-plan-")
        for url in urls
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_started_plan_and_an_open_note_pass_axe(browser, server, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(server.url + PLAN, wait_until="networkidle")
    start_plan(page, START)
    open_note(page, page.locator("#checklist-plan-week-1 .nr-checklist__item").first).fill(NOTE)
    assert violations(page) == []
    context.close()


# ---- notes ----------------------------------------------------------------------


def test_a_note_survives_a_reload_shows_on_progress_prints_and_is_reset(server, page):
    page.goto(server.url + GUIDE)
    items = page.locator(f"#checklist-{FIRST} .nr-checklist__item")
    item = items.first
    texts = items.locator(".nr-checklist__text").all_inner_texts()
    open_note(page, item)
    page.keyboard.type(NOTE)
    page.reload()
    expect(item.locator(".nr-note__text")).to_have_text(NOTE)

    printed = " ".join(" ".join(page_texts(print_checklist(page, FIRST, "A4"))).split())
    # Beside its item: after that item's text, before the next item's.
    assert printed.index(texts[0]) < printed.index(NOTE) < printed.index(texts[1])

    page.goto(server.url + PROGRESS)
    row = page.locator(f".nr-registry__entry[data-checklist='{FIRST}'] .nr-registry__notes li")
    expect(row.filter(visible=True)).to_have_count(1)
    expect(row.filter(visible=True)).to_contain_text(texts[0])
    expect(row.filter(visible=True).locator(".nr-note__text")).to_have_text(NOTE)

    page.goto(server.url + GUIDE)
    page.once("dialog", lambda dialog: dialog.accept())
    title = page.locator(f"#checklist-{FIRST} .nr-checklist__title").inner_text()
    page.get_by_role("button", name=f'Reset "{title}"').click()
    expect(item.locator(".nr-note__text")).to_be_hidden()
    page.reload()
    expect(item.locator(".nr-note__text")).to_be_hidden()
    assert "notes" not in (stored(page, storage_key(page)) or {})
    assert page.watch.errors == []


def test_with_storage_full_the_plan_and_notes_work_for_the_visit(server, context):
    context.add_init_script(STORAGE_FULL)
    page = context.new_page()
    watch = watch_page(page)
    page.goto(server.url + PLAN)
    start_plan(page, START)
    open_note(page, page.locator("#checklist-plan-week-1 .nr-checklist__item").first)
    page.keyboard.type(NOTE)
    expect(page.locator("#checklist-plan-week-1 .nr-plan__when")).to_contain_text(
        shown(START + 2 * DAY)
    )
    notice = page.locator(".nr-plan .nr-notice")
    expect(notice).to_contain_text("(storage is off or full)")
    assert {"notes", "plan"} <= set(notice.inner_text().replace(",", " ").split())
    page.locator("#checklist-plan-week-1 .nr-note__toggle").first.click()  # close the note
    expect(page.locator("#checklist-plan-week-1 .nr-note__text").first).to_have_text(NOTE)
    assert watch.errors == []


# ---- one store: export and import --------------------------------------------------


def test_export_clear_all_and_import_restore_ticks_plan_and_notes(us_page, server, tmp_path):
    page = us_page
    page.goto(server.url + PLAN)
    start_plan(page, START)
    boxes(page, "#checklist-plan-week-1").nth(1).check()
    open_note(page, page.locator("#checklist-plan-week-1 .nr-checklist__item").first)
    page.keyboard.type(NOTE)
    key = storage_key(page)
    before = stored(page, key)
    assert before["plan"] == {"start": START.isoformat()}
    assert list(before["notes"]["plan-week-1"].values()) == [NOTE]

    page.goto(server.url + PROGRESS)
    exported = json.loads(export_file(page, tmp_path).read_text())
    assert {k: exported[k] for k in before} == before
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear all").click()
    assert stored(page, key) is None
    import_file(page, tmp_path / "progress.json")
    expect(page.locator(".nr-progress__message")).to_have_text(
        "Progress imported from progress.json."
    )
    assert stored(page, key) == before
    page.goto(server.url + PLAN)
    expect(page.locator("#checklist-plan-week-1 .nr-note__text").first).to_have_text(NOTE)
    expect(page.locator("#checklist-plan-week-1 .nr-plan__when")).to_contain_text(
        shown(START + 2 * DAY)
    )
    expect(boxes(page, "#checklist-plan-week-1").nth(1)).to_be_checked()


def test_a_file_exported_before_plans_and_notes_still_imports(server, page):
    page.goto(server.url + PROGRESS)
    import_file(page, OLD_FILE)
    expect(page.locator(".nr-progress__message")).to_have_text(
        f"Progress imported from {OLD_FILE.name}."
    )
    old = json.loads(OLD_FILE.read_text())
    saved = stored(page, storage_key(page))
    assert saved["checklists"] == old["checklists"]
    assert "plan" not in saved and "notes" not in saved
    row = page.locator(f".nr-registry__entry[data-checklist='{FIRST}'] .nr-registry__count")
    expect(row).to_contain_text(f"{len(old['checklists'][FIRST])} of")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"notes": {FIRST: {"x": "y" * 281}}},
            f'The notes of "{FIRST}" should be item ids, each with a note of at most 280 '
            "characters.",
        ),
        *(
            (
                {"plan": {"start": start}},
                'The "plan" should hold a start date from 1970 to 2999, like "2026-11-27".',
            )
            for start in ("27/11/2026", "9999-12-31", "9999-99-99", "0000-00-00", "2026-02-30")
        ),
        (
            {"notes": {FIRST: {"a": 1, "b": None, "c": [], "d": {}, "e": True, "f": 1.5}}},
            f'The notes of "{FIRST}" should be item ids, each with a note of at most 280 '
            "characters.",
        ),
        (
            {"details": {"you": 1, "them": None, "job": [], "org": {}, "date": False}},
            'The detail "you" should be a text of at most 200 characters.',
        ),
    ],
    ids=[
        "long-note",
        "bad-date",
        "year-9999",
        "month-99",
        "year-0",
        "february-30",
        "notes-of-every-type",
        "details-of-every-type",
    ],
)
def test_a_malformed_file_is_refused_and_changes_nothing(server, page, tmp_path, change, expected):
    page.goto(server.url + PLAN)
    start_plan(page, START)
    key = storage_key(page)
    before = stored(page, key)
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps({"format": "next-round-progress", "version": 1, "checklists": {}, **change})
    )
    page.goto(server.url + PROGRESS)
    import_file(page, path)
    expect(page.locator(".nr-progress__message")).to_have_text(f"{expected} Nothing was changed.")
    assert stored(page, key) == before


def test_markup_in_every_text_field_of_a_file_is_shown_as_text(server, page, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    page.goto(server.url + GUIDE)
    items = page.locator(f"#checklist-{FIRST} .nr-checklist__item").evaluate_all(
        "items => items.map(item => item.dataset.item)"
    )
    data = {
        "format": "next-round-progress",
        "version": 1,
        "exported": HOSTILE,
        "checklists": {FIRST: [items[0], HOSTILE], HOSTILE: [HOSTILE]},
        "plan": {"start": START.isoformat(), HOSTILE: HOSTILE},
        "notes": {FIRST: {items[0]: HOSTILE, HOSTILE: HOSTILE}, HOSTILE: {HOSTILE: HOSTILE}},
        HOSTILE: HOSTILE,
    }
    path = tmp_path / f"{HOSTILE}.json"
    path.write_text(json.dumps(data))
    page.goto(server.url + PROGRESS)
    import_file(page, path)
    expect(page.locator(".nr-progress__message")).to_have_text(
        f"Progress imported from {HOSTILE}.json."
    )
    note = page.locator(f".nr-registry__entry[data-checklist='{FIRST}'] .nr-note__text").first
    expect(note).to_have_text(HOSTILE)
    page.goto(server.url + GUIDE)
    expect(page.locator(f"#checklist-{FIRST} .nr-note__text").first).to_have_text(HOSTILE)
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == ["Replace your ticks, notes, plan and details with the ones in this file?"]
    assert not [url for url in page.watch.requests if url.endswith("/x")]
    assert page.watch.errors == []


def test_a_file_of_50_mb_is_refused_at_once_and_changes_nothing(server, page, tmp_path):
    page.goto(server.url + PLAN)
    start_plan(page, START)
    key = storage_key(page)
    before = stored(page, key)
    path = tmp_path / "huge.json"
    with path.open("w") as file:
        file.write('{"format": "next-round-progress", "version": 1, "checklists": {"x": [')
        file.write('"y",' * (50 * 1024 * 1024 // 4))
        file.write('"y"]}}')
    page.goto(server.url + PROGRESS)
    import_file(page, path)
    expect(page.locator(".nr-progress__message")).to_have_text(
        "This file is too big to be a progress file (they are at most 256 KB). Nothing was changed."
    )
    assert stored(page, key) == before


def test_a_start_date_after_2999_is_refused_on_the_page(us_page, server):
    us_page.goto(server.url + PLAN)
    us_page.get_by_label("Start date").evaluate(
        "input => (input.max = '', input.value = '9999-12-31')"
    )
    us_page.get_by_role("button", name="Start my plan").click()
    expect(us_page.get_by_role("status").filter(has_text="Pick")).to_have_text(
        "Pick a start date from 1970 to 2999."
    )
    assert "plan" not in (stored(us_page, storage_key(us_page)) or {})
    assert us_page.get_by_label("Start date").get_attribute("max") == ""


# Every kind of line break and other control characters, then lines of their own, added
# to every text of the plan page that reaches the calendar file, as a script could.
HOSTILE_TEXT = "a\r\n\r\n\u0085\u2028\u2029\u000b\u0000BEGIN:VEVENT\rATTACH:x,y;z\\"
ADD_TO_PLAN_TEXTS = """(evil) => {
  document.querySelectorAll(".nr-checklist__title, .nr-checklist__text")
    .forEach((node) => (node.textContent += evil));
  document.querySelectorAll(".nr-checklist[data-remind]")
    .forEach((list) => (list.dataset.remind += evil));
}"""


def test_no_text_reaching_the_calendar_file_can_start_a_line_of_its_own(us_page, server, tmp_path):
    page = us_page
    page.goto(server.url + PLAN)
    start_plan(page, START)
    page.evaluate(ADD_TO_PLAN_TEXTS, HOSTILE_TEXT)
    raw = download_calendar(page, tmp_path)
    assert rfc5545_problems(raw) == []
    unfolded = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert [line for line in unfolded if line.startswith("ATTACH")] == []
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert len(events) == len(STEPS) + sum(1 for *_, remind in STEPS if remind)
    assert all("BEGIN:VEVENT" in str(event["SUMMARY"]) for event in events)
