"""The real site builds strictly and every page is clean in the browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from conftest import built_pages


def test_strict_build_passes_without_warnings(site_build):
    assert site_build.returncode == 0, site_build.output
    warnings = [line for line in site_build.output.splitlines() if "WARNING" in line]
    assert warnings == []


def test_every_page_is_clean_in_chromium(site_dir, server, page):
    problems = []
    for relative in built_pages(site_dir):
        url = server.url + relative.removesuffix("index.html")
        page.watch.requests.clear()
        page.watch.errors.clear()
        page.goto(url, wait_until="networkidle")
        foreign = [u for u in page.watch.requests if urlsplit(u).netloc != server.host]
        problems += [f"{relative}: request to {u}" for u in foreign]
        problems += [f"{relative}: console error {e}" for e in page.watch.errors]
    assert problems == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("first 48 hours trusted friend", "guides/process-the-news/"),
        ("vague feedback stronger candidate", "guides/ask-for-feedback/"),
        ("gap table requirement evidence", "guides/evaluate-and-reflect/"),
        ("achievements log small wins", "guides/keep-a-positive-mindset/"),
        ("informational interview questions", "guides/keep-networking/"),
    ],
)
def test_search_finds_the_guide(server, page, query, expected):
    page.goto(server.url, wait_until="networkidle")
    search_box = page.locator("input.md-search__input")
    search_box.click()
    search_box.press_sequentially(query)
    # Results arrive while typing; wait for those of the whole query, whose
    # section links carry its last word as a highlight parameter.
    page.wait_for_function(
        "word => [...document.querySelectorAll('.md-search-result__item a')]"
        ".some(a => a.href.includes(word))",
        arg=query.split()[-1],
    )
    links = page.locator(".md-search-result__item a")
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    pages = list(dict.fromkeys(urlsplit(href).path for href in hrefs))
    assert any(path.endswith(expected) for path in pages[:3]), pages
