"""The offline copy (`make offline`): unzipped and opened from file:// in Chromium.

Search finds a guide (also by a word only its keywords hold) and matches a
short word whole, a tick survives a reload, every page and asset it asks for
is inside the folder, and nothing is requested from anywhere else.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from checklist_pages import boxes, ticked
from conftest import ROOT, missing_tool, watch_page

from nextround.cli.offline import FOLDER, build_offline
from nextround.engine.mkdocs_build import SHIM

FIRST = "#checklist-news-first-48-hours"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The offline zip of the real site, unpacked; the path of its folder."""
    if not SHIM.is_file():
        missing_tool(f"{SHIM.relative_to(ROOT)} not found. Run `make offline` (npm ci in tools/).")
    tmp = tmp_path_factory.mktemp("offline")
    assert build_offline(ROOT / "mkdocs.yml", tmp / "copy.zip") == 0
    with zipfile.ZipFile(tmp / "copy.zip") as archive:
        names = archive.namelist()
        archive.extractall(tmp / "unzipped")
    assert all(name.startswith(FOLDER + "/") for name in names), "one folder inside the zip"
    return tmp / "unzipped" / FOLDER


@pytest.fixture
def offline_page(context):
    """A page that also records requests that failed (a file missing from the copy)."""
    page = context.new_page()
    page.watch = watch_page(page)
    page.failed = []
    page.on("requestfailed", lambda request: page.failed.append(request.url))
    return page


def outside(page, folder: Path) -> list[str]:
    """Requests that left the copy's folder."""
    inside = folder.as_uri() + "/"
    return [
        url
        for url in page.watch.requests
        if not url.startswith((inside, "data:", "blob:", "about:"))
    ]


def test_search_finds_a_guide_from_file(unpacked, offline_page):
    page = offline_page
    page.goto((unpacked / "index.html").as_uri(), wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("informational interview questions")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__item a')]"
        ".some(a => a.href.includes('keep-networking'))",
        timeout=15000,
    )
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.startswith((unpacked / "guides").as_uri())
    assert outside(page, unpacked) == []
    assert page.failed == [] and page.watch.errors == []


def test_search_keywords_work_from_file(unpacked, offline_page):
    page = offline_page
    page.goto((unpacked / "index.html").as_uri(), wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("feedbak")  # A typo the synonym list maps to the guide.
    first = page.locator(".md-search-result__item").first.locator("a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href").split("?")[0].endswith("guides/ask-for-feedback.html")


def test_a_short_word_matches_only_itself_from_file(unpacked, offline_page):
    # Here the search worker runs in a hidden frame (iframe-worker): ours must still apply.
    page = offline_page
    page.goto((unpacked / "index.html").as_uri(), wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("ic")  # It starts "ics", a keyword of the plan.
    page.wait_for_function(
        "() => /matching document/.test("
        "document.querySelector('.md-search-result__meta').textContent)",
        timeout=15000,
    )
    assert page.locator(".md-search-result__meta").inner_text() == "No matching documents"
    assert page.watch.errors == []


def test_a_tick_survives_a_reload_from_file(unpacked, offline_page):
    page = offline_page
    page.goto((unpacked / "guides" / "process-the-news.html").as_uri())
    boxes(page, FIRST).nth(0).check()
    page.reload()
    assert ticked(page, FIRST)[0]
    page.goto((unpacked / "progress.html").as_uri(), wait_until="networkidle")
    assert "1 of" in page.locator(".nr-registry__count").first.inner_text()
    assert outside(page, unpacked) == []
    assert page.failed == [] and page.watch.errors == []


def test_every_page_stays_inside_the_folder(unpacked, offline_page):
    page = offline_page
    pages = sorted(unpacked.rglob("*.html"))
    assert len(pages) >= 12
    for path in pages:
        page.goto(path.as_uri(), wait_until="networkidle")
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        local = [url.split("#")[0].split("?")[0] for url in links if url.startswith("file:")]
        missing = [url for url in local if not Path(url.removeprefix("file://")).is_file()]
        assert missing == [], f"{path.name} links to files not in the copy"
    assert outside(page, unpacked) == []
    assert page.failed == [] and page.watch.errors == []
    assert not any("unpkg" in url for url in page.watch.requests)
