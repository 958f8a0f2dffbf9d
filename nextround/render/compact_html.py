"""Pages written without the indentation of the theme's templates: fewer bytes, the same page.

Material's templates indent every line, and a page's HTML is several kilobytes
of spaces: on a phone the first round trip then carries less of the page. In
HTML a run of white space between words or tags shows as one space, so each
run that holds a line break becomes that line break alone. What shows white
space as written is left exactly as it is: `<pre>`, `<code>`, `<kbd>` and
`<textarea>` (and `<script>` and `<style>`, whose text is not HTML).
"""

from __future__ import annotations

import re

# Elements whose text keeps its white space (Material sets `code` and `kbd` to pre-wrap).
_KEPT = re.compile(r"<(pre|code|kbd|textarea|script|style)[\s>]")
_BREAK = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """`html` with each run of white space that starts a line made one line break."""
    parts, done = [], 0
    while kept := _KEPT.search(html, done):
        end = html.find(f"</{kept.group(1)}", kept.end())
        end = len(html) if end < 0 else end
        parts += (_BREAK.sub("\n", html[done : kept.start()]), html[kept.start() : end])
        done = end
    parts.append(_BREAK.sub("\n", html[done:]))
    return "".join(parts)
