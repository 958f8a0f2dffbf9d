"""The editions inside an MkDocs build: which edition this is, and the pages it borrows.

- `start` (`on_config`): the build's edition, from `theme.language` and
  `extra.languages`; Material's language selector turned on when the site has
  more than one edition (`extra.alternate`, whose links `nr_alternates` makes
  per page, in `overrides/partials/alternate.html`).
- `add_source_files` (`on_files`): a translated edition takes every file of the
  source's `docs/` it has no translation of (pages, the download, the
  scripts and styles our bundles read), so an untranslated page is served at
  its English path from the English text, never a 404.
- `mark_untranslated` (`on_page_content`): such a page's content in
  `lang="en"`, and `nr_untranslated(page)` gives the notice above it.
- `template_globals` (`on_env`): `nr_alternates(page)` for the switcher and
  the sitemap, `nr_hreflang(page)` for the `hreflang` links of the head;
  `nr_not_found`, the 404 page's heading in the edition's language.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.structure.files import File, InclusionLevel

from nextround.editions import Edition, editions, source_docs_dir, translation_folders
from nextround.messages import Catalog
from nextround.render.alternates import alternates, edition, hreflang_links


@dataclass
class EditionBuild:
    """The edition one build makes, and the pages it shows from the source."""

    here: Edition
    known: tuple[Edition, ...]
    source_docs: Path | None = None
    """The source's docs folder, for a translated edition; None for the source."""
    borrowed: set[str] = field(default_factory=set)
    """Pages shown from the source text: their `src_uri`s."""


def start(config) -> EditionBuild:
    """The edition this build makes; the switcher on when there is more than one."""
    known = editions(config.extra)
    here = edition(config.theme.get("language") or known[0].code, known)
    source = source_docs_dir(Path(config.docs_dir), here.code, known)
    if len(known) > 1 and not config.extra.get("alternate"):
        config.extra["alternate"] = [{"name": item.name, "lang": item.code} for item in known]
    return EditionBuild(here, known, source if source and source.is_dir() else None)


def add_source_files(build: EditionBuild, files, config) -> None:
    """Add the source's files this edition has no translation of."""
    if build.source_docs is None:
        return
    skipped = tuple(folder + "/" for folder in translation_folders(build.known))
    for folder, subfolders, names in os.walk(build.source_docs):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative = Path(folder).relative_to(build.source_docs).as_posix()
        for name in sorted(names):
            src_uri = name if relative == "." else f"{relative}/{name}"
            if name.startswith(".") or src_uri.startswith(skipped):
                continue
            if files.get_file_from_path(src_uri) is not None:
                continue
            file = File(src_uri, str(build.source_docs), config.site_dir, config.use_directory_urls)
            if file.is_documentation_page():
                build.borrowed.add(src_uri)
                # A new English page the edition's nav does not list yet is still built.
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)


def mark_untranslated(build: EditionBuild, html: str, page) -> str:
    """A borrowed page's content, marked as written in the source language."""
    if page.file.src_uri not in build.borrowed:
        return html
    return f'<div lang="{build.known[0].code}">\n{html}\n</div>'


def template_globals(build: EditionBuild, env, config, catalog: Catalog) -> None:
    """Give the templates the page's editions and the notice of a borrowed page."""
    home = "" if config.use_directory_urls else "index.html"

    def missing_from(page) -> frozenset[str]:
        """The source edition, when this page is a translation with no source page."""
        if build.source_docs is None or page is None:
            return frozenset()
        src_uri = page.file.src_uri
        from_docs = (page.file.abs_src_path or "").startswith(str(config.docs_dir))
        if from_docs and not (build.source_docs / src_uri).is_file():
            return frozenset({build.known[0].code})
        return frozenset()

    found_for: dict[str | None, list] = {}  # a page's alternates, asked for by three templates

    def page_alternates(page=None):
        key = None if page is None else page.file.src_uri
        if key not in found_for:
            url = getattr(page, "url", "") or ""
            found = alternates(
                url, build.here, build.known, config.site_url or "", missing_from(page), home
            )
            if page is None:  # The 404 page, served at any depth: paths from the site's root.
                found = [replace(item, href=urlsplit(item.url).path or item.href) for item in found]
            found_for[key] = found
        return found_for[key]

    def head_links(page=None):
        if page is None:  # The 404 page is no page to index.
            return []
        return hreflang_links(page_alternates(page), missing_from(page))

    def untranslated(page=None):
        if page is None or page.file.src_uri not in build.borrowed:
            return ""
        source = next(item for item in page_alternates(page) if item.edition == build.known[0])
        link = f'<a href="{source.href}" hreflang="{source.edition.code}">'
        return catalog.markup("edition.untranslated", link=link, end="</a>")

    env.globals["nr_alternates"] = page_alternates
    env.globals["nr_hreflang"] = head_links
    env.globals["nr_untranslated"] = untranslated
    env.globals["nr_not_found"] = catalog.t("not-found.title")
