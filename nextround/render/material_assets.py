"""Material's palette stylesheet and favicon, made to cost no request of their own.

- `palette_css`: Material's palette stylesheet holds the dark scheme and the
  rules of every named color (indigo, teal, ...). Our palette uses `custom`
  colors, so only the rules of the colors a configuration names are kept, and
  the rest (about 80% of the file) is left out; it goes into our stylesheet
  bundle instead of a request of its own (`overrides/main.html`). Its rule that
  stops transitions while the colors switch keys on `data-nr-switching`, which
  `docs/javascripts/palette-switch.js` sets only when the reader switches:
  Material sets its own `data-md-color-switching` on every page load too, and a
  rule on it restyled the whole page three more times while the page loaded.
- `favicon`: the site's icon as a `data:` URL drawn from the logo icon, when
  the configuration keeps Material's default file; a center's own favicon stays
  a file.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import material

THEME = Path(material.__file__).parent / "templates"
DEFAULT_FAVICON = "assets/images/favicon.png"
# A rule for one named primary or accent color: [data-md-color-primary=indigo].
_NAMED_COLOR = re.compile(r"\[data-md-color-(?:primary|accent)=([a-z-]+)\]")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
MATERIAL_SWITCHING = "[data-md-color-switching]"
SWITCHING = "[data-nr-switching]"


def palette_file() -> Path:
    """Material's palette stylesheet (its name carries a content hash)."""
    (path,) = (THEME / "assets" / "stylesheets").glob("palette.*.min.css")
    return path


def palette_css(palette: list | dict | None) -> str:
    """Material's palette rules for the scheme and the colors `palette` names, nothing else."""
    entries = palette if isinstance(palette, list) else [palette]
    used = {
        str(entry.get(key))
        for entry in entries
        if isinstance(entry, dict)
        for key in ("primary", "accent")
    }
    text = _COMMENT.sub("", palette_file().read_text(encoding="utf-8"))
    return "".join(_kept(text, used)).replace(MATERIAL_SWITCHING, SWITCHING)


def _kept(text: str, used: set[str]) -> list[str]:
    """The rules of `text` that name no color or a used one; `@media` blocks filtered inside."""
    kept = []
    for rule in _rules(text):
        selector, body = rule.split("{", 1)
        if selector.startswith("@"):
            inner = _kept(body[:-1], used)
            if inner:
                kept.append(selector + "{" + "".join(inner) + "}")
        elif set(_NAMED_COLOR.findall(selector)) <= used:
            kept.append(rule)
    return kept


def _rules(text: str) -> list[str]:
    """The top-level rules of a stylesheet, each from its selector to its closing brace."""
    rules, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(text[start : index + 1].strip())
                start = index + 1
    return rules


def favicon(icon: object, color: str) -> str | None:
    """A `data:` URL of Material's icon `icon` (`material/...`) in `color`; None if none is."""
    icons = (THEME / ".icons").resolve()
    path = (icons / f"{icon}.svg").resolve()
    if not isinstance(icon, str) or icons not in path.parents or not path.is_file():
        return None  # Material reports a missing logo icon itself.
    svg = path.read_text(encoding="utf-8").strip()
    svg = svg.replace("<svg ", f'<svg fill="{color}" ', 1).replace('"', "'")
    return "data:image/svg+xml," + quote(svg, safe="/=:-.,'")
