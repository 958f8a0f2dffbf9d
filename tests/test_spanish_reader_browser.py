"""The Spanish edition's "done when": a reader on a phone, on the real site with both editions.

They open a guide in English, tick two items, switch to Spanish with the
header's switcher, land on the same guide with the same two ticked, search a
question in Spanish and get that guide first, then print its checklist in
Spanish. No console error and no request to another host on the way.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import watch_page
from playwright.sync_api import expect
from print_pdfs import page_texts
from search_questions import READ_RESULTS, WATCH_WORKER

pytestmark = pytest.mark.browser

GUIDE = "guides/process-the-news/"
CHECKLIST = "news-first-48-hours"
SPANISH_TITLE = "Tus primeras 48 horas"
# The Spanish of the English reader question "i feel terrible after not getting the job".
QUESTION = "me siento fatal después de no conseguir el trabajo"
PHONE = {"viewport": {"width": 412, "height": 823}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser):
    """A phone's browser tab, with a fresh profile, that records its requests and errors."""
    context = browser.new_context(**PHONE, device_scale_factor=2, locale="en-US")
    page = context.new_page()
    page.watch = watch_page(page)
    page.add_init_script(WATCH_WORKER)  # window.__nrSearch: what the search worker answered
    yield page
    context.close()


def ticked(page) -> list[str]:
    boxes = page.locator(f"#checklist-{CHECKLIST} .nr-checklist__item")
    return boxes.evaluate_all(
        "items => items.filter(li => li.querySelector(':scope > label input').checked)"
        ".map(li => li.dataset.item)"
    )


def test_a_phone_reader_keeps_ticks_across_languages_searches_and_prints_in_spanish(phone, server):
    page = phone
    page.goto(server.url + GUIDE)
    boxes = page.locator(f"#checklist-{CHECKLIST} .nr-checklist__box")
    boxes.nth(0).tap()
    boxes.nth(2).tap()
    status = page.locator(f"#checklist-{CHECKLIST} .nr-checklist__status")
    expect(status).to_have_text("2 of 7 done")
    english_ticks = ticked(page)
    assert len(english_ticks) == 2

    page.get_by_role("button", name="Select language").tap()
    page.get_by_role("link", name="Español").tap()
    page.wait_for_url(server.url + "es/" + GUIDE)
    assert page.evaluate("document.documentElement.lang") == "es"
    expect(status).to_have_text("2 de 7 hechas")
    assert ticked(page) == english_ticks

    page.locator("label.md-header__button[for='__search']").tap()
    page.locator("input.md-search__input").press_sequentially(QUESTION)
    page.wait_for_function(
        "text => __nrSearch.query === text && __nrSearch.asked === __nrSearch.answered",
        arg=QUESTION,
    )
    [first_page, *_sections] = page.evaluate(READ_RESULTS)[0]
    assert first_page.split("?")[0] == server.url + "es/" + GUIDE
    # Material's worker, Spanish stemming and stop words came inside our search worker,
    # not as more requests.
    assert [url for url in page.watch.requests if "/lunr/" in url] == []
    workers = {url.rsplit("/", 1)[-1] for url in page.watch.requests if "/workers/" in url}
    assert workers == {"next-round-search.js"}
    page.keyboard.press("Escape")

    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name=f'Imprimir "{SPANISH_TITLE}"').tap()
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    shown = page.locator(".nr-checklist").filter(visible=True)
    expect(shown).to_have_count(1)
    expect(shown.locator(".nr-checklist__title")).to_have_text(SPANISH_TITLE)
    [printed] = page_texts(page.pdf(format="A4"))
    assert SPANISH_TITLE in printed
    assert printed.count("✓") == 2

    assert page.watch.errors == []
    hosts = {urlsplit(url).netloc for url in page.watch.requests if url.startswith("http")}
    assert hosts == {server.host}
