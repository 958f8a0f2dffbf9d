"""The site's editions: one per language, listed under `extra.languages` in mkdocs.yml.

The first edition is the source the others translate. Each other edition,
language code `xx`, has its own config `mkdocs.xx.yml` that INHERITs the
source's, its pages in `docs/xx/` at the same paths as the source's pages in
`docs/`, and is built into `site/xx/`. A translated page names its source page
and the commit it translates in its front matter (`source:`, `source_commit:`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class Edition:
    """One language of the site."""

    code: str
    """The language code, as `theme.language` spells it: 'en', 'es'."""
    name: str
    """The language's name in that language, for the switcher: 'Español'."""

    @property
    def config_name(self) -> str:
        """The config file of a translated edition, beside mkdocs.yml."""
        return f"mkdocs.{self.code}.yml"


SOURCE = Edition("en", "English")
# The repository folders whose subfolder `xx/` holds edition xx's text.
TEXT_ROOTS = ("docs", "includes")


def editions(extra: Mapping | None) -> tuple[Edition, ...]:
    """The editions `extra.languages` lists, the source first; the source alone when unset."""
    entries = (extra or {}).get("languages") or []
    found = tuple(
        Edition(str(entry["code"]), str(entry.get("name") or entry["code"]))
        for entry in entries
        if isinstance(entry, Mapping) and entry.get("code")
    )
    return found or (SOURCE,)


def source_docs_dir(docs_dir: Path, language: str, known: tuple[Edition, ...]) -> Path | None:
    """The folder of the pages a translated edition translates, or None for the source."""
    if language == known[0].code:
        return None
    return Path(docs_dir).parent


def language_of(path: PurePosixPath, known: tuple[Edition, ...]) -> str:
    """The language of a repository file: that of edition xx for `docs/xx/`, `includes/xx/`.

    A translation's message catalog, `includes/messages/xx.yml`, is in its language too.
    """
    path = PurePosixPath(path)
    parts = path.parts
    for edition in known[1:]:
        if len(parts) > 2 and parts[0] in TEXT_ROOTS and parts[1] == edition.code:
            return edition.code
        if parts[:2] == ("includes", "messages") and path.stem == edition.code:
            return edition.code
    return known[0].code


def translation_folders(known: tuple[Edition, ...]) -> tuple[str, ...]:
    """The folders, under `docs/` and `includes/`, of every edition but the source: ('es',)."""
    return tuple(edition.code for edition in known[1:])
