"""Every include of a page names a snippet that can be included, before the engine reads it.

`pymdownx.snippets` stops a build with a traceback, and no file or line, on a
name it cannot find; with a link in `includes/` it would paste in a file from
anywhere on the machine. So each include is judged first
(`parse.snippets.Snippets.refusal`):

- `SnippetCheck.check` reports each refused include at its line (and a block
  of includes that is never closed), and the includes inside each snippet
  file, once per site, at the snippet's own line with the page line that
  pulls it in;
- `without_refused` gives the engine the page with every refused include, and
  every include whose file includes a refused one, escaped (`;--8<--`), so the
  engine renders the page and the report says what is wrong.

Pure functions over text.
"""

from __future__ import annotations

from nextround.findings import Finding
from nextround.parse.snippets import Reference, Snippets, references, shown_path, unclosed_block
from nextround.text import printable


class SnippetCheck:
    """Checks the includes of every page, and those of each snippet file once."""

    def __init__(self, snippets: Snippets):
        self._snippets = snippets
        self._seen: set[str] = set()

    def check(self, path: str, text: str, included_at: str = "") -> list[Finding]:
        """Findings for the refused includes of `text` (the file `path`) and of its snippets."""
        findings = []
        if opened := unclosed_block(text):
            findings.append(
                Finding(
                    path,
                    opened,
                    "A block of includes ('--8<--' alone on a line) opens here and is never "
                    "closed, so every line after it is read as a snippet name.",
                    "Add a line '--8<--' after its last name.",
                )
            )
        for reference in references(text):
            refusal = self._snippets.refusal(reference.name, reference.section)
            if refusal is not None:
                where = f" (this file is included at {included_at})" if included_at else ""
                message = f"Snippet '{_shown(reference.written)}' {refusal.problem}{where}."
                findings.append(Finding(path, reference.line, message, refusal.fix))
            elif reference.name not in self._seen:
                self._seen.add(reference.name)
                nested = shown_path(self._snippets.path(reference.name))
                text = self._snippets(reference.name) or ""
                findings += self.check(nested, text, f"{path}:{reference.line}")
        return findings


def without_refused(text: str, snippets: Snippets) -> str:
    """`text` with each include that cannot be read in full escaped, so the engine skips it."""
    lines = text.split("\n")
    for reference in references(text):
        if not _includable(reference, snippets, ()):
            line = lines[reference.line - 1]
            indent = len(line) - len(line.lstrip(" \t"))
            lines[reference.line - 1] = line[:indent] + ";" + line[indent:]
    return "\n".join(lines)


def _includable(reference: Reference, snippets: Snippets, stack: tuple[str, ...]) -> bool:
    """Whether `reference`, and every include inside its file, can be included."""
    if snippets.refusal(reference.name, reference.section) is not None:
        return False
    if reference.name in stack:
        return True  # pymdownx skips a file that includes itself.
    text = snippets(reference.name) or ""
    stack = (*stack, reference.name)
    return all(_includable(inner, snippets, stack) for inner in references(text))


def _shown(name: str) -> str:
    """A name as printed in a message: on one line, long ones cut."""
    name = printable(name)
    return name if len(name) <= 80 else name[:77] + "..."
