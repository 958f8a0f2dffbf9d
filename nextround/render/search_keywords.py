"""Put each page's reader keywords, and their synonyms, into Material's search index.

Material's index (`search/search_index.json`) has one entry per page and one
per section. The page's own entry gets a `keywords` list: the page's
`keywords:` front matter plus every other word of a synonym group that one of
them belongs to (`includes/synonyms.yml`). Material's search worker indexes
every field named in the index's `config.fields`: `keywords` gets the boost
set under `plugins: search: fields:` in `mkdocs.yml`, or `BOOST` when a
configuration (a career center's own `plugins:` list) does not set one. Its
results show only title and text, so the keywords stay out of sight. Words
of one or two letters are matched whole by our search worker
(`overrides/assets/javascripts/workers/next-round-search.js`), so they stay in
the index even where they start a longer word.

Pure functions over text, no engine: `synonyms_file`, `load_synonyms`, `expand`,
`index_words`, `add_keywords`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nextround.check.search_meta import KEYWORD_MAX, LOADER, normalize, word_problem
from nextround.text import printable

FIELD = "keywords"
# Above a title word (Material gives titles 1,000), so a page that names the
# reader's words comes before pages that only mention them.
BOOST = 10_000
# The longest word that the search worker matches whole, never as the start of a
# longer one (overrides/assets/javascripts/workers/next-round-search.js).
SHORT = 2
INCLUDES = Path(__file__).resolve().parents[2] / "includes"
SYNONYMS = INCLUDES / "synonyms.yml"


class SynonymError(Exception):
    """The synonym file has problems: each `path:line: message`."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Synonyms:
    """Each word of the synonym list -> every word of its group, in file order."""

    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)


def synonyms_file(language: str, source: str, includes: Path = INCLUDES) -> Path:
    """The synonym list of edition `language`: the source's, or `includes/<language>/synonyms.yml`.

    A translated edition's readers type words in its language, so it never reads
    the source's list; without a list of its own, its keywords get no synonyms.
    """
    if language == source:
        return includes / "synonyms.yml"
    return includes / language / "synonyms.yml"


def load_synonyms(path: Path = SYNONYMS, shown: str = "includes/synonyms.yml") -> Synonyms:
    """The synonym groups of `path`; a `SynonymError` naming each bad line."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise SynonymError([f"{shown}:{line}: not valid YAML ({error})."]) from None
    if root is None:
        return Synonyms()
    if not isinstance(root, yaml.SequenceNode):
        raise SynonymError([f"{shown}:1: expected a list of groups, '- [word, other words]'."])
    synonyms, problems = Synonyms(), []
    where: dict[str, int] = {}
    for group in root.value:
        line = group.start_mark.line + 1
        words = _group_words(group)
        if words is None or len(words) < 2:
            problems.append(
                f"{shown}:{line}: expected a group of two or more words, like "
                "'- [turned down, rejected]'."
            )
            continue
        for word in words:
            if not word or len(word) > KEYWORD_MAX:
                problems.append(
                    f"{shown}:{line}: '{word}' must be 1 to {KEYWORD_MAX} characters long."
                )
            elif problem := word_problem(word):
                problems.append(
                    f"{shown}:{line}: '{printable(word)}' {problem}; write the words a reader "
                    "types, as plain words."
                )
            elif word in where:
                problems.append(
                    f"{shown}:{line}: '{word}' is already in the group on line {where[word]}; "
                    "merge the two groups or keep the word in one."
                )
            else:
                where[word] = line
                synonyms.groups[word] = words
    if problems:
        raise SynonymError(problems)
    return synonyms


def _group_words(group: yaml.Node) -> tuple[str, ...] | None:
    if not isinstance(group, yaml.SequenceNode):
        return None
    if not all(isinstance(item, yaml.ScalarNode) for item in group.value):
        return None
    return tuple(dict.fromkeys(normalize(item.value) for item in group.value))


def expand(keywords: list[str], synonyms: Synonyms) -> list[str]:
    """`keywords`, each followed by the other words of its synonym group, without repeats."""
    phrases: dict[str, None] = {}
    for keyword in keywords:
        key = normalize(keyword)
        phrases[key] = None
        for other in synonyms.groups.get(key, ()):
            phrases[other] = None
    return list(phrases)


def index_words(phrases: list[str], separator: str) -> list[str]:
    """The words of `phrases`, split where the search splits them (`separator`), for the index.

    Material's search matches each word a reader types as the start of a word
    ("intern" finds "internship"), so a word that starts another word of the
    page ("intern", "introvert" next to "introverted") would only add noise:
    it is left out, as are repeats. A word of one or two letters stays: our
    search worker matches those whole ("ok" does not find "okay"). Words keep
    their first order.
    """
    split = re.compile(separator)
    words = list(dict.fromkeys(word for phrase in phrases for word in split.split(phrase) if word))
    return [
        word
        for word in words
        if len(word) <= SHORT or not any(o != word and o.startswith(word) for o in words)
    ]


def add_keywords(index: str, keywords: dict[str, list[str]]) -> str:
    """Material's search index `index` (JSON) with `keywords` on each page's own entry.

    `keywords` maps a page's location in the index ('guides/x/', '' for the
    home page) to its keywords and their synonyms.
    """
    data = json.loads(index)
    separator = data["config"]["separator"]
    # Like Material's own defaults for title, text and tags: mkdocs.yml may set it.
    data["config"]["fields"].setdefault(FIELD, {"boost": BOOST})
    for doc in data["docs"]:
        phrases = keywords.get(doc["location"])
        if phrases:
            doc[FIELD] = index_words(phrases, separator)
    return json.dumps(data, separators=(",", ":"), default=str)
