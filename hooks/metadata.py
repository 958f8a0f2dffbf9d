"""Check the front matter of every page: title, description, and a guide's review date.

Events:

- `on_config`: checks that `hooks/build_report.py` is listed after this hook.
- `on_page_markdown`: runs `page_metadata.check_metadata` on the whole source
  file (front matter included, so line numbers are file lines). Problems go to
  the shared report and the plugin logger; a guide due for review is a note
  (logged at info level, listed by `make check`), never a failure.
"""

from __future__ import annotations

from datetime import date

import mkdocs.plugins
import page_metadata
import report
from hook_setup import doc_path, require_report_hook

log = mkdocs.plugins.get_plugin_logger(__name__)


def on_config(config):
    """Refuse a setup in which no hook would fail the build on our problems."""
    require_report_hook(config, __file__)


def on_page_markdown(markdown, page, config, files):
    """Check the page's front matter; return nothing, the page is unchanged."""
    path = doc_path(config, page.file.src_uri)
    checked = page_metadata.check_metadata(
        path, page.file.src_uri, page.file.content_string, date.today(), page.meta
    )
    for problem in report.current().add(checked.problems):
        log.warning(str(problem))
    if checked.review_due is not None:
        note = str(checked.review_due)
        report.current().notes.append(note)
        log.info(note)
    return None
