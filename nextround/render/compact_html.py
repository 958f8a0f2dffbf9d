"""Pages written without the indentation of the theme's templates: fewer bytes, the same page.

Material's templates indent every line, and a page's HTML is several kilobytes
of spaces: on a phone the first round trip then carries less of the page. In
HTML a run of white space between words or tags shows as one space, so each
run that holds a line break becomes that line break alone. What shows white
space as written is left exactly as it is: `<pre>`, `<code>`, `<kbd>` and
`<textarea>` (and `<script>` and `<style>`, whose text is not HTML).

The templates are compacted once, as the engine loads them (`CompactLoader`),
not each page as it is written: the page's own content (what Python-Markdown
writes, and raw HTML as its author wrote it) is left as it is. A template line that holds only
a tag that writes nothing (a condition, a loop, a `set`) loses its line break
too, so it leaves no empty line.
"""

from __future__ import annotations

import re

from jinja2 import BaseLoader, Environment

# Elements whose text keeps its white space (Material sets `code` and `kbd` to pre-wrap).
_KEPT = re.compile(r"<(pre|code|kbd|textarea|script|style)[\s>]")
_BREAK = re.compile(r"\n\s+")
# A line of only a tag that writes nothing, or of a comment; group 1 is the tag.
_SILENT_TAG_LINE = re.compile(
    r"^(\{%-?\s*(?:if|elif|else|endif|for|endfor|with|endwith|import|from)\b(?:(?!%\}).)*%\}"
    r"|\{%-?\s*set\s[^=%]*=(?:(?!%\}).)*%\}"
    r"|\{#(?:(?!#\}).)*#\})\n",
    re.DOTALL | re.MULTILINE,
)


def compact_template(source: str) -> str:
    """`source` with each run of white space that starts a line made one line break.

    And without the line break of each line that holds only a tag that writes nothing.
    """
    parts, done = [], 0
    while kept := _KEPT.search(source, done):
        end = source.find(f"</{kept.group(1)}", kept.end())
        end = len(source) if end < 0 else end
        parts += (_squeeze(source[done : kept.start()]), source[kept.start() : end])
        done = end
    parts.append(_squeeze(source[done:]))
    return "".join(parts)


def _squeeze(text: str) -> str:
    return _SILENT_TAG_LINE.sub(r"\1", _BREAK.sub("\n", text))


class CompactLoader(BaseLoader):
    """A template loader that gives `loader`'s templates compacted (`compact_template`)."""

    def __init__(self, loader: BaseLoader) -> None:
        """Wrap `loader`."""
        self.loader = loader

    def get_source(self, environment: Environment, template: str):
        """The template's source, compacted; its file name and freshness check as they are."""
        source, filename, is_current = self.loader.get_source(environment, template)
        return compact_template(source), filename, is_current

    def list_templates(self) -> list[str]:
        """The wrapped loader's templates."""
        return self.loader.list_templates()
