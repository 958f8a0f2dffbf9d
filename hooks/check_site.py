"""Run every content check and print one report: `make check`.

Usage: `python hooks/check_site.py [-f mkdocs.yml]`

Builds the site through the MkDocs API into a temporary folder (nothing in
`site/` changes), so every hook of `mkdocs.yml` runs: links, page metadata,
checklists. Then prints, one line each: every problem (`docs/x.md:12: ...`),
MkDocs' own warnings, and the guides due for review. Exit status: 0 when
clean (guides due for review do not fail), 1 on any problem or warning, 2 when
the setup is broken (a `PluginError` or a bad config).

Run as a script, `hooks/` is on `sys.path`, so `import report` here is the
same module the hooks import, and their shared report is read directly.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from dataclasses import dataclass, field

import report
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError


@dataclass
class CheckResult:
    """Everything one checked build found."""

    problems: list[report.Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    config: object = None


def main(argv: list[str] | None = None) -> int:
    """Check the site and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    args = parser.parse_args(argv)
    result = run_checks(args.config_file)
    print(format_report(result))
    if result.errors:
        return 2
    return 1 if result.problems or result.warnings else 0


def run_checks(config_file: str) -> CheckResult:
    """Build `config_file` into a temporary folder and collect what the checks found."""
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    result = CheckResult()
    try:
        with tempfile.TemporaryDirectory(prefix="next-round-check-") as site_dir:
            try:
                config = load_config(config_file, site_dir=site_dir)
                result.config = config
                build(config)
            except ConfigurationError as error:
                result.errors.append(f"Configuration error: {error}")
            except Abort as error:
                if "BuildError" in str(error):
                    result.errors += capture.errors
    finally:
        logger.removeHandler(capture)
    current = report.current()
    result.problems = list(current.problems)
    result.notes = list(current.notes)
    ours = {str(problem) for problem in result.problems}
    result.warnings = [
        message
        for message in capture.warnings
        if message not in ours and _unprefixed(message) not in ours
    ]
    return result


def format_report(result: CheckResult) -> str:
    """The printed report: problems, MkDocs warnings, guides due for review, a summary."""
    lines = [str(problem) for problem in result.problems]
    if result.warnings:
        lines += ["", "MkDocs warnings:", *(f"  {warning}" for warning in result.warnings)]
    if result.errors:
        lines += ["", "Setup errors:", *(f"  {error}" for error in result.errors)]
    if result.notes:
        lines += ["", "Due for review (last reviewed more than 12 months ago):", *result.notes]
    lines += ["", _summary(result)]
    return "\n".join(lines).lstrip("\n")


def _summary(result: CheckResult) -> str:
    parts = [
        _count(len(result.problems), "problem"),
        _count(len(result.warnings), "MkDocs warning"),
        _count(len(result.notes), "guide") + " due for review",
    ]
    if result.errors:
        parts.insert(0, _count(len(result.errors), "setup error"))
    verdict = (
        "Check failed" if result.problems or result.warnings or result.errors else "Check passed"
    )
    return f"{verdict}: {', '.join(parts)}."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _unprefixed(message: str) -> str:
    """A plugin logger's message without its `hooks/links: ` prefix."""
    head, separator, rest = message.partition(": ")
    return rest if separator and "/" in head and " " not in head else message


class _Capture(logging.Handler):
    """Keeps MkDocs' warnings and errors instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(message)


if __name__ == "__main__":
    sys.exit(main())
