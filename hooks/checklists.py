"""Interactive checklists: render them, check their structure, list them all.

Events: `on_config` adds the `/// checklist` Markdown block;
`on_page_markdown` checks every checklist of a page and records it in the
site's registry; `on_page_context` writes the registry into the page that
asks for it (the "My progress" page) once every page has been read.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import checklist_model
import report
from checklist_block import ChecklistExtension
from hook_setup import doc_path, require_report_hook
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

log = get_plugin_logger(__name__)

REGISTRY_MARKER = '<div class="nr-registry" data-nr-registry></div>'


@dataclass(frozen=True)
class Entry:
    """A checklist and the page that holds it."""

    checklist: checklist_model.Checklist
    page_url: str
    page_title: str
    source: str


_registry: dict[str, Entry] = {}


def on_config(config):
    """Add the checklist block and start an empty registry for this build."""
    require_report_hook(config, __file__)
    _registry.clear()
    config.markdown_extensions.append(ChecklistExtension())
    return config


def on_page_markdown(markdown, page, config, files):
    """Check the page's checklists and record them for the progress page."""
    source = doc_path(config, page.file.src_uri)
    checklists, findings = checklist_model.parse(page.file.content_string)
    for checklist in checklists:
        findings += checklist_model.check(checklist)
        findings += _claim_id(checklist, page, source)
    problems = [report.Problem(source, f.line, f.message) for f in sorted(findings)]
    for problem in report.current().add(problems):
        log.warning(str(problem))
    return None


def on_page_context(context, page, config, nav):
    """Fill the progress page's registry placeholder with every checklist."""
    if REGISTRY_MARKER not in page.content:
        return None
    page.content = page.content.replace(REGISTRY_MARKER, render_registry(page.url, nav))
    return context


def render_registry(base_url: str, nav) -> str:
    """HTML list of every checklist, in navigation order, linked from `base_url`."""
    order = {page.url: index for index, page in enumerate(nav.pages)}
    entries = sorted(
        _registry.values(), key=lambda e: (order.get(e.page_url, len(order)), e.checklist.line)
    )
    rows = []
    for entry in entries:
        checklist = entry.checklist
        href = get_relative_url(entry.page_url, base_url) + f"#checklist-{checklist.id}"
        items = " ".join(item.id for item in checklist.items)
        rows.append(
            f'<li class="nr-registry__entry" data-checklist="{escape(checklist.id)}" '
            f'data-items="{escape(items)}">'
            f'<a href="{escape(href)}">{escape(checklist.title)}</a> '
            f'<span class="nr-registry__page">{escape(entry.page_title)}</span> '
            f'<span class="nr-registry__count">{len(checklist.items)} items</span></li>'
        )
    return f'<ul class="nr-registry" data-nr-registry>{"".join(rows)}</ul>'


def _claim_id(checklist, page, source) -> list[checklist_model.Finding]:
    if not checklist.id:
        return []
    owner = _registry.get(checklist.id)
    if owner is not None:
        return [
            checklist_model.Finding(
                checklist.line,
                f"Checklist id '{checklist.id}' is already used by {owner.source}:"
                f"{owner.checklist.line}. Ids must be unique across the site; rename one.",
            )
        ]
    _registry[checklist.id] = Entry(checklist, page.url, page.title or "", source)
    return []
