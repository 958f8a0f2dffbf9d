"""Check every link of every rendered page, with the source file and line of each problem.

Events:

- `on_config`: checks that `hooks/build_report.py` is listed after this hook,
  and adds `tree_index.LinkIndexExtension`, which reads each page's ids and
  links from Python-Markdown's element tree while the page renders.
- `on_page_markdown`, `on_page_content` (priority 100, before other hooks
  change the HTML): keep what the Markdown pass collected, with the HTML it
  produced.
- `on_env`: all pages have been rendered (and every `on_page_content` hook has
  run), none written yet. For each page, uses the collected ids and links if
  the final HTML is still what Markdown produced, else parses the final HTML
  once (`html_index`); builds one `SiteMap` of the site; checks each page's
  links against it (`link_rules`); and adds the problems to the shared report,
  which `build_report.py` turns into a failed build. A page with problems is
  parsed once more, in document order, to find each problem's source line.
  Problems are logged through the plugin logger, one line each, as
  `docs/x.md:12: ...`.

MkDocs' own `validation:` checks Markdown links too; this hook also sees raw
HTML, HTML from our extensions and `md_in_html`, images and other files, and it
counts its problems itself, so `-q` and `-v` cannot hide them.

External links are only collected here (`external_links()`); the network check
is `external_links.py`, run by `make check-external`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

import html_index
import link_rules
import mkdocs.plugins
import report
import tree_index
from hook_setup import doc_path, require_report_hook, snippet_reader
from source_lines import SourceLines

log = mkdocs.plugins.get_plugin_logger(__name__)


@dataclass(frozen=True)
class LocatedUrl:
    """An external URL and the source line it was written on."""

    path: str
    line: int
    url: str


# Per build: src_uri -> (HTML that Markdown produced, ids and links read from its tree).
_rendered: dict[str, tuple[str, html_index.PageHtml]] = {}
_collected: list[html_index.PageHtml] = []
# The last build's site and pages with external links, for `external_links()`.
_last_site: link_rules.SiteMap | None = None
_external: list[tuple[str, object, str, str]] = []
_read_snippet = None


def on_config(config):
    """Refuse a broken setup; read links while Markdown renders each page."""
    require_report_hook(config, __file__)
    _rendered.clear()
    if not any(isinstance(e, tree_index.LinkIndexExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(tree_index.LinkIndexExtension(_collected.append))
    return config


def on_page_markdown(markdown, page, config, files):
    """Forget anything collected before this page renders."""
    _collected.clear()


@mkdocs.plugins.event_priority(100)
def on_page_content(html, page, config, files):
    """Keep the ids and links Markdown collected for this page, with its HTML."""
    if _collected:
        _rendered[page.file.src_uri] = (html, _collected[-1])
    _collected.clear()


def on_env(env, config, files):
    """Check the links of every rendered page against the whole site."""
    global _read_snippet, _last_site
    _external.clear()
    _read_snippet = snippet_reader(config)
    pages = []
    anchors: dict[str, set[str]] = {}
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None:
            continue
        seen = _rendered.get(file.src_uri)
        if seen is not None and (page.content is seen[0] or page.content == seen[0]):
            parsed = seen[1]
        else:
            parsed = html_index.read_page(page.content)
        anchors[file.src_uri] = parsed.ids
        pages.append((file, page.content, _url_path(file.url), parsed))
    _rendered.clear()
    site = _last_site = _site_map(config, files, anchors)
    problems = []
    for file, html, url, parsed in pages:
        checked = link_rules.check_page(file.src_uri, url, parsed, site)
        if checked.findings:
            # Again in document order, with link texts and headings, to find the lines.
            path = doc_path(config, file.src_uri)
            detailed = html_index.read_page(html, detail=True)
            findings = link_rules.check_page(file.src_uri, url, detailed, site).findings
            source = SourceLines(file.content_string, _read_snippet)
            problems += link_rules.locate(path, findings, source, detailed)
        if checked.external:
            _external.append((doc_path(config, file.src_uri), file, html, url))
    for problem in report.current().add(problems):
        log.warning(str(problem))


def external_links() -> list[LocatedUrl]:
    """Every external link of the last build, with its source line, in page order."""
    located = []
    for path, file, html, url in _external:
        detailed = html_index.read_page(html, detail=True)
        checked = link_rules.check_page(file.src_uri, url, detailed, _last_site)
        source = SourceLines(file.content_string, _read_snippet)
        for item in checked.external:
            link = detailed.links[item.index]
            line = source.locate(item.clues(link), link.heading)
            located.append(LocatedUrl(path, line, item.link.url))
    return located


def _site_map(config, files, anchors: dict[str, set[str]]) -> link_rules.SiteMap:
    """Everything the built site will serve, from the MkDocs file collection."""
    pages: dict[str, str] = {}
    docs: dict[str, str] = {}
    other: set[str] = set()
    suggestions: list[str] = []
    for file in files:
        if file.inclusion.is_excluded():
            continue
        url = _url_path(file.url)
        if file.is_documentation_page():
            pages.update(link_rules.page_urls(url, file.src_uri))
            docs[file.src_uri] = url
            suggestions.append(url)
        else:
            other.add(url)
            if file.abs_src_path and file.abs_src_path.startswith(config.docs_dir):
                suggestions.append(url)
    other.update(config.theme.static_templates)
    other.update(config.extra_templates)
    return link_rules.SiteMap(
        pages=pages,
        anchors=anchors,
        files=frozenset(other),
        docs=docs,
        site_url=config.site_url or "",
        suggestions=tuple(suggestions),
    )


def _url_path(url: str) -> str:
    """A MkDocs file URL as a plain path from the site root; the home page is ''."""
    url = unquote(url)
    return "" if url == "./" else url
