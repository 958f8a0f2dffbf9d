"""Rules for what a page tells search: `keywords:` and `search:` in its front matter.

`keywords:` is a list of the words and short phrases readers type when this
page has their answer ("turned down", "no reply"). The build feeds them, with
their synonyms, into the search index (`render/search_keywords.py`). Each is
text of at most 40 characters, at most 12 per page, and a keyword belongs to
one page only: the same keyword on two pages would make them compete. A
keyword, like each word of the synonym list (`word_problem`), holds no
markup, address or control character: nothing a reader types, and nothing
that should reach the index.

`search:` is Material's own: `boost` (a number above 0; below 1 ranks the page
lower) and `exclude` (true or false).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import yaml

from nextround.findings import Finding
from nextround.text import control_characters, printable

KEYWORD_MAX = 40
KEYWORDS_MAX = 12
SEARCH_KEYS = frozenset({"boost", "exclude"})
# YAML's BaseLoader (every scalar a string), in C when PyYAML has it: 30 times faster.
LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
# A URL scheme that runs script or embeds data, or any address with '//'.
_ADDRESS = re.compile(r"(?i)^\s*(?:javascript|vbscript|data):|://")


@dataclass(frozen=True)
class Keyword:
    """One keyword of a page, as written, and its line in the file."""

    text: str
    line: int

    @property
    def key(self) -> str:
        """The keyword as search sees it: lowercase, single spaces."""
        return normalize(self.text)


def normalize(text: str) -> str:
    """Lowercase, with runs of spaces as one space: how keywords are compared."""
    return " ".join(text.lower().split())


def word_problem(text: str) -> str:
    """Why `text` is not words a reader types into search, or ''."""
    if control_characters(text):
        return "holds a control character"
    if "<" in text or ">" in text:
        return "holds markup (< or >)"
    if _ADDRESS.search(text):
        return "is an address"
    return ""


def check_search_meta(path: str, block: str, meta: dict) -> tuple[list[Keyword], list[Finding]]:
    """The page's keywords, and problems with `keywords:` and `search:`.

    `block` is the front matter's text, which starts on line 2 of the file.
    """
    if "keywords" not in meta and "search" not in meta:
        return [], []
    nodes = _top_level_nodes(block)
    keywords, problems = [], []
    if "keywords" in nodes:
        keywords, problems = _keywords(path, nodes["keywords"])
    if "search" in nodes:
        problems += _search(path, nodes["search"])
    return keywords, problems


class KeywordOwners:
    """Which page claimed each keyword first, across the whole site."""

    def __init__(self):
        self.owners: dict[str, tuple[str, int]] = {}

    def claim(self, path: str, keywords: list[Keyword]) -> list[Finding]:
        """Claim `keywords` for `path`; a finding for each one another page holds."""
        problems = []
        for keyword in keywords:
            owner = self.owners.setdefault(keyword.key, (path, keyword.line))
            if owner[0] != path:
                problems.append(
                    Finding(
                        path,
                        keyword.line,
                        f"keyword '{keyword.text}' is also on {owner[0]}:{owner[1]}; a keyword "
                        "belongs to one page. Keep it on the page that answers it best and "
                        "delete it here.",
                    )
                )
        return problems


def _top_level_nodes(block: str) -> dict[str, yaml.Node]:
    """The value node of each top-level key (every scalar a string, as `BaseLoader` reads it)."""
    try:
        root = yaml.compose(block, Loader=LOADER)
    except yaml.YAMLError:
        return {}  # The front matter check reports what it could not read.
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 2


def _keywords(path: str, node: yaml.Node) -> tuple[list[Keyword], list[Finding]]:
    if not isinstance(node, yaml.SequenceNode):
        return [], [
            Finding(
                path,
                _line(node),
                f"expected 'keywords' to be a list, found {_kind(node)}. Write one keyword "
                "per line under it, each as '  - words a reader types'.",
            )
        ]
    keywords: list[Keyword] = []
    problems: list[Finding] = []
    seen: dict[str, int] = {}
    for item in node.value:
        line = _line(item)
        if not isinstance(item, yaml.ScalarNode):
            problems.append(
                Finding(
                    path,
                    line,
                    f"expected each keyword to be text, found {_kind(item)}. Write it as "
                    "'  - words a reader types'.",
                )
            )
            continue
        keyword = Keyword(item.value, line)
        if not keyword.key:
            problems.append(Finding(path, line, "a keyword is empty; write words or delete it."))
        elif problem := word_problem(keyword.text):
            problems.append(
                Finding(
                    path,
                    line,
                    f"keyword '{printable(keyword.text)}' {problem}; a keyword is the words a "
                    "reader types. Write them as plain words.",
                )
            )
        elif len(keyword.key) > KEYWORD_MAX:
            problems.append(
                Finding(
                    path,
                    line,
                    f"keyword '{keyword.key}' is {len(keyword.key)} characters long; expected at "
                    f"most {KEYWORD_MAX}. Keep the words a reader types and drop the rest.",
                )
            )
        elif keyword.key in seen:
            problems.append(
                Finding(
                    path,
                    line,
                    f"keyword '{keyword.text}' is already on line {seen[keyword.key]}; "
                    "delete this one.",
                )
            )
        else:
            seen[keyword.key] = line
            keywords.append(keyword)
    if len(node.value) > KEYWORDS_MAX:
        problems.append(
            Finding(
                path,
                _line(node),
                f"'keywords' has {len(node.value)} entries; expected at most {KEYWORDS_MAX}. "
                "Keep the ones readers use most; the synonym list adds their other words.",
            )
        )
    return keywords, problems


def _search(path: str, node: yaml.Node) -> list[Finding]:
    if not isinstance(node, yaml.MappingNode):
        return [
            Finding(
                path,
                _line(node),
                f"expected 'search' to hold 'boost:' or 'exclude:', found {_kind(node)}.",
            )
        ]
    problems = []
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else ""
        if name not in SEARCH_KEYS:
            problems.append(
                Finding(
                    path,
                    _line(key),
                    f"unknown 'search' setting '{name}'; expected 'boost' or 'exclude'.",
                )
            )
        elif name == "boost" and not _positive_number(value):
            problems.append(
                Finding(
                    path,
                    _line(value),
                    f"search boost is {_shown(value)}; expected a number above 0, like 0.5 "
                    "(below 1 ranks the page lower, above 1 higher).",
                )
            )
        elif name == "exclude" and not _true_or_false(value):
            problems.append(
                Finding(
                    path,
                    _line(value),
                    f"search exclude is {_shown(value)}; expected true or false.",
                )
            )
    return problems


def _true_or_false(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value.lower() in ("true", "false")


def _positive_number(node: yaml.Node) -> bool:
    if not isinstance(node, yaml.ScalarNode):
        return False
    try:
        number = float(node.value)
    except ValueError:
        return False
    return math.isfinite(number) and number > 0


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return "an empty value" if not node.value else f"'{node.value}'"


def _shown(node: yaml.Node) -> str:
    return f"'{node.value}'" if isinstance(node, yaml.ScalarNode) else _kind(node)
