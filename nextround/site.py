"""A whole site to check: its pages (source and rendered content) and what it serves.

The flow is the same whatever built the site:

1. an engine adapter (`engine/mkdocs_build.py` during a build, or
   `engine/built_site.py` over a folder any engine wrote) makes one
   `SourcePage` per Markdown page, with what its rendered content holds
   (`parse.html.PageHtml`), and a `SiteMap` of every URL the site serves;
2. `check_site` runs every check on every page: front matter (search
   keywords too, each on one page only), checklists, links, the allowed HTML,
   and the placeholders of the message templates it includes; and checks the
   interface text's catalogs against the code that uses them;
3. each problem becomes a `Finding` at its Markdown line, in one `Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from nextround.check.checklist_parity import check_parity
from nextround.check.checklists import ChecklistIds, check_checklist, check_rendered
from nextround.check.front_matter import check_metadata
from nextround.check.links import SiteMap, check_page, page_urls
from nextround.check.messages import check_messages
from nextround.check.placeholders import TemplateCheck
from nextround.check.raw_html import check_markup
from nextround.check.search_meta import KeywordOwners
from nextround.check.snippets import SnippetCheck
from nextround.findings import Finding, Report
from nextround.messages import Catalog
from nextround.parse.checklists import Checklist, SyntaxProblem, carry_ids, parse
from nextround.parse.html import PageHtml, read_page
from nextround.parse.snippets import Snippets
from nextround.parse.source_lines import SourceLines
from nextround.parse.translation_source import SourceText

__all__ = ["ExternalUrl", "SiteMap", "SourcePage", "check_site", "external_urls", "page_urls"]


@dataclass
class SourcePage:
    """One Markdown page: its source, where it is served, and what its content holds."""

    src_uri: str
    """The page's path inside the docs folder, with forward slashes: 'guides/x.md'."""
    path: str
    """The path problems are reported with, from the project folder: 'docs/guides/x.md'."""
    url: str
    """Its URL path from the site root: '' for the home page, 'guides/x/'."""
    markdown: str
    """The whole source file, front matter included, so lines are file lines."""
    html: PageHtml = field(default_factory=PageHtml)
    content: str = ""
    """The rendered content, parsed again in order only when the page has problems."""
    region: str = ""
    """The class of the element that holds the content in `content` ('' for all of it)."""
    meta: dict | None = None
    """The front matter as the engine read it, if it did: saves parsing it again."""
    source: SourceText | None = None
    """In a translated edition, the source page this page names in `source:`."""

    @cached_property
    def checklists(self) -> tuple[list[Checklist], list[SyntaxProblem]]:
        """The page's checklists and problems of form, read once (`parse.checklists`).

        A translated page's items take their ids from its source page (`carry_ids`).
        """
        checklists, problems = parse(self.markdown)
        if self.source is not None and self.source.markdown is not None:
            checklists = carry_ids(checklists, parse(self.source.markdown)[0])
        return checklists, problems


@dataclass(frozen=True)
class ExternalUrl:
    """A link to another site and the source line it was written on."""

    path: str
    line: int
    url: str


def check_site(
    pages: Iterable[SourcePage],
    site: SiteMap,
    today: date,
    snippets: Snippets | None = None,
    *,
    catalog: Catalog,
) -> Report:
    """Run every check on every page of `site`, in the given page order.

    With `snippets`, each page's includes and the message templates are
    checked too, and links are found in the snippets' lines. A problem in a
    shared file (a snippet, the abbreviations) is reported once. Templates use
    the placeholder names of `catalog`, the build's language.
    """
    report = Report()
    report.add(check_messages())
    ids = ChecklistIds()
    keywords = KeywordOwners()
    templates = TemplateCheck(catalog)
    includes = SnippetCheck(snippets) if snippets is not None else None
    shared: set[Finding] = set()
    for page in pages:
        checked = check_metadata(page.path, page.src_uri, page.markdown, today, page.meta)
        report.add(checked.problems)
        report.add(keywords.claim(page.path, checked.keywords))
        if checked.review_due is not None:
            report.review_due.append(checked.review_due)
        report.add(_checklist_findings(page, ids, catalog.language))
        found = _link_findings(page, site, snippets)
        if includes is not None:
            found += includes.check(page.path, page.markdown)
            found += templates.check(page.path, page.markdown, snippets, snippets.path)
        for finding in found:
            if finding.path == page.path or finding not in shared:
                report.findings.append(finding)
                shared.add(finding)
    return report


def external_urls(
    pages: Iterable[SourcePage], site: SiteMap, snippets: Snippets | None = None
) -> list[ExternalUrl]:
    """Every link to another site, with its source line, in page order."""
    found = []
    for page in pages:
        if not check_page(page.src_uri, page.url, page.html, site).external:
            continue
        source = _source_lines(page, snippets)
        detailed = read_page(page.content, detail=True, region=page.region)
        for item in check_page(page.src_uri, page.url, detailed, site).external:
            path, line = source.locate(item.clues(), item.link.heading)
            found.append(ExternalUrl(path, line, item.link.url))
    return found


def _checklist_findings(page: SourcePage, ids: ChecklistIds, language: str) -> list[Finding]:
    checklists, syntax = page.checklists
    findings = [Finding(page.path, problem.line, problem.message) for problem in syntax]
    for checklist in checklists:
        findings += check_checklist(page.path, checklist, language)
        findings += ids.claim(page.path, checklist)
    if page.source is not None:
        findings += check_parity(page.path, checklists, page.source, language)
    rendered = {key: tuple(items) for key, items in page.html.checklists.items()}
    findings += check_rendered(page.path, checklists, rendered)
    return sorted(findings)


def _link_findings(page: SourcePage, site: SiteMap, snippets: Snippets | None) -> list[Finding]:
    """Problems with the page's links and markup, each at its Markdown line."""
    checked = check_page(page.src_uri, page.url, page.html, site)
    markup = check_markup(page.html.markup)
    if not (checked.problems or markup):
        return []
    # Again in document order, with link texts and headings, to find the lines.
    source = _source_lines(page, snippets)
    detailed = read_page(page.content, detail=True, region=page.region)
    findings = []
    for problem in check_page(page.src_uri, page.url, detailed, site).problems:
        path, line = source.locate(problem.clues(problem.link), problem.link.heading)
        findings.append(Finding(path, line, problem.message, problem.hint))
    for problem in markup:
        path, line = source.locate(problem.clues)
        findings.append(Finding(path, line, problem.message))
    return findings


def _source_lines(page: SourcePage, snippets: Snippets | None) -> SourceLines:
    if snippets is None:
        return SourceLines(page.markdown, path=page.path)
    return SourceLines(page.markdown, snippets, page.path, snippets.appended_texts())
