"""Message templates use only the placeholders of `nextround/placeholders.py`.

Their names are those of the build's language: the `placeholder.*` messages
of its catalog (`includes/messages/en.yml` for English).

A message template is a snippet from a `templates/` folder (`--8<--
"templates/reply.md"`, read from `includes/templates/`). Every `[...]` inside
its fenced code blocks is a placeholder, and must be one of the list, spelled
exactly: the reader's details fill in only the names they know. Square
brackets outside code blocks (links, checklist boxes) are Markdown, not
placeholders.

`TemplateCheck.check` reports each unknown placeholder once, at its line of the
template file, and names the page line that includes it. Pure functions over
text; the caller gives the snippet's text and path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

from nextround.findings import Finding
from nextround.messages import Catalog
from nextround.parse.snippets import references, shown_path
from nextround.placeholders import by_name

# A fence line: up to three spaces, then ``` or ~~~ (group 1).
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# One placeholder: square brackets around text with no brackets or line break.
_BRACKETS = re.compile(r"\[([^\[\]\n]*)\]")
TEMPLATE_FOLDER = "templates/"


def placeholders(text: str) -> list[tuple[int, str]]:
    """(1-based line, name) of every `[name]` inside the fenced code blocks of `text`."""
    found = []
    fence = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _FENCE.match(line):
            marker = match.group(1)
            if not fence:
                fence = marker
                continue
            if (
                marker[0] == fence[0]
                and len(marker) >= len(fence)
                and not line.strip(marker[0] + " ")
            ):
                fence = ""
                continue
        if fence:
            found += [(number, match.group(1)) for match in _BRACKETS.finditer(line)]
    return found


def check_template(path: str, text: str, catalog: Catalog, included_at: str = "") -> list[Finding]:
    """One finding per placeholder of the template `text` that `catalog` does not name."""
    where = f" (the template is included at {included_at})" if included_at else ""
    known = by_name(catalog)
    findings = []
    for line, name in placeholders(text):
        if name in known:
            continue
        message = f"Unknown placeholder '[{name}]' in a message template{where}."
        findings.append(Finding(path, line, message, _hint(name, known, catalog.path)))
    return findings


def _hint(name: str, known: dict, listed_in: str) -> str:
    lower = {known_name.lower(): known_name for known_name in known}
    close = lower.get(" ".join(name.split()).lower())
    if close is None:
        matches = difflib.get_close_matches(name.lower(), lower, n=1, cutoff=0.75)
        close = lower[matches[0]] if matches else None
    fix = (
        f"Use a placeholder listed in {listed_in} (placeholder.*), spelled exactly, or add a "
        "new one (CONTRIBUTING.md, Templates)."
    )
    return f"Did you mean '[{close}]'? {fix}" if close else fix


class TemplateCheck:
    """Checks each template once per site, however many pages include it."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._seen: set[str] = set()

    def check(
        self,
        page_path: str,
        markdown: str,
        read_snippet: Callable[[str], str | None],
        locate: Callable[[str], Path | None],
    ) -> list[Finding]:
        """Findings for the templates `markdown` includes that no earlier page included."""
        findings = []
        for reference in references(markdown):
            name = reference.name
            if not name.startswith(TEMPLATE_FOLDER) or name in self._seen:
                continue
            self._seen.add(name)
            text, path = read_snippet(name), locate(name)
            if text is None or path is None:
                continue  # `check.snippets` reports a snippet that cannot be included.
            findings += check_template(
                shown_path(path), text, self._catalog, f"{page_path}:{reference.line}"
            )
        return findings
