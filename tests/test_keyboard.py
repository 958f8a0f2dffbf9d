"""With the keyboard alone, in Chromium: every control reached in order, focus always shown.

On the home page, a guide and the progress page, and the Spanish guide,
templates and progress page (tests/edition_pages.py), Tab walks through every
visible control in document order (no positive tabindex), and each one shows
a focus indicator: an outline or a box shadow it did not have unfocused, on
itself, its label or its form. The first Tab reaches a skip link that moves
focus into the content. Links open with Enter, checkboxes tick with Space,
buttons and the menu's section toggles work with Enter, the color toggle with
Enter; search opens from the keyboard, a result opens with the arrow keys
and Enter, and Escape closes search.
"""

from __future__ import annotations

import pytest
from edition_pages import SPANISH_PAGES
from playwright.sync_api import TimeoutError as PlaywrightTimeout

GUIDE = "guides/process-the-news/"
# Not the plan: Tab's last stop in its date field is the calendar button inside Chromium's
# own control, whose focus ring this walk cannot read (no page is walked on the plan).
SPANISH = {name: path for name, path in SPANISH_PAGES.items() if name != "es plan"}
PAGES = {"home": "", "guide": GUIDE, "progress": "progress/", **SPANISH}
# Every element a keyboard user may need. Not tab stops by design: `tabindex="-1"`, disabled,
# hidden (Material's "Back to top" until the reader scrolls back up), and each radio of a
# group but the checked one (or the first, when none is checked).
MARK_CONTROLS = """
() => {
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    + "[tabindex]";
  const groupStop = (el) => {
    const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
    return el === (group.find((radio) => radio.checked) || group[0]);
  };
  const stop = (el) => el.tabIndex >= 0 && !el.disabled && !el.closest("[inert], [hidden]")
    && el.checkVisibility({visibilityProperty: true})
    && (el.type !== "radio" || groupStop(el));
  const look = (el) => {
    const s = getComputedStyle(el);
    return `${s.outlineStyle} ${s.outlineWidth}|${s.boxShadow}`;
  };
  window.__unfocused = new Map();
  const controls = [...document.querySelectorAll(selector)].filter(stop);
  controls.forEach((el, index) => {
    el.dataset.kb = index;
    for (const shown of window.__indicators(el)) window.__unfocused.set(shown, look(shown));
  });
  return controls.map((el) => el.dataset.kb);
}
"""
# Where a control shows its focus: itself, its labels (a hidden radio's is the next label),
# or the form around it (the search box).
INDICATORS = """
window.__indicators = (el) => [el, ...(el.labels || []),
  ...(el.nextElementSibling?.tagName === "LABEL" ? [el.nextElementSibling] : []),
  ...(el.form ? [el.form] : [])];
"""
# The focused control's mark and whether its focus shows; transitions are finished first.
FOCUSED = """
() => {
  const el = document.activeElement;
  document.getAnimations().forEach((animation) => animation.finish());
  const shows = window.__indicators(el).some((shown) => {
    const s = getComputedStyle(shown);
    const box = shown.getBoundingClientRect();
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const look = `${s.outlineStyle} ${s.outlineWidth}|${s.boxShadow}`;
    const changed = look !== window.__unfocused.get(shown);
    const seen = box.width * box.height > 0 && s.visibility === "visible" && s.opacity !== "0";
    return seen && changed && (outline || s.boxShadow !== "none");
  });
  const name = (el.getAttribute("aria-label") || el.textContent || el.className).trim();
  const tag = el.tagName.toLowerCase();
  return {mark: el.dataset.kb ?? null, shows, page: el === document.body,
          name: `<${tag}> ${name.slice(0, 40)}`};
}
"""
MAX_STOPS = 400


def open_page(page, server, path: str) -> list[str]:
    """Open `path`, mark its controls; the marks of every control a keyboard must reach."""
    page.add_init_script(INDICATORS)
    page.goto(server.url + path, wait_until="networkidle")
    return page.evaluate(MARK_CONTROLS)


