"""Our interface text, one catalog per language: `includes/messages/<language>.yml`.

A catalog is a flat YAML mapping of message keys (`checklist.reset`) to texts
(`Reset`), where `{name}` marks a value the code fills in. The build uses the
catalog of its `theme.language`: scripts get the messages their modules ask
for (`render/bundles.py`), and the renderers write theirs with `Catalog.t`.
`read_catalog` reports each problem of form as a `Finding` at its line; a
file that is not YAML at all raises `CatalogError`, naming its line.
`check/messages.py` checks the catalogs against the code that uses them.
Nothing here imports an engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

from nextround.findings import Finding
from nextround.text import control_characters, control_names, printable

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "includes" / "messages"
REFERENCE = "en"
"""The language every other catalog is compared with."""
FIX_GUIDE = "CONTRIBUTING.md, Interface text"

KEY = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+")
NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_BRACES = re.compile(r"\{([^{}]*)\}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_STR = "tag:yaml.org,2002:str"


class CatalogError(Exception):
    """A catalog that cannot be read at all; the message names the file and line."""


@dataclass(frozen=True)
class Message:
    """One text of a catalog and the line it is written on."""

    key: str
    text: str
    line: int

    @property
    def names(self) -> frozenset[str]:
        """The names of its `{placeholders}`."""
        return placeholder_names(self.text)


@dataclass(frozen=True)
class Catalog:
    """The messages of one language, and the problems of form its file has."""

    language: str
    path: str
    """The file as problems name it: 'includes/messages/en.yml'."""
    messages: dict[str, Message] = field(default_factory=dict)
    problems: tuple[Finding, ...] = ()

    def t(self, key: str, **values: object) -> str:
        """The text of `key` with its `{names}` filled from `values` (the key if it is missing).

        A missing key is the check's to report (`check/messages.py`), with the line using it.
        """
        message = self.messages.get(key)
        return key if message is None else fill(message.text, values)

    def markup(self, key: str, **html: str) -> str:
        """The text of `key` as HTML (fit for an attribute): escaped, `{name}`s from `html`."""
        message = self.messages.get(key)
        return escape(key) if message is None else fill(escape(message.text), html)

    def counted(self, key: str, count: int, **values: object) -> str:
        """`key.one` for a count of 1, else `key.other`, with `{count}` filled in."""
        return self.t(f"{key}.{'one' if count == 1 else 'other'}", count=count, **values)

    def texts(self) -> dict[str, str]:
        """Every text, by key."""
        return {key: message.text for key, message in self.messages.items()}


def placeholder_names(text: str) -> frozenset[str]:
    """The names of the well-formed `{placeholders}` in `text`."""
    return frozenset(name for name in _BRACES.findall(text) if NAME.fullmatch(name))


def fill(text: str, values: dict[str, object]) -> str:
    """`text` with each `{name}` that `values` has replaced by its value."""
    return _BRACES.sub(
        lambda match: str(values[match.group(1)]) if match.group(1) in values else match.group(0),
        text,
    )


def catalog_path(language: str, folder: Path = FOLDER) -> Path:
    """The file of `language`'s catalog."""
    return folder / f"{language}.yml"


def shown(path: Path) -> str:
    """`path` as problems name it: from the repository's folder when it is inside."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def load(language: str, folder: Path = FOLDER) -> Catalog:
    """The catalog of `language`; `CatalogError` when there is none or it is not YAML."""
    if not _LANGUAGE.fullmatch(language or ""):
        raise CatalogError(
            f"theme.language {language!r} is not a language code like 'en' or 'pt-BR'."
        )
    path = catalog_path(language, folder)
    if not path.is_file():
        raise CatalogError(
            f"theme.language is {language!r}, but {shown(path)} does not exist. "
            f"Copy {shown(catalog_path(REFERENCE, folder))} there and translate it "
            f"({FIX_GUIDE})."
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"{shown(path)}:1: cannot be read as UTF-8 text ({error}).") from None
    return read_catalog(language, shown(path), text)


def every_catalog(folder: Path = FOLDER) -> list[Path]:
    """The file of each language's catalog, the reference language first."""
    return sorted(folder.glob("*.yml"), key=lambda path: (path.stem != REFERENCE, path.stem))


# libyaml's loader when PyYAML has it: the same nodes and lines, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_catalog(language: str, path: str, text: str) -> Catalog:
    """The catalog in `text` (the file `path`), with a finding per problem of form."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise CatalogError(
            f"{path}:{line}: this catalog is not valid YAML ({error.problem}). "
            f"Write one 'key: text' per line; put a text in quotes when it starts with "
            f"{{ or holds ': ' ({FIX_GUIDE})."
        ) from None
    except yaml.YAMLError as error:
        raise CatalogError(f"{path}:1: this catalog is not valid YAML ({error}).") from None
    if root is None:
        return Catalog(language, path)
    if not isinstance(root, yaml.MappingNode):
        raise CatalogError(
            f"{path}:{root.start_mark.line + 1}: a catalog is a list of 'key: text' lines."
        )
    messages: dict[str, Message] = {}
    problems: list[Finding] = []
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else ""
        problem = _problem(key, value_node, messages)
        if problem:
            problems.append(Finding(path, line, *problem))
        else:
            messages[key] = Message(key, value_node.value, line)
    return Catalog(language, path, messages, tuple(problems))


def _problem(key: str, node: yaml.Node, seen: dict[str, Message]) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) with one line of a catalog, or None."""
    if not KEY.fullmatch(key):
        return (
            f"{printable(key)!r} is not a message key.",
            "Write a key as lowercase words and hyphens, a dot between groups: checklist.reset.",
        )
    if key in seen:
        return (
            f"Message '{key}' is already on line {seen[key].line}.",
            "Keep one of the two lines.",
        )
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR or not node.value.strip():
        return (
            f"Message '{key}' should be one line of text.",
            'Write it after the colon, in quotes if YAML reads it as something else: "Yes".',
        )
    text = node.value
    if controls := control_characters(text):
        return (
            f"Message '{key}' holds {control_names(controls)}.",
            "Write it on one line, without control characters.",
        )
    stray = _BRACES.sub(lambda m: "" if NAME.fullmatch(m.group(1)) else "{?}", text)
    if "{" in stray or "}" in stray:
        return (
            f"Message '{key}' has a brace that is not a {{placeholder}}: {text!r}.",
            "A placeholder is a name in braces, like {count}; keep each one of the English.",
        )
    return None
