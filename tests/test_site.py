"""The real site builds strictly and every page is clean in the browser."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest


def test_strict_build_passes_without_warnings(site_build):
    assert site_build.returncode == 0, site_build.output
    warnings = [line for line in site_build.output.splitlines() if "WARNING" in line]
    assert warnings == []


def built_pages(site_dir):
    """Paths of every HTML page in the build, relative to the site root."""
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.name != "404.html"
    )


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
    ],
)
def test_search_finds_the_guide(server, page, query, expected):
    page.goto(server.url, wait_until="networkidle")
    search_box = page.locator("input.md-search__input")
    search_box.click()
    search_box.press_sequentially(query)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert urlsplit(first.get_attribute("href")).path.endswith(expected)
