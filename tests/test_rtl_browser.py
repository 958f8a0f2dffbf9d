"""A right-to-left edition works: the Arabic stub of tests/fixtures/rtl/, in Chromium.

The stub is a test fixture, not a published language: a tiny English site
(one page, one checklist, our theme, palette and hooks) and its one-page
Arabic edition (`mkdocs.ar.yml` INHERITs it; Material's interface in Arabic),
built as the real editions are, with the hooks of a throwaway copy of the
repository that holds the fixture's Arabic catalog as includes/messages/ar.yml.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import tiny_site
from conftest import serve_folder, watch_page
from playwright.sync_api import expect
from print_pdfs import page_texts
from repo_copy import copy_repo
from test_accessibility import violations

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "rtl"
CHECKLIST = "#checklist-news-support"
PHONE = {"width": 412, "height": 823}
DESKTOP = {"width": 1280, "height": 900}
EDITIONS = (
    "exclude_docs: |\n  /ar/\n"
    "extra:\n  languages:\n    - code: en\n      name: English\n"
    "    - code: ar\n      name: العربية\n"
)


def real_theme(overrides: Path) -> str:
    """The real mkdocs.yml's `theme:` settings but its name, our templates from `overrides`."""
    lines, inside = [], False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^[A-Za-z_]+:", line):
            inside = line.startswith("theme:")
        elif inside and line.strip() != "name: material":
            lines.append(re.sub(r"^(\s*custom_dir:).*", rf"\1 {overrides}", line))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def stub_site(tmp_path_factory) -> Path:
    """The built stub: the English page in site/, the Arabic one in site/ar/."""
    root = tmp_path_factory.mktemp("rtl")
    repo = copy_repo(root / "repo")
    shutil.copy(FIXTURE / "ar.yml", repo / "includes" / "messages" / "ar.yml")
    folder = root / "site"
    shutil.copytree(FIXTURE / "docs", folder / "docs")
    shutil.copy(FIXTURE / "mkdocs.ar.yml", folder)
    tiny_site.write_site(folder, {}, real_theme(repo / "overrides") + EDITIONS, repo=repo)
    for config_name, site in (("mkdocs.yml", "site"), ("mkdocs.ar.yml", "site/ar")):
        result = tiny_site.build(folder, config_file=config_name, site=site, repo=repo)
        assert result.returncode == 0, result.output
    return folder / "site"


@pytest.fixture(scope="module")
def stub(stub_site):
    """The stub over HTTP: its root URL."""
    httpd, served = serve_folder(stub_site)
    yield served
    httpd.shutdown()


@pytest.fixture
def open_page(browser):
    """A function opening a URL in a fresh profile; every page it opened is closed after."""
    contexts = []

    def open_(url: str, viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.watch = watch_page(page)
        page.goto(url)
        return page

    yield open_
    for context in contexts:
        context.close()


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found, f"{locator} is not shown"
    return found


def right(found: dict) -> float:
    return found["x"] + found["width"]


def parts(item) -> dict[str, dict]:
    """Where a checklist item's box, text, hint and note button are drawn."""
    names = {"box": "nr-checklist__box", "text": "nr-checklist__text"}
    names |= {"hint": "nr-checklist__hint", "note": "nr-note__toggle"}
    return {name: item.locator(f".{css}").bounding_box() for name, css in names.items()}


def test_the_arabic_page_is_arabic_and_right_to_left(stub_site):
    html = (stub_site / "ar" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="ar" dir="rtl"', html)
    english = (stub_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="en" dir="ltr"', english)


def test_the_sidebars_trade_sides(open_page, stub):
    sides = {}
    for edition in ("", "ar/"):
        page = open_page(stub.url + edition)
        nav = box(page.locator(".md-sidebar--primary"))
        toc = box(page.locator(".md-sidebar--secondary"))
        content = box(page.locator(".md-content"))
        sides[edition] = (nav["x"] < content["x"], right(content) <= toc["x"])
    assert sides == {"": (True, True), "ar/": (False, False)}


def test_the_phone_drawer_opens_from_the_right(open_page, stub):
    page = open_page(stub.url + "ar/", viewport=PHONE, has_touch=True, is_mobile=True)
    page.locator("label.md-header__button[for='__drawer']").tap()
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).to_be_in_viewport()
    page.wait_for_timeout(400)  # Material slides it in over 250 ms
    assert right(box(drawer)) == pytest.approx(PHONE["width"], abs=1)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_checklist_item_reads_from_the_right(open_page, stub, viewport):
    page = open_page(stub.url + "ar/", viewport=viewport)
    item = page.locator(f"{CHECKLIST} .nr-checklist__item").nth(3)
    drawn = parts(item)
    checkbox, text, hint, note = drawn["box"], drawn["text"], drawn["hint"], drawn["note"]
    assert right(checkbox) == pytest.approx(right(box(item)), abs=1)  # the box first, at the right
    assert right(text) < checkbox["x"]
    assert right(hint) <= checkbox["x"]  # the hint sits under the text, not under the box
    assert right(note) <= text["x"]  # the note button at the end, the left, clear of the text


def test_the_arabic_checklist_ticks_and_counts(open_page, stub):
    page = open_page(stub.url + "ar/", viewport=PHONE, has_touch=True, is_mobile=True)
    boxes = page.locator(f"{CHECKLIST} .nr-checklist__box")
    status = page.locator(f"{CHECKLIST} .nr-checklist__status")
    expect(status).to_have_text("تم 0 من 5")
    boxes.nth(0).tap()
    boxes.nth(2).tap()
    expect(status).to_have_text("تم 2 من 5")
    page.reload()
    expect(status).to_have_text("تم 2 من 5")
    assert [boxes.nth(n).is_checked() for n in range(5)] == [True, False, True, False, False]
    assert page.watch.errors == []


def test_the_arabic_checklist_prints_alone_and_still_reads_from_the_right(open_page, stub):
    page = open_page(stub.url + "ar/")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="طباعة «اطلب الدعم»").click()
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    checklist = page.locator(CHECKLIST)
    shown = page.locator("article > *:not(.nr-print-header)").filter(visible=True)
    expect(shown).to_have_count(1)
    expect(shown.first).to_have_id("checklist-news-support")
    chrome = page.locator(".md-header, .md-sidebar, .md-footer")
    expect(chrome.filter(visible=True)).to_have_count(0)
    expect(checklist.locator(".nr-checklist__title")).to_contain_text("اطلب الدعم")
    item = checklist.locator(".nr-checklist__item").nth(3)
    drawn = parts(item)
    checkbox, text, hint = drawn["box"], drawn["text"], drawn["hint"]
    assert drawn["note"] is None  # not printed
    assert right(text) < checkbox["x"]
    assert right(hint) <= checkbox["x"]
    assert len(page_texts(page.pdf(format="A4"))) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_arabic_page_passes_axe(open_page, stub, scheme):
    page = open_page(stub.url + "ar/", viewport=PHONE, color_scheme=scheme)
    page.wait_for_load_state("networkidle")
    for checkbox in page.locator(".nr-checklist__box").all()[:2]:
        checkbox.check()
    assert violations(page) == []