def shows_soon(page) -> bool:
    """Whether focus shows within a second: Material opens search just after its box is focused."""
    try:
        page.wait_for_function(f"({FOCUSED})().shows", timeout=1000)
    except PlaywrightTimeout:
        return False
    return True


def tab_to(page, condition: str) -> None:
    """Press Tab until `condition` (JS, about document.activeElement) holds."""
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {condition}; }}"):
            return
    pytest.fail(f"Tab never reached an element where {condition}")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_tab_reaches_every_control_in_order_with_focus_shown(page, server, name):
    controls = open_page(page, server, PAGES[name])
    reached: list[str] = []
    hidden_focus: list[str] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["page"]:
            if reached:  # past the last control, focus leaves the page
                break
            continue
        if reached and focused["mark"] == reached[0]:
            break
        reached.append(focused["mark"] or focused["name"])
        if not focused["shows"] and not shows_soon(page):
            hidden_focus.append(focused["name"])
    assert hidden_focus == [], "focus is not visible on these"
    missed = page.evaluate(
        "marks => marks.map(m => document.querySelector(`[data-kb='${m}']`)).map(el => "
        "`<${el.tagName.toLowerCase()}> ${(el.textContent || el.id).trim().slice(0, 40)}`)",
        [mark for mark in controls if mark not in reached],
    )
    assert missed == [], "Tab never reaches these:\n" + "\n".join(missed)
    marks = [int(mark) for mark in reached if mark.isdigit()]
    assert marks == sorted(marks), "Tab order differs from the reading order"


def test_skip_link_is_the_first_stop_and_moves_focus_into_the_content(page, server):
    open_page(page, server, GUIDE)
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    assert skip["name"].endswith("Skip to content")
    assert skip["shows"] or shows_soon(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


def test_enter_opens_a_link_and_space_ticks_a_checklist(page, server):
    open_page(page, server, "")
    tab_to(page, "el.matches('.md-content a[href]:not(.headerlink):not(.md-content__button)')")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    # Let the result's page finish loading (its search worker starting) before the test
    # ends: closing the browser profile in the middle of that hung it.
    page.wait_for_load_state("networkidle")
    tab_to(page, "el.matches('.nr-checklist__box')")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    tab_to(page, "el.matches('.nr-checklist__reset')")
    page.on("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    page.wait_for_function("!document.querySelector('.nr-checklist__box:checked')")


def test_color_toggle_and_menu_sections_work_with_enter(page, server):
    open_page(page, server, GUIDE)
    scheme = "document.body.dataset.mdColorMedia"
    before = page.evaluate(scheme)
    tab_to(page, "el.matches('input.md-option')")
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) != before
    tab_to(page, "el.matches('label.md-nav__link')")
    toggle = "document.getElementById(document.activeElement.htmlFor).checked"
    opened = page.evaluate(toggle)
    page.keyboard.press("Enter")
    assert page.evaluate(toggle) != opened


def test_progress_buttons_work_with_the_keyboard(page, server):
    open_page(page, server, PAGES["progress"])
    tab_to(page, "el.matches('.nr-progress__button') && /Export/.test(el.textContent)")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".json")


def test_search_by_keyboard_opens_a_result_and_escape_closes_it(page, server):
    open_page(page, server, "")
    tab_to(page, "el.matches('input.md-search__input')")
    # Material opens search on the box's focus event, a moment after the focus.
    page.wait_for_function("document.getElementById('__search').checked", timeout=5000)
    page.keyboard.type("feedback")
    page.wait_for_selector(".md-search-result__item a")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
    assert page.evaluate(FOCUSED)["shows"] or shows_soon(page)
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked"), "Escape closes"
    assert page.locator(".md-search__output").is_hidden()
    tab_to(page, "el.matches('input.md-search__input')")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    # Let the result's page finish loading (its search worker starting) before the test
    # ends: closing the browser profile in the middle of that hung it.
    page.wait_for_load_state("networkidle")
