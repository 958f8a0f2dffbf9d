"""Per-page bundles in real Chromium: a page runs only its own code; instant navigation brings more.

Each next page's code comes with it, and what ran before is not run twice.

Material navigates instantly only to addresses in the sitemap, and it keeps the
sitemap's port: under a test server's port, the sitemap is served with that port.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import serve_folder
from playwright.sync_api import expect

GUIDE = "guides/ask-for-feedback/"
SITE_URL = "https://nextround.example.org/"


@pytest.fixture(scope="module")
def instant(site_dir, tmp_path_factory):
    """The site over HTTP with a sitemap naming the server's own address."""
    folder = tmp_path_factory.mktemp("instant") / "site"
    shutil.copytree(site_dir, folder)
    httpd, served = serve_folder(folder)
    sitemap = folder / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace(SITE_URL, served.url), encoding="utf-8")
    yield served
    httpd.shutdown()


def test_the_home_page_runs_no_checklist_or_template_code(page, server):
    page.goto(server.url, wait_until="networkidle")
    defined = page.evaluate("Object.keys(window.nextRound).sort()")
    assert "store" not in defined and "view" not in defined
    ours = [url for url in page.watch.requests if "/assets/next-round/" in url]
    assert len(ours) == 2, ours
    assert page.watch.errors == []


def test_instant_navigation_brings_each_pages_code(page, instant):
    page.goto(instant.url, wait_until="networkidle")
    page.evaluate("window.__samePage = true")
    page.locator(f"article a[href$='{GUIDE}']").first.click()
    status = page.locator("#checklist-feedback-request .nr-checklist__status")
    expect(status).to_have_text("0 of 6 done")
    assert page.evaluate("window.__samePage"), "Material navigated without a page load"
    page.locator("#checklist-feedback-request input.nr-checklist__box").first.check()
    expect(status).to_have_text("1 of 6 done")

    page.locator(".md-nav__link[href$='templates/']:visible").first.click()
    expect(page.locator(".nr-details__input").first).to_be_visible()
    page.go_back()
    expect(status).to_have_text("1 of 6 done")
    assert page.locator("#checklist-feedback-request .nr-checklist__tools").count() == 1
    assert page.evaluate("window.__samePage")
    assert page.watch.errors == []
