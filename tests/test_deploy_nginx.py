"""deploy/nginx.conf as it is, on 127.0.0.1 under /next-round/, serving the example center.

Only the port and the folder are changed. Chromium crawls from the home page:
every page loads with no Content-Security-Policy violation and no console
error; every link, asset, the search index, the sitemap and the 404 page are
found (a missing Spanish page gets the Spanish one); text assets arrive
gzipped, Material's fingerprinted assets (each edition's) are cached for a
year and everything else is revalidated; search, checklists, import and
export and the color toggle work under the policy.
"""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import pytest
from checklist_pages import boxes, export_file, import_file, ticked
from conftest import Server, free_port, nginx_running, watch_page
from edition_pages import in_spanish

from nextround.nginx import PREFIX, recipe_for
from nextround.render.inline_scripts import content_security_policy

# Scripts and styles from the site only, plus Material's inline scripts by their hashes.
POLICY = content_security_policy()
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
# Material's assets carry an 8-hex-digit content hash: main.57a0d79d.min.css.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")
# Records every policy violation the page reports, before any script of the page runs.
WATCH_POLICY = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) =>
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`));
"""
# The recipe's gzip_min_length: smaller files are not worth compressing.
GZIP_MIN_LENGTH = 256
GUIDE = "guides/process-the-news/"
FIRST = "#checklist-news-first-48-hours"


@pytest.fixture(scope="module")
def served(center_dir, tmp_path_factory) -> Iterator[Server]:
    """The example center's site behind deploy/nginx.conf."""
    port = free_port()
    with nginx_running(recipe_for(port, center_dir), port, tmp_path_factory.mktemp("nginx")) as s:
        yield s


def fetch(url: str, gzip_ok: bool = True):
    """Status, headers and (decompressed) body of `url`, without following redirects."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, headers, body


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        """Let the test see the redirect itself."""
        return None


def open_page(context, url: str):
    """A page that records console errors and policy violations, opened at `url`."""
    page = context.new_page()
    page.watch = watch_page(page)
    page.add_init_script(WATCH_POLICY)
    page.goto(url, wait_until="networkidle")
    return page


def trouble(page) -> list[str]:
    """What went wrong on `page`: console errors and policy violations."""
    return page.watch.errors + page.evaluate("window.__violations")


def references(page) -> set[str]:
    """Every URL the page links to or loads, without fragments."""
    urls = page.eval_on_selector_all(
        "a[href], link[href], script[src], img[src]",
        "nodes => nodes.map(n => n.href || n.src)",
    )
    return {url.split("#")[0] for url in urls if url}


def test_crawl_from_the_home_page_finds_everything_with_no_violation(served, browser):
    home = urljoin(served.url, PREFIX)
    context = browser.new_context()
    seen_pages: set[str] = set()
    assets: set[str] = set()
    queue = [home]
    problems: list[str] = []
    while queue:
        url = queue.pop()
        if url in seen_pages:
            continue
        seen_pages.add(url)
        page = open_page(context, url)
        problems += [f"{url}: {issue}" for issue in trouble(page)]
        for ref in references(page):
            parts = urlsplit(ref)
            if parts.netloc != served.host:
                continue
            if not parts.path.startswith(PREFIX):
                problems.append(f"{url}: links outside {PREFIX}: {ref}")
            elif parts.path.endswith("/") or parts.path.endswith(".html"):
                queue.append(ref.split("?")[0])
            else:
                assets.add(ref)
        page.close()
    context.close()
    for url in sorted(assets | {urljoin(home, "search/search_index.json")}):
        status, _, _ = fetch(url)
        if status != 200:
            problems.append(f"{url}: HTTP {status}")
    assert problems == []
    assert len(seen_pages) >= 12, sorted(seen_pages)
    assert urljoin(home, "visit-us/") in seen_pages, "the center's own page is linked"
    assert urljoin(home, "es/" + GUIDE) in seen_pages, "the Spanish pages are crawled too"


def test_sitemap_lists_pages_that_exist(served):
    status, headers, body = fetch(urljoin(served.url, PREFIX + "sitemap.xml"))
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    locations = re.findall(r"<loc>([^<]+)</loc>", body.decode())
    assert len(locations) >= 12
    missing = []
    for location in locations:
        path = urlsplit(location).path
        if fetch(urljoin(served.url, path))[0] != 200:
            missing.append(path)
    assert missing == []
    assert fetch(urljoin(served.url, PREFIX + "sitemap.xml.gz"))[0] == 200


def test_missing_page_gets_the_styled_404_page(served, browser):
    url = urljoin(served.url, PREFIX + "no-such-guide/")
    status, headers, body = fetch(url)
    assert status == 404
    assert headers["Content-Security-Policy"] == POLICY
    assert b"Riverside Careers Service" in body
    assert_a_styled_404(browser, url)


def test_a_missing_spanish_page_gets_the_spanish_404_page(served, browser):
    url = urljoin(served.url, PREFIX + "es/no-such-guide/")
    status, headers, body = fetch(url)
    assert status == 404
    assert headers["Content-Security-Policy"] == POLICY
    assert "<h1>404 - Página no encontrada</h1>" in body.decode()
    assert_a_styled_404(browser, url, also=in_spanish)


def assert_a_styled_404(browser, url: str, also=lambda page: None) -> None:
    """The 404 page at `url` loads its styles, breaks no policy and requests nothing missing."""
    context = browser.new_context()
    failed: list[str] = []
    context.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page = open_page(context, url)
    also(page)
    sheet = page.evaluate("getComputedStyle(document.querySelector('.md-header')).position")
    problems = page.evaluate("window.__violations")
    context.close()
    assert failed == [url], "only the missing page itself is a 404"
    assert problems == []
    assert sheet == "sticky", "the 404 page's stylesheet loaded"


def test_sub_path_without_slash_redirects_relatively(served):
    status, headers, _ = fetch(served.url + PREFIX.strip("/"))
    assert status == 301 and headers["Location"] == PREFIX


@pytest.mark.parametrize("path", ["", GUIDE, "search/search_index.json"])
def test_security_headers_on_pages_and_assets(served, path):
    _, headers, _ = fetch(urljoin(served.url, PREFIX + path))
    found = {name: headers[name] for name in SECURITY_HEADERS}
    assert found == SECURITY_HEADERS
    assert headers["Content-Security-Policy"] == POLICY
    assert "'unsafe-inline'" not in POLICY


def test_text_assets_are_gzipped_and_cached_by_fingerprint(served, center_dir):
    checked = []
    for path in sorted([*center_dir.glob("assets/**/*.*"), *center_dir.glob("es/assets/**/*.*")]):
        relative = path.relative_to(center_dir).as_posix()
        if path.suffix not in {".css", ".js"} or path.stat().st_size < GZIP_MIN_LENGTH:
            continue
        _, headers, _ = fetch(urljoin(served.url, PREFIX + relative))
        fingerprinted = bool(FINGERPRINTED.search(relative))
        expected = "max-age=31536000" if fingerprinted else "no-cache"
        checked.append((relative, headers["Content-Encoding"], headers["Cache-Control"]))
        assert (headers["Content-Encoding"], headers["Cache-Control"]) == ("gzip", expected), (
            relative
        )
    assert any(FINGERPRINTED.search(name) for name, _, _ in checked)
    ours = [name for name, _, _ in checked if name.startswith("assets/next-round/")]
    assert ours, "our bundles are among the files cached for a year"
    assert any(name.startswith("es/assets/next-round/") for name, _, _ in checked), "Spanish too"
    _, headers, _ = fetch(urljoin(served.url, PREFIX))
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Encoding"] == "gzip"


def test_search_checklists_export_import_and_palette_work_under_the_policy(
    served, browser, tmp_path
):
    home = urljoin(served.url, PREFIX)
    context = browser.new_context()
    page = open_page(context, home)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("informational interview questions")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-search-result__item a')]"
        ".some(a => a.href.includes('keep-networking'))"
    )
    page.keyboard.press("Escape")
    page.goto(home + GUIDE, wait_until="networkidle")
    boxes(page, FIRST).nth(0).check()
    page.reload()
    assert ticked(page, FIRST)[0]
    page.locator("label[for^='__palette']:visible").first.click()
    page.goto(home + "progress/", wait_until="networkidle")
    exported = export_file(page, tmp_path)
    page.goto(home + GUIDE, wait_until="networkidle")
    boxes(page, FIRST).nth(0).uncheck()
    page.goto(home + "progress/", wait_until="networkidle")
    import_file(page, exported)
    page.goto(home + GUIDE, wait_until="networkidle")
    assert ticked(page, FIRST)[0]
    problems = trouble(page)
    context.close()
    assert problems == []
