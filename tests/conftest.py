"""Shared fixtures: one strict build of the real site per run, an HTTP server, and Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from run_once import run_once

from nextround import nginx
from nextround.cli.editions import edition_configs
from nextround.cli.handouts import CHROMIUM_FLAGS
from nextround.engine.build_command import run_build
from nextround.nginx import free_port

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    """The outcome of one `mkdocs build --strict` of the real site."""

    site_dir: Path
    returncode: int
    output: str


@dataclass(frozen=True)
class Server:
    """A static HTTP server on 127.0.0.1 serving one folder."""

    url: str
    host: str


def build_site(config_file: Path, site_dir: Path) -> Build:
    """Strict MkDocs builds of every edition of `config_file`, laid out as `make build` does.

    The source edition goes into `site_dir`, each translation into `site_dir/<code>/`.
    """
    output = ""
    for _code, folder, edition_config in edition_configs(config_file):
        result = run_build(edition_config, site_dir / folder, quiet=False)
        output += result.stdout + result.stderr
        if result.returncode != 0:
            return Build(site_dir, result.returncode, output)
    return Build(site_dir, 0, output)


def build_once(tmp_path_factory, worker_id: str, name: str, config_file: Path) -> Build:
    """A strict build of `config_file`, made once per test run and read by every worker."""

    def make(folder: Path) -> dict:
        build = build_site(config_file, folder)
        return {"returncode": build.returncode, "output": build.output}

    folder, record = run_once(tmp_path_factory, worker_id, name, make)
    return Build(folder, record["returncode"], record["output"])


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, worker_id) -> Build:
    """The real site, built once per test run (every pytest-xdist worker reads the same one)."""
    return build_once(tmp_path_factory, worker_id, "site", ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    """The folder of a successful build; tests that need pages stop here if it failed."""
    if site_build.returncode != 0:
        pytest.fail(f"the site did not build:\n{site_build.output}")
    return site_build.site_dir


EXAMPLE_CENTER = ROOT / "examples" / "riverside" / "mkdocs.yml"


@pytest.fixture(scope="session")
def center_dir(tmp_path_factory, worker_id) -> Path:
    """The example career center's site (examples/riverside), built once per test run."""
    build = build_once(tmp_path_factory, worker_id, "center", EXAMPLE_CENTER)
    if build.returncode != 0:
        pytest.fail(f"the example center did not build:\n{build.output}")
    return build.site_dir


def built_pages(site_dir):
    """Paths of every HTML page of the source edition, relative to the site root.

    The translated editions' folders (`es/`) are left out: their pages are another site.
    """
    translations = {code for code, folder, _c in edition_configs(ROOT / "mkdocs.yml")[1:]}
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if path.name != "404.html" and path.relative_to(site_dir).parts[0] not in translations
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """Keep the test output clean."""


def serve_folder(folder: Path) -> tuple[http.server.ThreadingHTTPServer, Server]:
    """Start a threaded static server for `folder` on a free port of 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{httpd.server_address[1]}"
    return httpd, Server(url=f"http://{host}/", host=host)


@pytest.fixture(scope="session")
def server(site_dir) -> Iterator[Server]:
    """The built site over HTTP."""
    httpd, served = serve_folder(site_dir)
    yield served
    httpd.shutdown()


NGINX_SERVER = """\
    server {{
        listen 127.0.0.1:{port};
{locations}
    }}
"""


def pytest_terminal_summary(terminalreporter):
    """Print what tests recorded as `record_property("summary", text)`, after the run.

    A pytest-xdist worker's own output never reaches the terminal; its reports do.
    """
    stats = terminalreporter.stats
    for report in stats.get("passed", []) + stats.get("failed", []):
        for name, text in report.user_properties:
            if name == "summary":
                terminalreporter.write_line(text)


def missing_tool(message: str):
    """Skip locally, fail in CI, when a system tool the test needs is absent."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def nginx_serving(mounts: dict[str, Path], tmp: Path) -> Iterator[Server]:
    """A real nginx on 127.0.0.1 serving each folder of `mounts` under its URL prefix."""
    port = free_port()
    locations = "\n".join(
        f"        location {prefix} {{ alias {folder}/; }}" for prefix, folder in mounts.items()
    )
    with nginx_running(NGINX_SERVER.format(port=port, locations=locations), port, tmp) as served:
        yield served


@contextlib.contextmanager
def nginx_running(servers: str, port: int, tmp: Path) -> Iterator[Server]:
    """A real nginx with the `server` blocks `servers`, one of them listening on `port`."""
    try:
        with nginx.nginx_running(servers, port, tmp) as url:
            yield Server(url=url, host=f"127.0.0.1:{port}")
    except nginx.NginxMissingError as error:
        missing_tool(str(error))
    except nginx.NginxFailedError as error:
        pytest.fail(str(error))


def chromium_path() -> str | None:
    """Debian's Chromium, or the one named by NEXT_ROUND_CHROMIUM."""
    candidate = os.environ.get("NEXT_ROUND_CHROMIUM") or shutil.which("chromium")
    return candidate if candidate and Path(candidate).exists() else None


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; skips locally without it, fails in CI."""
    executable = chromium_path()
    if executable is None:
        missing_tool(
            "Chromium not found. Install Debian's package (apt-get install chromium) "
            "or set NEXT_ROUND_CHROMIUM to its path."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What a page did: requests it made and errors it printed."""

    requests: list[str]
    errors: list[str]


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty storage) for one test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    # Leave each page first: closing a profile while a page starts its search worker
    # has hung Chromium on a loaded machine.
    from playwright.sync_api import Error as PlaywrightError

    for page in context.pages:
        with contextlib.suppress(PlaywrightError):  # one that cannot leave closes with it
            page.goto("about:blank", timeout=10_000)
    context.close()


@pytest.fixture
def page(context):
    """A page that records its requests and console errors in `page.watch`."""
    page = context.new_page()
    page.watch = watch_page(page)
    return page


def watch_page(page) -> PageWatch:
    """Record every request URL and every console error or uncaught exception of `page`."""
    watch = PageWatch(requests=[], errors=[])
    page.on("request", lambda request: watch.requests.append(request.url))
    page.on(
        "console",
        lambda message: watch.errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return watch
