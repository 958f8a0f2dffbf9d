"""The language switcher and the head's `hreflang` links in real Chromium.

Over HTTP with instant navigation, and behind real nginx under a sub-path: the
switcher lands on the same page in the other edition and back, the Spanish page
is `lang="es"` with Material's Spanish interface, the notice on an untranslated
page links to the English page, and no page makes a failed request or prints a
console error (Material fetches a sitemap.xml beside each `link[rel=alternate]`
it finds; ours must not send it looking for one that does not exist).
"""

from __future__ import annotations

import shutil

import pytest
from conftest import nginx_serving, serve_folder
from edition_pages import in_spanish, record_failures, switch_language
from playwright.sync_api import expect

GUIDE = "guides/ask-for-feedback/"
SITE_URL = "https://nextround.example.org/"
HEAD_LINKS = """() => [...document.head.querySelectorAll("link[hreflang]")]
  .filter(link => link.relList.contains("alternate"))
  .map(link => [link.hreflang, link.href])"""


@pytest.fixture(scope="module")
def instant(site_dir, tmp_path_factory):
    """Both editions over HTTP, each sitemap naming the server's own address.

    Material navigates instantly only to the addresses of its edition's sitemap.
    """
    folder = tmp_path_factory.mktemp("editions") / "site"
    shutil.copytree(site_dir, folder)
    httpd, served = serve_folder(folder)
    for sitemap in (folder / "sitemap.xml", folder / "es" / "sitemap.xml"):
        sitemap.write_text(sitemap.read_text().replace(SITE_URL, served.url), encoding="utf-8")
    yield served
    httpd.shutdown()


def test_hreflang_links_cost_no_request_and_instant_navigation_keeps_them(page, instant):
    failed = record_failures(page)
    page.goto(instant.url, wait_until="networkidle")
    page.evaluate("window.__samePage = true")
    page.locator(f"article a[href$='{GUIDE}']").first.click()
    page.wait_for_url(instant.url + GUIDE)
    expect(page.locator("#checklist-feedback-request")).to_be_visible()
    assert page.evaluate("window.__samePage"), "Material navigated without a page load"
    assert page.evaluate(HEAD_LINKS) == [
        ["en", SITE_URL + GUIDE],
        ["es", SITE_URL + "es/" + GUIDE],
        ["x-default", SITE_URL + GUIDE],
    ], "instant navigation brings the guide's own links"

    switch_language(page, "es")
    page.wait_for_url(instant.url + "es/" + GUIDE)
    in_spanish(page)
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav__link[href$='templates/']:visible").first.click()
    page.wait_for_url(instant.url + "es/templates/")
    expect(page.locator("h1")).to_contain_text("Plantillas de mensajes")
    assert page.evaluate("window.__samePage"), "instant navigation in the Spanish edition"

    switch_language(page, "en")
    page.wait_for_url(instant.url + "templates/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state("networkidle")
    sitemaps = {url for url in page.watch.requests if url.endswith("sitemap.xml")}
    assert sitemaps <= {instant.url + "sitemap.xml", instant.url + "es/sitemap.xml"}
    assert failed == [] and page.watch.errors == []


@pytest.fixture(scope="module")
def sub_path(site_dir, tmp_path_factory):
    """Both editions behind real nginx under /sub/."""
    with nginx_serving({"/sub/": site_dir}, tmp_path_factory.mktemp("nginx")) as served:
        yield served.url + "sub/"


def test_the_switcher_lands_on_the_same_guide_and_back_under_a_sub_path(page, sub_path):
    failed = record_failures(page)
    page.goto(sub_path + GUIDE, wait_until="networkidle")
    switch_language(page, "es")
    page.wait_for_url(sub_path + "es/" + GUIDE)
    in_spanish(page)
    expect(page.locator("h1")).to_contain_text("Pide comentarios")
    switch_language(page, "en")
    page.wait_for_url(sub_path + GUIDE)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state("networkidle")
    assert failed == [] and page.watch.errors == []


def test_the_untranslated_notice_links_to_the_english_page_under_a_sub_path(page, sub_path):
    failed = record_failures(page)
    page.goto(sub_path + "es/about/contribute/", wait_until="networkidle")
    in_spanish(page)
    notice = page.locator("p.nr-untranslated")
    expect(notice).to_have_attribute("lang", "es")
    expect(notice).to_contain_text("aún no está traducida")
    expect(page.locator("article div[lang='en'] h1")).to_contain_text("Contributing to Next Round")
    notice.locator("a").click()
    page.wait_for_url(sub_path + "about/contribute/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state("networkidle")
    assert failed == [] and page.watch.errors == []
