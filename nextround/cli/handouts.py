"""Write the printable handouts as PDF files with headless Chromium: `make handouts`.

Usage: `python -m nextround.cli.handouts [-f mkdocs.yml] [--site-dir DIR] [--out handouts]`

Builds every edition (`nextround/cli/editions.py`: the source into the
folder's root, each other language into `<code>/`) into a temporary folder (or
takes `--site-dir`, a site already built so), serves it on 127.0.0.1 and
prints, with Debian's Chromium through Playwright and no network, for each
edition: the booklet (the page that holds the handouts marker), and each
checklist alone, as its Print button prints it; each on A4 and on US Letter.
Writes `<name>-a4.pdf` and `<name>-letter.pdf` into `--out` (a translation's
into `--out/<code>/`, in its language, their addresses and QR codes on its own
pages) and prints one line per file with its page count. Exit status: 0 when
every file is written, 2 when the site does not build, an edition is missing
from `--site-dir` or Chromium is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import io
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from nextround.cli.editions import edition_configs
from nextround.engine.build_command import build_site
from nextround.engine.site_config import ConfigError
from nextround.text import plural

# Headless Chromium without anything that would reach the network.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAPERS = {"a4": "A4", "letter": "Letter"}
# The markers a built page holds: the booklet's, and the progress list's (whose links
# lead to every checklist).
BOOKLET_CLASS = 'class="nr-handouts"'
REGISTRY_CLASS = 'class="nr-registry"'


def main(argv: list[str] | None = None) -> int:
    """Build (unless given a site), then write every edition's handout PDFs; the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, help="print this built site; do not build")
    parser.add_argument("--out", type=Path, default=Path("handouts"), help="default: handouts/")
    args = parser.parse_args(argv)
    try:
        configs = edition_configs(Path(args.config_file))
    except ConfigError as problem:
        print(f"Configuration error: {problem}")
        return 2
    executable = chromium_path()
    if executable is None:
        print("Chromium not found: install Debian's package (apt-get install chromium).")
        return 2
    folders = [folder for _code, folder, _config in configs]
    with tempfile.TemporaryDirectory(prefix="next-round-handouts-") as tmp:
        site = args.site_dir
        if site is None:
            site = Path(tmp)
            for _code, folder, config in configs:
                if (error := build_site(config, site / folder)) is not None:
                    print(f"The site did not build:\n{error}")
                    return 2
        missing = [folder for folder in folders if not (site / folder).is_dir()]
        if missing:
            print(
                f"{site / missing[0]}: not built, but {args.config_file} lists that edition. "
                "Build every edition into the folder first (make build), or leave out --site-dir."
            )
            return 2
        for path, pages in write_handouts(site, args.out, executable, folders):
            print(f"{path}: {plural(pages, 'page')}")
    return 0


def write_handouts(
    site: Path, out: Path, executable: str, folders: list[str]
) -> Iterator[tuple[Path, int]]:
    """Print every edition's handouts into `out`; yield each file and its page count.

    `folders` are the editions' folders in `site`, '.' the source's; a translation's
    handouts go into `out/<folder>/`.
    """
    from playwright.sync_api import sync_playwright

    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        page = offline(browser.new_context(), base).new_page()
        for folder in folders:
            others = tuple(other for other in folders if other != ".") if folder == "." else ()
            yield from print_edition(page, base, site, folder, out / folder, others)
        browser.close()


def print_edition(
    page, base: str, site: Path, folder: str, out: Path, others: tuple[str, ...] = ()
) -> Iterator[tuple[Path, int]]:
    """Print the booklet and checklists of the edition in `site/folder` into `out`.

    `base` is the address `site` is served at; `others` are the folders of other
    editions inside this one's, whose pages are left out.
    """
    root = site / folder
    prefix = "" if folder == "." else folder + "/"
    out.mkdir(parents=True, exist_ok=True)
    booklet = find_page(root, BOOKLET_CLASS, others)
    if booklet is not None:
        page.goto(base + prefix + booklet)
        for name, paper in PAPERS.items():
            yield _write(out / f"booklet-{name}.pdf", page.pdf(format=paper))
    registry = find_page(root, REGISTRY_CLASS, others)
    for checklist_id, url in checklist_pages(page, base + prefix + registry) if registry else []:
        page.goto(url)
        for name, paper in PAPERS.items():
            pdf = print_checklist(page, checklist_id, paper)
            yield _write(out / f"{checklist_id}-{name}.pdf", pdf)


def print_checklist(page, checklist_id: str, paper: str) -> bytes:
    """The PDF of one checklist of the open page, as its Print button prints it."""
    page.evaluate("() => { window.print = () => {}; }")  # the button's call; the PDF is made here
    page.click(f"#checklist-{checklist_id} .nr-checklist__print")
    pdf = page.pdf(format=paper)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    return pdf


def checklist_pages(page, registry_url: str) -> list[tuple[str, str]]:
    """(checklist id, page address) of every checklist, from the progress list."""
    page.goto(registry_url)
    return page.eval_on_selector_all(
        ".nr-registry__entry > a",
        "links => links.map((a) => [a.parentElement.dataset.checklist, a.href.split('#')[0]])",
    )


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def find_page(site: Path, marker: str, leave_out: tuple[str, ...] = ()) -> str | None:
    """The URL path (from `site`) of the first built page whose HTML holds `marker`.

    Pages under the top folders `leave_out` (other editions') are not looked at.
    """
    for path in sorted(site.rglob("index.html")):
        if path.relative_to(site).parts[0] in leave_out:
            continue
        if marker in path.read_text(encoding="utf-8"):
            folder = path.parent.relative_to(site).as_posix()
            return "" if folder == "." else folder + "/"
    return None


def offline(context, base: str):
    """`context` with every request to anything but the local server refused."""
    context.route(lambda url: not url.startswith(base), lambda route: route.abort())
    return context


def chromium_path() -> str | None:
    """Debian's Chromium, or the one named by NEXT_ROUND_CHROMIUM."""
    candidate = os.environ.get("NEXT_ROUND_CHROMIUM") or shutil.which("chromium")
    return candidate if candidate and Path(candidate).exists() else None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        """Keep the output to one line per file."""


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that leaves a page drops its open requests: not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1; yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def _write(path: Path, pdf: bytes) -> tuple[Path, int]:
    path.write_bytes(pdf)
    return path, page_count(pdf)


if __name__ == "__main__":
    sys.exit(main())
