"""A site that any engine built: its pages read from the written HTML and the Markdown sources.

The layout is MkDocs' (and so ProperDocs' and every engine that reads the same
`mkdocs.yml`): `docs/x.md` is written to `x/index.html`, or `x.html` without
directory URLs, and `index.md` to `index.html`. Only the page's content is
read: the element with the theme's content class (`md-content__inner` for
Material for MkDocs), so navigation, header and footer are the theme's concern.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path, PurePosixPath

from nextround.parse.html import read_page
from nextround.parse.translation_source import find_source
from nextround.site import SiteMap, SourcePage, page_urls

CONTENT_CLASS = "md-content__inner"
# Source folders and files that MkDocs leaves out of a build by default.
_SKIPPED = ("templates",)


def read_pages(
    docs_dir: Path,
    site_dir: Path,
    docs_prefix: str,
    directory_urls: bool = True,
    source: tuple[Path, str] | None = None,
    skipped: tuple[str, ...] = (),
) -> list[SourcePage]:
    """One `SourcePage` per Markdown file of `docs_dir` that was written into `site_dir`.

    For a translated edition, `source` is the source's docs folder and how problems
    name it ('docs/'): each page gets the source page its `source:` names. `skipped`
    names folders of `docs_dir` that are other sites (the translated editions).
    """
    pages = []
    for src_uri in _markdown_files(docs_dir, _SKIPPED + skipped):
        written = site_dir / page_file(src_uri, directory_urls)
        if not written.is_file():
            continue
        content = written.read_text(encoding="utf-8", errors="replace")
        markdown = (docs_dir / src_uri).read_text(encoding="utf-8", errors="replace")
        pages.append(
            SourcePage(
                src_uri=src_uri,
                path=docs_prefix + src_uri,
                url=page_url(src_uri, directory_urls),
                markdown=markdown,
                html=read_page(content, region=CONTENT_CLASS),
                content=content,
                region=CONTENT_CLASS,
                source=find_source(markdown, None, *source) if source else None,
            )
        )
    return pages


def site_map(
    docs_dir: Path, site_dir: Path, pages: list[SourcePage], site_url: str, directory_urls: bool
) -> SiteMap:
    """Every URL the written site serves: its pages, and every other file in `site_dir`."""
    urls: dict[str, str] = {}
    page_files = set()
    for page in pages:
        urls.update(page_urls(page.url, page.src_uri))
        page_files.add(page_file(page.src_uri, directory_urls))
    files = {
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()
    }
    own_files = {path for path in files if (docs_dir / path).is_file()}
    return SiteMap(
        pages=urls,
        anchors={page.src_uri: page.html.ids for page in pages},
        files=frozenset(files - page_files),
        docs={page.src_uri: page.url for page in pages},
        site_url=site_url,
        suggestions=tuple([page.url for page in pages] + sorted(own_files)),
    )


def page_file(src_uri: str, directory_urls: bool) -> str:
    """The HTML file a Markdown page is written to: 'guides/x.md' -> 'guides/x/index.html'."""
    parent, name = posixpath.split(src_uri)
    stem = posixpath.splitext(name)[0]
    if not directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def page_url(src_uri: str, directory_urls: bool) -> str:
    """The URL path of a page from the site root: '' for the home page, 'guides/x/'."""
    written = page_file(src_uri, directory_urls)
    if directory_urls and posixpath.basename(written) == "index.html":
        folder = posixpath.dirname(written)
        return folder + "/" if folder else ""
    return written


def _markdown_files(docs_dir: Path, skipped: tuple[str, ...]) -> list[str]:
    """Docs-relative paths of the Markdown pages, in MkDocs' order (index first, folders last)."""
    found = []
    for folder, subfolders, names in os.walk(docs_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = Path(folder).relative_to(docs_dir).as_posix()
        if relative != "." and relative.split("/")[0] in skipped:
            continue
        for name in names:
            if name.endswith(".md") and not name.startswith("."):
                found.append(name if relative == "." else f"{relative}/{name}")
    return sorted(found, key=_sort_key)


def _sort_key(src_uri: str):
    parts = PurePosixPath(src_uri).parts
    return (parts[:-1], PurePosixPath(src_uri).stem != "index", parts[-1])
