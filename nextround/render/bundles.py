"""Our scripts and stylesheets, bundled per page: a page loads what its content uses.

Each module is one file of `docs/javascripts/` or `docs/stylesheets/` with one
concern. `SCRIPTS` and `STYLES` list them in bundle order, each with the
features of a page that need it (none: every page). A page's features are
read from its rendered HTML (`features`), never from a list of pages.

The build minifies each module once (rJSmin and rCSSmin only remove what the
language ignores, so a bundle behaves like its sources) and joins a page's
modules into one script and one stylesheet named after their content
(`assets/next-round/scripts.1a2b3c4d.min.js`): pages that use the same modules
share a file, and a browser may keep it for a year, since a change gives it a
new name. The source files keep their comments and are not published.

A script bundle carries the messages its modules ask for (`nr.t("key")`,
`parse/message_uses.py`) from the build's catalog (`nextround/messages.py`),
as `nextRound.messages({...})` right after `core.js`, which defines that call:
a page carries only the text its own modules show.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin
import rjsmin

from nextround.parse.message_uses import script_uses

SOURCES = Path(__file__).resolve().parents[2] / "docs"
FOLDER = "assets/next-round"

# A feature is on when the page's HTML has a start tag with this class or attribute
# (text inside a code block is escaped, `&lt;div`, so it never counts as markup).
_FEATURES = {
    "checklist": r'class="nr-checklist"',
    "progress-list": r"\sdata-nr-registry[\s>=]",
    "plan": r"\sdata-nr-plan[\s>=]",
    "details": r'class="nr-ph\b|\sdata-nr-details[\s>=]',
    "booklet": r'class="nr-handout\b',
    "tracker": r'class="[^"]*\bnr-tracker\b',
}
_TAGS = {name: re.compile(rf"<[a-z][^<>]*(?:{marker})") for name, marker in _FEATURES.items()}
_TAGS["table"] = re.compile(r"<table[\s>]")
# Text each marker holds (one word for each of its alternatives): a page without it
# is not searched, since a search tries the marker inside every tag of the page.
WORDS = {
    "checklist": ("nr-checklist",),
    "progress-list": ("data-nr-registry",),
    "plan": ("data-nr-plan",),
    "details": ("nr-ph", "data-nr-details"),
    "booklet": ("nr-handout",),
    "tracker": ("nr-tracker",),
    "table": ("<table",),
}


@dataclass(frozen=True)
class Module:
    """One source file, and the page features that need it (none: every page)."""

    path: str
    needs: frozenset[str] = frozenset()

    def wanted(self, page_features: frozenset[str]) -> bool:
        """Whether a page with `page_features` loads this module."""
        return not self.needs or bool(self.needs & page_features)


def _module(path: str, *needs: str) -> Module:
    return Module(path, frozenset(needs))


_DATA = ("checklist", "progress-list", "plan", "details")  # what reads the reader's data

SCRIPTS = (
    _module("javascripts/core.js"),
    _module("javascripts/skip-link.js"),
    _module("javascripts/switcher.js"),
    _module("javascripts/palette-switch.js"),
    _module("javascripts/tables.js", "table"),
    _module("javascripts/progress-store.js", *_DATA),
    _module("javascripts/download.js", "progress-list", "plan"),
    _module("javascripts/progress-bar.js", "checklist", "progress-list"),
    _module("javascripts/notes.js", "checklist"),
    _module("javascripts/print-button.js", "checklist"),
    _module("javascripts/checklists.js", "checklist"),
    _module("javascripts/progress-page.js", "progress-list"),
    _module("javascripts/plan.js", "plan"),
    _module("javascripts/details.js", "details"),
)
STYLES = (
    _module("stylesheets/base.css"),
    _module("stylesheets/print.css"),
    _module("stylesheets/tracker.css", "tracker"),
    _module("stylesheets/box.css", "checklist", "details", "booklet"),
    _module("stylesheets/checklists.css", "checklist"),
    _module("stylesheets/details.css", "details"),
    _module("stylesheets/plan.css", "plan"),
    _module("stylesheets/progress.css", "progress-list"),
    _module("stylesheets/handouts.css", "booklet"),
)
SOURCE_URIS = frozenset(module.path for module in SCRIPTS + STYLES)
# Messages that only pages with a feature show, though a module of other pages asks for
# them: why an imported file was refused shows only where Import is, on the progress page.
MESSAGES_FOR = {"file.": "progress-list"}


class MissingModuleError(Exception):
    """A module listed here has no source file."""


def features(html: str) -> frozenset[str]:
    """The features of a page whose rendered content is `html`."""
    return frozenset(
        name
        for name, tag in _TAGS.items()
        if any(word in html for word in WORDS[name]) and tag.search(html)
    )


@dataclass(frozen=True)
class PageAssets:
    """The one stylesheet and the one script a page loads, as paths from the site root."""

    css: str
    js: str


@dataclass
class Bundler:
    """Makes each page's bundles; `written` holds every file to publish."""

    palette_css: str = ""
    """Put first in every stylesheet: Material's palette rules for our colors."""
    center_css: str = ""
    """Put last in every stylesheet: a career center's colors."""
    messages: dict[str, str] = field(default_factory=dict)
    """Every message of the build's language, by key; a script bundle carries those it uses."""
    written: dict[str, str] = field(default_factory=dict)
    _minified: dict[str, str] = field(default_factory=dict)
    _keys: dict[str, frozenset[str]] = field(default_factory=dict)
    _by_features: dict[frozenset[str], PageAssets] = field(default_factory=dict)

    def assets(self, page_features: frozenset[str]) -> PageAssets:
        """The bundles of a page with `page_features`, made the first time they are asked for."""
        if page_features not in self._by_features:
            css = self._bundle(
                "styles", ".css", STYLES, page_features, (self.palette_css, self.center_css)
            )
            js = self._bundle("scripts", ".js", SCRIPTS, page_features, ("", ""))
            self._by_features[page_features] = PageAssets(css, js)
        return self._by_features[page_features]

    def _bundle(self, name, suffix, modules, page_features, around) -> str:
        first, last = around
        wanted = [module.path for module in modules if module.wanted(page_features)]
        parts = [self._source(path) for path in wanted]
        if suffix == ".js":
            parts.insert(1, self._messages(wanted, page_features))
        parts = [first, *parts, last and minified(last, suffix)]
        text = "\n".join(part for part in parts if part)
        uri = f"{FOLDER}/{name}.{fingerprint(text)}.min{suffix}"
        self.written[uri] = text
        return uri

    def _messages(self, paths: list[str], page_features: frozenset[str]) -> str:
        """The call that gives `core.js` the messages the modules at `paths` show on the page."""
        keys = set().union(*(self._keys[path] for path in paths))
        texts = {
            key: self.messages[key]
            for key in sorted(keys)
            if key in self.messages and _shown(key, page_features)
        }
        if not texts:
            return ""
        return (
            f"nextRound.messages({json.dumps(texts, ensure_ascii=False, separators=(',', ':'))});"
        )

    def _source(self, path: str) -> str:
        if path not in self._minified:
            source = SOURCES / path
            if not source.is_file():
                message = f"docs/{path} is missing; nextround/render/bundles.py names it."
                raise MissingModuleError(message)
            text = source.read_text(encoding="utf-8")
            self._minified[path] = minified(text, source.suffix)
            self._keys[path] = frozenset(use.key for use in script_uses(path, text))
        return self._minified[path]


def _shown(key: str, page_features: frozenset[str]) -> bool:
    """Whether a page with `page_features` can show the message `key` (`MESSAGES_FOR`)."""
    return all(
        feature in page_features
        for prefix, feature in MESSAGES_FOR.items()
        if key.startswith(prefix)
    )


def minified(text: str, suffix: str) -> str:
    """`text` of a `.js` or `.css` file without comments and spaces, ending its last statement."""
    if suffix == ".js":
        return rjsmin.jsmin(text).rstrip(";") + ";"
    return rcssmin.cssmin(text)


def fingerprint(text: str) -> str:
    """Eight hex digits that change whenever `text` does."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
