"""Print what a reader's browser downloads: bytes and requests per page, ours and stock Material's.

Builds the site twice into a temporary folder: as it is, and its stock copy
(the same pages under Material's defaults, `nextround/engine/stock_copy.py`).
nginx serves both under /next-round/ with deploy/nginx.conf (gzip on).
Chromium, with an empty cache, loads the home page, a guide, the templates page
and the progress page of each, and our Spanish edition's guide (`es guide`; the
stock copy has no Spanish edition), and counts every request and the bytes that
came over the wire (gzipped where nginx compressed them), with and without the
search index; and, of those, the bodies of our scripts and stylesheets
(`assets/next-round/`) and of Material's (the rest of `assets/`, with the
search worker: Material's, inside our 1 KB of query handling). Chromium
reports no body size for a worker's own script, so that one is counted as
nginx sends it, gzipped at the recipe's level 6. The budget
is per page: at most 8 requests without the search index, and at most 10 KB
of our JS and CSS. Requests to any other host are counted and never sent:
refused by the browser, or stopped by the recipe's Content-Security-Policy.
Exit status 1 when our site asks another host for anything or misses the budget.

Run with `make bench`, or `PYTHONPATH=. .venv/bin/python tests/bench/page_budget.py`.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from nextround import nginx
from nextround.cli.audit import PAGES
from nextround.cli.editions import edition_configs
from nextround.cli.handouts import CHROMIUM_FLAGS, chromium_path
from nextround.engine.build_command import build_site
from nextround.engine.stock_copy import stock_config

ROOT = Path(__file__).resolve().parents[2]
INDEX = "search/search_index.json"
SPANISH = {"es guide": "es/" + PAGES["guide"]}  # the Spanish edition: ours only
OURS = "/assets/next-round/"
BUDGET_REQUESTS = 8  # without the search index, which the search worker fetches
BUDGET_OURS = 10 * 1024  # bytes of our JS and CSS, gzipped
# Loads from other hosts that the recipe's Content-Security-Policy stops before any request.
WATCH_POLICY = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation", (event) => {
  if (/^https?:/.test(event.blockedURI)) window.__blocked.push(event.blockedURI);
});
"""


@dataclass
class Load:
    """What one page load downloaded."""

    requests: int = 0
    transferred: int = 0
    index: int = 0
    ours: int = 0
    """Bytes of our scripts and stylesheets (bodies, as sent: gzipped)."""
    theme: int = 0
    """Bytes of Material's scripts, stylesheets and worker (bodies, as sent)."""
    other_hosts: list[str] = field(default_factory=list)

    def over_budget(self) -> bool:
        """Whether this page loads more than the budget allows."""
        return self.requests - 1 > BUDGET_REQUESTS or self.ours > BUDGET_OURS


def load(browser, base: str, path: str) -> Load:
    """Load `base + path` with an empty cache; count requests and bytes, refuse other hosts."""
    host = urlsplit(base).netloc
    found = Load()
    context = browser.new_context()

    def refuse(route):
        found.other_hosts.append(route.request.url)
        route.abort()

    context.route(lambda url: urlsplit(url).netloc != host, refuse)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.add_init_script(WATCH_POLICY)
    # The search worker asks for the index after the page is idle for a moment: wait for it.
    with context.expect_event("requestfinished", lambda request: request.url.endswith(INDEX)):
        page.goto(base + path, wait_until="networkidle")
    page.wait_for_load_state("networkidle")
    found.other_hosts += page.evaluate("window.__blocked")
    for request in finished:
        if not request.url.startswith("http"):
            continue
        sizes = request.sizes()
        body = _body_size(request, sizes["responseBodySize"])
        size = body + sizes["responseHeadersSize"]
        found.requests += 1
        found.transferred += size
        if request.url.endswith(INDEX):
            found.index += size
        elif OURS in request.url:
            found.ours += body
        elif "/assets/" in request.url:
            found.theme += body
    context.close()
    return found


def _body_size(request, reported: int) -> int:
    """The bytes of the response's body over the wire; `reported` is Chromium's figure.

    Chromium reports none for a worker's own script (the search worker): that
    body is counted gzipped at level 6, as the recipe sends it.
    """
    response = request.response()
    if reported or response is None:
        return reported
    body = response.body()
    return len(gzip.compress(body, 6)) if response.headers.get("content-encoding") else len(body)


def main() -> int:
    """Build both copies, serve them with nginx, load each page; print the table."""
    executable = chromium_path()
    if executable is None:
        print("Chromium not found: install Debian's package (apt-get install chromium).")
        return 2
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="next-round-budget-") as folder:
        tmp = Path(folder)
        sites = {"Next Round": tmp / "ours", "Stock Material": tmp / "stock"}
        stock = stock_config(ROOT / "mkdocs.yml", tmp)
        builds = [
            ("Next Round", config, sites["Next Round"] / folder)
            for _code, folder, config in edition_configs(ROOT / "mkdocs.yml")
        ]
        for name, config, site in [*builds, ("Stock Material", stock, sites["Stock Material"])]:
            error = build_site(str(config), site, strict=name == "Next Round")
            if error:
                print(f"{name} did not build:\n{error}")
                return 2
        ports = {name: nginx.free_port() for name in sites}
        servers = "".join(nginx.recipe_for(ports[name], sites[name]) for name in sites)
        (tmp / "nginx").mkdir()
        first = ports["Next Round"]
        with nginx.nginx_running(servers, first, tmp / "nginx"), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_FLAGS
            )
            rows = []
            for name in sites:
                base = f"http://127.0.0.1:{ports[name]}{nginx.PREFIX}"
                pages = {**PAGES, **SPANISH} if name == "Next Round" else PAGES
                rows += [(name, page, load(browser, base, path)) for page, path in pages.items()]
            browser.close()
    print_table(rows)
    ours = [found for name, _, found in rows if name == "Next Round"]
    missed = any(found.other_hosts or found.over_budget() for found in ours)
    verdict = "MISSED" if missed else "met"
    print(
        f"Budget per page: at most {BUDGET_REQUESTS} requests without the index and "
        f"{BUDGET_OURS // 1024} KB of our JS and CSS, no other host: {verdict}"
    )
    return 1 if missed else 0


def print_table(rows: list[tuple[str, str, Load]]) -> None:
    """One line per site and page, then the requests our site made to other hosts."""
    print("\nPage budget: served by nginx (deploy/nginx.conf, gzip), loaded by Chromium, no cache")
    header = f"{'Site':<16}{'Page':<11}{'Requests':>9}{'w/o index':>10}{'Other hosts':>12}"
    print(header + f"{'KB':>8}{'KB w/o index':>14}{'Ours KB':>9}{'Material KB':>13}")
    for name, page, found in rows:
        kilobytes = [found.transferred, found.transferred - found.index, found.ours, found.theme]
        widths = (8, 14, 9, 13)
        print(
            f"{name:<16}{page:<11}{found.requests:>9}{found.requests - 1:>10}"
            f"{len(found.other_hosts):>12}"
            + "".join(f"{k / 1024:>{w}.1f}" for k, w in zip(kilobytes, widths, strict=True))
        )
    for name, page, found in rows:
        for url in found.other_hosts:
            print(f"{name} {page}: asked another host for {url} (refused)")


if __name__ == "__main__":
    sys.exit(main())
