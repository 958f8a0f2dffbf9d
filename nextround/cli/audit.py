"""Lighthouse on four pages, ours beside stock Material's, served by nginx: `make audit`.

Usage: `python -m nextround.cli.audit [-f mkdocs.yml] [--out audit] [--runs 3]`

Builds the site and its stock copy (the same pages under Material's defaults,
`nextround/engine/stock_copy.py`) into a temporary folder and serves both under
/next-round/ with deploy/nginx.conf as it is (gzip on), changing only the port
and the folder. Then runs the pinned Lighthouse (tools/node_modules, from
tools/package-lock.json) with Node and Debian's Chromium, with Lighthouse's
default mobile settings, on the home page, a guide, the templates page and the
progress page of each. Each page is audited `--runs` times, ours and stock in
turn, run by run, and the run with the median performance score is kept:
`<page>.report.json` and `<page>.report.html` (and `stock-<page>...`) in
`--out`. Prints one line per page: performance, accessibility, best practices,
SEO and the KB transferred of both, and the difference in performance.

Nothing reaches the internet: Chromium resolves no host but 127.0.0.1,
Lighthouse sends no error reports, and a request of ours to any other host is
listed and fails the audit (stock Material asks Google Fonts; that request is
refused and counted in its column). Exit status: 0 when every page was audited, 1 when a page
asked another host for anything, 2 when a tool is missing or the site does not
build.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from nextround import nginx
from nextround.cli.handouts import CHROMIUM_FLAGS, chromium_path
from nextround.engine.build_command import build_site
from nextround.engine.stock_copy import stock_config

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "tools" / "node_modules" / "lighthouse" / "cli" / "index.js"
# The pages audited, by name: each stands for a kind of page the site has.
PAGES = {
    "home": "",
    "guide": "guides/process-the-news/",
    "templates": "templates/",
    "progress": "progress/",
}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# Chromium may look up no name but the local server's address (quoted for Lighthouse,
# which splits --chrome-flags at spaces).
NO_OTHER_HOST = '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'


@dataclass(frozen=True)
class Result:
    """One page's kept Lighthouse run."""

    name: str
    scores: dict[str, int]
    transferred: int
    other_hosts: list[str]
    benchmark: int


def main(argv: list[str] | None = None) -> int:
    """Build both copies, serve them with nginx, audit every page; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    parser.add_argument("--out", type=Path, default=Path("audit"), help="default: audit/")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default: 3)")
    args = parser.parse_args(argv)
    problem = missing_tools()
    if problem:
        print(problem)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="next-round-audit-") as folder:
        tmp = Path(folder)
        sites = {"": tmp / "ours", "stock-": tmp / "stock"}
        configs = {"": args.config_file, "stock-": stock_config(Path(args.config_file), tmp)}
        for prefix, site in sites.items():
            error = build_site(configs[prefix], site, strict=not prefix)
            if error:
                print(f"The {'stock copy' if prefix else 'site'} did not build:\n{error}")
                return 2
        ports = {prefix: nginx.free_port() for prefix in sites}
        servers = "".join(nginx.recipe_for(ports[prefix], sites[prefix]) for prefix in sites)
        (tmp / "nginx").mkdir()
        results: dict[str, list[Result]] = {prefix: [] for prefix in sites}
        with nginx.nginx_running(servers, ports[""], tmp / "nginx"):
            for name, path in PAGES.items():
                urls = {
                    prefix + name: f"http://127.0.0.1:{ports[prefix]}{nginx.PREFIX}{path}"
                    for prefix in sites
                }
                kept = audit_in_turn(urls, args.out, args.runs)
                for prefix, result in zip(sites, kept, strict=True):
                    results[prefix].append(result)
    print("\n".join(table(results[""], results["stock-"])))
    print(f"Reports: {args.out}/<page>.report.html and stock-<page>.report.html (and .json)")
    outside = [url for result in results[""] for url in result.other_hosts]
    for url in outside:
        print(f"Request to another host: {url}")
    return 1 if outside else 0


def table(ours: list[Result], stock: list[Result]) -> list[str]:
    """One line per page: our scores and KB, stock Material's, and the difference in performance."""
    columns = f"{'Perf':>6}{'A11y':>6}{'BP':>6}{'SEO':>6}{'KB':>6}{'Hosts':>6}"
    lines = [
        f"{'':<11}{'Next Round':^36}  {'Stock Material':^36}",
        f"{'Page':<11}{columns}  {columns}  Perf +/-",
    ]
    for mine, theirs in zip(ours, stock, strict=True):
        row = [_cells(mine), _cells(theirs)]
        difference = mine.scores["performance"] - theirs.scores["performance"]
        lines.append(f"{mine.name:<11}{row[0]}  {row[1]}  {difference:+d}")
    # Lighthouse's measure of this computer's speed: performance scores depend on it.
    speeds = sorted(result.benchmark for result in ours + stock)
    lines.append(f"Lighthouse benchmark index of this computer: {speeds[0]} to {speeds[-1]}")
    return lines


