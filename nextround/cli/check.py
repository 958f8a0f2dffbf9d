"""Run every content check on a built site and print one report: `make check`.

Usage: `python -m nextround.cli.check [-f mkdocs.yml] [--engine mkdocs|properdocs]
[--site-dir DIR]`

Without `--site-dir`, builds the site with the engine into a temporary folder
(nothing in `site/` changes), with the in-build checks off, then checks the
written pages against their Markdown sources: links, anchors, assets, the
allowed HTML, checklists and front matter. With `--site-dir`, checks a site
that any engine already wrote. Prints one line per problem
(`docs/x.md:12: ...`), the engine's own warnings, and the guides due for
review. For a translated edition (`mkdocs.es.yml`) it also lists the pages
behind their English page and the English pages not translated yet
(`nextround/check/translations.py`); a missing or wrong `source:` is a problem.
Exit status: 0 when clean (guides due for review and translation notes do not
fail), 1 on any problem or warning, 2 when the site cannot be built or the
config read.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from nextround.check.translations import build_status
from nextround.editions import source_docs_dir, translation_folders
from nextround.engine import built_site
from nextround.engine.build_command import run_build
from nextround.engine.site_config import ConfigError, SiteConfig, read_site_config
from nextround.findings import REVIEW_MONTHS, Finding, Report
from nextround.messages import CatalogError, load
from nextround.site import ExternalUrl, check_site, external_urls
from nextround.text import plural

ENGINES = ("mkdocs", "properdocs")
# How an engine prints a warning or an error: `WARNING -  text`.
_LEVELS = {"WARNING": "warnings", "ERROR": "errors"}
# MkDocs' own link warning: "Doc file 'x.md' contains a link 'y', but ..." (groups: file, link).
_LINK_WARNING = re.compile(r"^Doc file '(.+?)' contains a link '(.+?)', but ")


@dataclass
class CheckResult:
    """Everything one check run found."""

    report: Report = field(default_factory=Report)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    external: list[ExternalUrl] = field(default_factory=list)
    translation_notes: list[Finding] | None = None
    """For a translated edition: its pages behind or not translated yet (never a failure)."""


def main(argv: list[str] | None = None) -> int:
    """Check the site and print the report; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="default: mkdocs.yml")
    parser.add_argument("--engine", choices=ENGINES, default="mkdocs", help="default: mkdocs")
    parser.add_argument("--site-dir", type=Path, help="check this built site; do not build")
    args = parser.parse_args(argv)
    result = run_checks(args.config_file, args.engine, args.site_dir)
    print(format_report(result))
    if result.errors:
        return 2
    return 1 if result.report.findings or result.warnings else 0


def run_checks(
    config_file: str, engine: str = "mkdocs", site_dir: Path | None = None, external=False
) -> CheckResult:
    """Build (unless `site_dir` is given) and check; with `external`, also list external links."""
    result = CheckResult()
    try:
        config = read_site_config(config_file)
    except ConfigError as problem:
        result.errors.append(f"Configuration error: {problem}")
        return result
    with tempfile.TemporaryDirectory(prefix="next-round-check-") as folder:
        if site_dir is None:
            site_dir = Path(folder)
            if not _build(config, engine, site_dir, result):
                return result
        source = config.editions[0].code == config.language
        pages = built_site.read_pages(
            config.docs_dir,
            site_dir,
            config.docs_prefix,
            config.directory_urls,
            _source(config),
            skipped=translation_folders(config.editions) if source else (),
        )
        site = built_site.site_map(
            config.docs_dir, site_dir, pages, config.site_url, config.directory_urls
        )
        try:
            catalog = load(config.language)
        except CatalogError as problem:
            result.errors.append(f"Interface text: {problem}")
            return result
        result.report = check_site(pages, site, date.today(), config.snippets, catalog=catalog)
        translations = build_status(config.docs_dir, config.language, config.editions)
        if translations is not None:
            result.report.add(translations.problems)
            result.translation_notes = translations.notes()
        result.warnings = _not_repeated(result.warnings, result.report, config.docs_prefix)
        if external:
            result.external = external_urls(pages, site, config.snippets)
    return result


def _source(config: SiteConfig) -> tuple[Path, str] | None:
    """A translated edition's source docs folder, and how problems name it ('docs/')."""
    folder = source_docs_dir(config.docs_dir, config.language, config.editions)
    if folder is None:
        return None
    base = config.config_file.parent
    named = folder.relative_to(base).as_posix() + "/" if folder.is_relative_to(base) else ""
    return folder, "" if named == "./" else named


def format_report(result: CheckResult) -> str:
    """The printed report: problems, engine warnings, guides due for review, a summary."""
    report = result.report
    lines = report.lines()
    if result.warnings:
        lines += ["", "MkDocs warnings:", *(f"  {warning}" for warning in result.warnings)]
    if result.errors:
        lines += ["", "Setup errors:", *(f"  {error}" for error in result.errors)]
    if report.review_due:
        lines += [
            "",
            f"Due for review (last reviewed more than {plural(REVIEW_MONTHS, 'month')} ago):",
            *map(str, sorted(report.review_due)),
        ]
    if result.translation_notes:
        lines += [
            "",
            "Translation notes (listed, not failing; `make translation-status` shows every page):",
            *map(str, result.translation_notes),
        ]
    lines += ["", _summary(result)]
    return "\n".join(lines).lstrip("\n")


def _build(config: SiteConfig, engine: str, site_dir: Path, result: CheckResult) -> bool:
    """Build with `engine` into `site_dir`, in-build checks off; keep its warnings and errors."""
    completed = run_build(
        config.config_file,
        site_dir,
        engine=engine,
        strict=False,
        quiet=False,
        env={"NEXT_ROUND_BUILD_CHECKS": "off", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1"},
    )
    for line in (completed.stdout + completed.stderr).splitlines():
        level, separator, message = line.partition(" -  ")
        if separator and level.strip() in _LEVELS:
            getattr(result, _LEVELS[level.strip()]).append(message.strip())
    if completed.returncode != 0:
        if not result.errors:
            result.errors.append(
                f"{engine} build failed: {completed.stderr.strip()[-500:] or 'no message'}"
            )
        return False
    return True


def _not_repeated(warnings: list[str], report: Report, docs_prefix: str) -> list[str]:
    """The engine's warnings, less those about a link that a finding already names."""
    reported = {(f.path, f.message.split("': ", 1)[0].split(" '", 1)[-1]) for f in report.findings}
    kept = []
    for warning in warnings:
        match = _LINK_WARNING.match(warning)
        if match and (docs_prefix + match.group(1), match.group(2)) in reported:
            continue
        kept.append(warning)
    return kept


def _summary(result: CheckResult) -> str:
    report = result.report
    parts = [
        plural(len(report.findings), "problem"),
        plural(len(result.warnings), "MkDocs warning"),
        plural(len(report.review_due), "guide") + " due for review",
    ]
    if result.translation_notes is not None:
        parts.append(plural(len(result.translation_notes), "translation note"))
    if result.errors:
        parts.insert(0, plural(len(result.errors), "setup error"))
    failed = report.findings or result.warnings or result.errors
    return f"{'Check failed' if failed else 'Check passed'}: {', '.join(parts)}."


if __name__ == "__main__":
    sys.exit(main())
