"""The offline copy (`make offline`): unzipped and opened from file:// in Chromium.

Search finds a guide (also by a word only its keywords hold) and matches a
short word whole, a tick survives a reload, every page and asset it asks for
is inside the folder, and nothing is requested from anywhere else. The copy
holds the Spanish edition in es/: the switcher leads between the two, Spanish
search works, ticks are shared, and printed addresses are the online ones.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from checklist_pages import boxes, ticked
from conftest import ROOT, missing_tool, watch_page

from nextround.cli.offline import FOLDER, build_offline
from nextround.engine.mkdocs_build import SHIM
from nextround.engine.site_config import read_site_config

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


# ---- every edition in one copy: the Spanish one in es/ --------------------------------


def switch_language(page, code: str) -> None:
    """Open the language switcher of the page and choose the edition `code`."""
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f".md-select__link[hreflang={code}]").click()
    page.wait_for_load_state("networkidle")


def test_the_switcher_leads_to_the_same_page_in_the_other_edition_and_back_from_file(
    unpacked, offline_page
):
    page = offline_page
    guide = unpacked / "guides" / "process-the-news.html"
    page.goto(guide.as_uri(), wait_until="networkidle")
    switch_language(page, "es")
    assert page.url == (unpacked / "es" / "guides" / "process-the-news.html").as_uri()
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text().startswith("Asimila la noticia")
    switch_language(page, "en")
    assert page.url == guide.as_uri()
    assert outside(page, unpacked) == []
    assert page.failed == [] and page.watch.errors == []


def test_spanish_search_finds_a_spanish_guide_from_file(unpacked, offline_page):
    page = offline_page
    page.goto((unpacked / "es" / "index.html").as_uri(), wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("entrevista informativa")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__item a')]"
        ".some(a => a.href.includes('es/guides/keep-networking'))",
        timeout=15000,
    )
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.split("?")[0].endswith("guides/keep-networking.html")
    assert outside(page, unpacked) == []
    assert page.failed == [] and page.watch.errors == []


def test_a_tick_made_in_english_shows_on_the_spanish_page_from_file(unpacked, offline_page):
    page = offline_page
    page.goto((unpacked / "guides" / "process-the-news.html").as_uri())
    boxes(page, FIRST).nth(1).check()
    page.goto((unpacked / "es" / "guides" / "process-the-news.html").as_uri())
    assert ticked(page, FIRST)[1]
    assert page.failed == [] and page.watch.errors == []


def test_the_copy_prints_the_addresses_the_pages_have_online(unpacked):
    # The offline copy links files (guides/x.html); the site online serves folders.
    spanish = (unpacked / "es" / "guides" / "process-the-news.html").read_text(encoding="utf-8")
    site_url = read_site_config(ROOT / "mkdocs.es.yml").site_url
    online = f"{site_url}guides/process-the-news/"
    assert f'nr-online__address">{online}#checklist-news-first-48-hours<' in spanish
    assert f'nr-print-header__address">{online}<' in spanish
    booklet = (unpacked / "es" / "handouts.html").read_text(encoding="utf-8")
    assert f'nr-online__address">{site_url}handouts/<' in booklet
    assert ".html#checklist-" not in booklet