def _cells(result: Result) -> str:
    scores = "".join(f"{result.scores[c]:>6}" for c in CATEGORIES)
    return f"{scores}{result.transferred / 1024:>6.0f}{len(result.other_hosts):>6}"


def missing_tools() -> str | None:
    """What is missing to run Lighthouse, as a sentence; None when all is there."""
    if shutil.which("node") is None:
        return "Node.js not found: install Debian's package (apt-get install npm)."
    if not LIGHTHOUSE.exists():
        return "Lighthouse not found: run `make audit` (npm ci in tools/)."
    if chromium_path() is None:
        return "Chromium not found: install Debian's package (apt-get install chromium)."
    return None


def audit_in_turn(urls: dict[str, str], out: Path, runs: int) -> list[Result]:
    """Audit each of `urls` (name -> address) `runs` times, taking turns; keep each one's median.

    Taking turns, a slow moment of the computer meets ours and stock Material's
    alike. The run with the median performance score is kept in `out`. A run
    Lighthouse could not finish (on a busy computer its trace can fail) is tried
    again, up to `runs` more times in all.
    """
    reports: dict[str, list] = {name: [] for name in urls}
    for attempt in range(2 * runs):
        for name, url in urls.items():
            if len(reports[name]) == runs:
                continue
            stem = out / f"{name}-run{attempt + 1}"
            report = lighthouse(url, stem)
            if report is None:
                print(f"{name}: run {attempt + 1} did not finish; running it again")
            else:
                reports[name].append((report, stem))
    return [_keep_median(name, url, reports[name], out) for name, url in urls.items()]


def _keep_median(name: str, url: str, reports: list, out: Path) -> Result:
    """Keep the report with the median performance score as `out`/`name`.report.*."""
    if not reports:
        raise SystemExit(f"Lighthouse could not audit {url}; see the messages above.")
    reports.sort(key=lambda item: item[0]["categories"]["performance"]["score"] or 0)
    report, stem = reports[len(reports) // 2]
    for suffix in (".report.json", ".report.html"):
        Path(f"{stem}{suffix}").replace(out / f"{name}{suffix}")
    for path in out.glob(f"{name}-run*.report.*"):
        path.unlink()
    return summary(name, report, urlsplit(url).netloc)


def lighthouse(url: str, stem: Path) -> dict | None:
    """Run Lighthouse once on `url`, writing `stem`.report.json and .html; None if it failed."""
    command = [shutil.which("node"), str(LIGHTHOUSE), url, "--quiet"]
    command += ["--no-enable-error-reporting", "--output=json", "--output=html"]
    command += [f"--output-path={stem}"]
    flags = ["--headless=new", *CHROMIUM_FLAGS, NO_OTHER_HOST]
    command += [f"--chrome-flags={flag}" for flag in flags]
    env = {**os.environ, "CHROME_PATH": chromium_path() or ""}
    result = subprocess.run(command, env=env, check=False, timeout=300)
    report = Path(f"{stem}.report.json")
    if result.returncode != 0 or not report.exists():
        return None
    parsed = json.loads(report.read_text(encoding="utf-8"))
    return None if parsed.get("runtimeError") else parsed


def summary(name: str, report: dict, host: str) -> Result:
    """The scores (0 to 100), bytes transferred and requests to other hosts of one report."""
    categories = report["categories"]
    scores = {c: round((categories[c]["score"] or 0) * 100) for c in CATEGORIES}
    items = report["audits"]["network-requests"]["details"]["items"]
    other = [
        item["url"]
        for item in items
        if urlsplit(item["url"]).scheme in ("http", "https")
        and urlsplit(item["url"]).netloc != host
    ]
    transferred = sum(item.get("transferSize") or 0 for item in items)
    return Result(name, scores, transferred, other, round(report["environment"]["benchmarkIndex"]))


if __name__ == "__main__":
    sys.exit(main())
