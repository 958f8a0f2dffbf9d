"""The checks inside an MkDocs (or ProperDocs) build: what the adapters in `hooks/` call.

- `start` (from `hooks/render.py`, `on_config`): a fresh `Build` for this
  build, the message catalog of its `theme.language` (`nextround/messages.py`;
  a missing or unreadable one stops the build) and the Markdown extensions: the
  checklist block, the mark on external links (for print) and the page reader.
- `read_source` / `read_rendered` (`on_page_markdown`, `on_page_content`):
  one `SourcePage` per page, its content read from Python-Markdown's tree
  while it renders (so each page is parsed once); guides get their reading time.
  In a translated edition each page's `source:` page is read first, and its
  checklists' item ids go to the checklist block (`parse.translation_source`);
  its pages keep the reader's progress under the source edition's root (the
  folder above theirs), so ticks, notes, details and the plan carry across.
  An include that `pymdownx.snippets` could not read, or that leaves
  `includes/`, is escaped before it renders (`check.snippets`), so the
  checks report it at its line instead of a traceback; a broken
  `auto_append` stops the build at once.
- `fill_registry` (`on_env`): the "My progress" list, the handout booklet and
  the marks for the reader's details in the message templates
  (`render/details.py`), before the checks run, so their links and markup are
  checked too. Each
  rendered checklist gets its printed address and QR code (`render/online.py`)
  in `read_rendered`.
- `give_messages` (`on_env`): the theme's templates get `nr_t` and `nr_date`, the
  interface text and dates of the build's language.
- `brand` / `add_center_files` / `written_page` (`on_config`, `on_files`,
  `on_post_page`): a career center's `extra.center`, checked before anything
  is built; its logo, favicon, colors and own pages; its contacts in the slots.
- `compact_templates` (`on_env`): the theme's templates load without their
  indentation (`render/compact_html.py`), so pages are written without it.
- `add_search_keywords` (`on_post_build`, after Material writes its search
  index and before the offline copy inlines it): each page's `keywords:` and
  their synonyms go into the index (`render/search_keywords.py`), and our
  search worker gets Material's and its language support
  (`bundle_search_worker`). The index names the keywords' field itself
  (`name_keywords_field`, `on_env`), so a build without keywords leaves it as
  Material wrote it.
- `offline`: with Material's offline plugin on, the Web Worker shim comes from
  tools/node_modules, not unpkg.com.
- `check` (from `hooks/check.py`, `on_env`, after every other hook): runs
  `site.check_site`, logs each finding as a warning through the plugin logger
  (so `--strict` counts it) and stops the build before any page is written.
  It counts findings itself, so `-q` and `-v` cannot hide them.

HTML that another plugin adds after Markdown is not read here; `make check`
reads the built pages and sees it.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pathspec
from markupsafe import Markup
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from nextround.center import Center, CenterError, read_center
from nextround.check.snippets import SnippetCheck, without_refused
from nextround.editions import editions, source_docs_dir
from nextround.engine import editions_build
from nextround.findings import Report
from nextround.messages import Catalog, CatalogError, load
from nextround.parse.checklists import Checklist, id_problem, parse
from nextround.parse.html import read_page
from nextround.parse.markdown_tree import PageReader
from nextround.parse.snippets import Snippets, shown_path
from nextround.parse.translation_source import SourceText, find_source
from nextround.render import (
    bundles,
    dates,
    details,
    handouts,
    inline_scripts,
    material_assets,
    online,
    search_keywords,
    search_languages,
)
from nextround.render.center_slots import center_css, fill_slots
from nextround.render.checklist_block import ChecklistExtension
from nextround.render.compact_html import CompactLoader
from nextround.render.external_links import ExternalLinkExtension
from nextround.render.progress_registry import MARKER, Entry, render_registry
from nextround.render.reading_time import add_reading_time
from nextround.site import SiteMap, SourcePage, check_site, page_urls
from nextround.text import not_utf8
from nextround.urls import folder_of, relative_url

log = get_plugin_logger("next-round")


@dataclass
class Build:
    """What one build has read so far."""

    config: object
    reader: PageReader = field(default_factory=PageReader)
    pages: dict[str, SourcePage] = field(default_factory=dict)
    nav_order: dict[str, int] = field(default_factory=dict)
    report: Report | None = None
    center: Center | None = None
    snippets: Snippets = field(default_factory=lambda: Snippets([]))
    synonyms: search_keywords.Synonyms = field(default_factory=search_keywords.Synonyms)
    keywords: dict[str, list[str]] = field(default_factory=dict)
    """A page's location in the search index -> its keywords and their synonyms."""
    carried: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The page being rendered, if translated: checklist id -> its source's item ids."""
    catalog: Catalog = field(default_factory=lambda: Catalog("en", ""))
    """The interface text of the build's language."""
    bundler: bundles.Bundler = field(default_factory=bundles.Bundler)
    assets: dict[str, bundles.PageAssets] = field(default_factory=dict)
    """A page's source path -> the stylesheet and script it loads."""
    edition: editions_build.EditionBuild | None = None
    """The edition this build makes (`engine/editions_build.py`)."""
    source_dir: Path | None = None
    """In a translated edition, the source edition's docs folder (`_translated`)."""
    offline: bool = False
    """Whether Material's offline plugin is on (`offline`), read once per build."""
    texts: dict[str, str] = field(default_factory=dict)
    """A page's source path -> its file as read (`read_file`), until `read_source` keeps it."""


# The favicon, drawn from the logo icon in our primary color (docs/stylesheets/base.css),
# in place of Material's default file.
LOGO_COLOR = "#00695c"
DEFAULT_FAVICON = material_assets.DEFAULT_FAVICON
CENTER_LOGO = "assets/center/logo"
CENTER_FAVICON = "assets/center/favicon"
# The offline copy's Web Worker shim, from the npm registry (tools/package-lock.json
# pins it): Material would load it from unpkg.com.
SHIM = Path(__file__).resolve().parents[2] / "tools/node_modules/iframe-worker/shim/index.js"
SHIM_URI = "assets/javascripts/iframe-worker/shim.js"

# Where a translated edition (built into the source's `site/xx/`) finds the source's root,
# whose localStorage key its pages share (`progress-store.js`, read from the page's __config).
PROGRESS_ROOT = ".."

_current: Build | None = None


def start(config):
    """Begin a build: a fresh `Build`, and our Markdown extensions."""
    global _current
    _current = Build(config)
    catalog = _current.catalog = _catalog(config)
    _current.edition = editions_build.start(config)
    _current.bundler.messages = catalog.texts()
    config.markdown_extensions += [
        ChecklistExtension(
            note_line=catalog.t("print.note-line"),
            item_ids=lambda checklist_id: _current.carried.get(checklist_id, ()),
            language=catalog.language,
        ),
        ExternalLinkExtension(),
        _current.reader,
    ]
    _current.source_dir = _translated(config)
    _current.offline = offline(config)
    if _current.source_dir:
        config.extra["progress_root"] = PROGRESS_ROOT
    brand(_current, config)
    _current.snippets = _checked_snippets(config)
    _current.bundler.palette_css = material_assets.palette_css(config.theme.get("palette"))
    if config.theme.get("favicon") == DEFAULT_FAVICON:
        icon = (config.theme.get("icon") or {}).get("logo", "material/library")
        config.theme["favicon"] = material_assets.favicon(icon, LOGO_COLOR) or DEFAULT_FAVICON
    try:
        _current.synonyms = _synonyms(config)
    except search_keywords.SynonymError as error:
        lines = "\n".join(f"  {problem}" for problem in error.problems)
        raise Abort(f"The search synonym list needs a fix; nothing was built.\n{lines}") from None
    if _current.offline:
        if not SHIM.is_file():
            raise Abort(
                f"The offline copy needs {SHIM}; run `make offline` (it runs npm ci in tools/)."
            )
        config.extra["polyfills"] = [SHIM_URI]
    return config


def _synonyms(config) -> search_keywords.Synonyms:
    """The synonym list of the build's edition (`render/search_keywords.py`), if it has one."""
    language = config.theme.get("language") or "en"
    path = search_keywords.synonyms_file(language, editions(config.extra)[0].code)
    if not path.is_file():
        return search_keywords.Synonyms()
    shown = path.relative_to(search_keywords.INCLUDES.parent).as_posix()
    return search_keywords.load_synonyms(path, shown)


def _catalog(config) -> Catalog:
    """The message catalog of the build's language; a setup error when it cannot be read."""
    try:
        return load(config.theme.get("language") or "en")
    except CatalogError as error:
        raise Abort(
            f"{config.config_file_path or 'mkdocs.yml'}: the interface text needs a fix; "
            f"nothing was built.\n  {error}"
        ) from None


def _checked_snippets(config) -> Snippets:
    """The site's snippets; a setup error if one appended to every page cannot be included."""
    found = snippets(config)
    problems = [
        f"auto_append: '{name}' {refusal.problem}. {refusal.fix}"
        for name in found.appended
        if (refusal := found.refusal(name))
    ]
    check = SnippetCheck(found)
    for name in found.appended:
        if (text := found(name)) is not None:
            problems += map(str, check.check(shown_path(found.path(name)), text))
    if problems:
        lines = "\n".join(f"  {problem}" for problem in problems)
        raise Abort(
            f"{config.config_file_path or 'mkdocs.yml'}: the snippets that pymdownx.snippets "
            f"adds to every page need a fix; nothing was built.\n{lines}"
        )
    return found


def offline(config) -> bool:
    """Whether Material's offline plugin is on in this build."""
    return any(
        name.endswith("offline") and plugin.config.enabled
        for name, plugin in config.plugins.items()
    )


def brand(build: Build, config) -> None:
    """Check `extra.center`; point the theme at the center's logo, favicon and colors."""
    config_file = config.config_file_path or "mkdocs.yml"
    try:
        center = build.center = read_center(config.extra.get("center"), Path(config_file).parent)
    except CenterError as error:
        lines = "\n".join(f"  {problem}" for problem in error.problems)
        raise Abort(
            f"{config_file}: the career center settings under extra.center need a fix; "
            f"nothing was built.\n{lines}"
        ) from None
    if center is None:
        return
    if center.logo:
        config.theme["logo"] = CENTER_LOGO + center.logo.suffix.lower()
    if center.favicon:
        config.theme["favicon"] = CENTER_FAVICON + center.favicon.suffix.lower()
    if center.primary or center.accent:
        build.bundler.center_css = center_css(center)
    if center.add_to_nav or center.hide_from_nav:
        _arrange_nav(config, center)


def _arrange_nav(config, center: Center) -> None:
    """Our menu with the center's pages added at the end and the pages it hides left out.

    A hidden page is still built (MkDocs' `not_in_nav`), so links to it keep working.
    """
    hidden = set(center.hide_from_nav)
    config.nav = _without(config.nav or [], hidden) + [
        {title: path} for title, path in center.add_to_nav
    ]
    spec = pathspec.GitIgnoreSpec.from_lines(f"/{path}" for path in sorted(hidden))
    config.not_in_nav = spec if config.not_in_nav is None else config.not_in_nav + spec


def _without(items: list, hidden: set[str]) -> list:
    """Nav entries (strings, `{title: path}` or `{title: [entries]}`) minus the hidden pages."""
    kept = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            kept.append({next(iter(item)): _without(value, hidden)})
        elif value not in hidden:
            kept.append(item)
    return kept


def add_center_files(files, config):
    """Add the center's logo, favicon and pages; leave out what the bundles and partials hold."""
    if offline(config):
        files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
    center = current(config).center
    if center is not None:
        _add_center(files, config, center)
    for file in list(files):
        if file.src_uri in bundles.SOURCE_URIS or file.src_uri.startswith(
            inline_scripts.SOURCE_PREFIX
        ):
            files.remove(file)
    return files


def add_edition_files(files, config):
    """A translated edition: add the source's files it has no translation of."""
    editions_build.add_source_files(current(config).edition, files, config)
    return files


def compact_templates(env) -> None:
    """Load the theme's templates without their indentation, so pages are written without it."""
    env.loader = CompactLoader(env.loader)
    if env.cache is not None:
        env.cache.clear()  # Nothing the theme loaded before stays indented.


def edition_globals(env, config) -> None:
    """Let templates name the page's editions and the notice on an untranslated page."""
    build = current(config)
    editions_build.template_globals(build.edition, env, config, build.catalog)


def bundle_assets(env, files, config) -> None:
    """Give each page the stylesheet and script its content uses; let templates name them."""
    build = current(config)
    try:
        for file in files.documentation_pages():
            page_features = bundles.features(file.page.content or "")
            build.assets[file.src_uri] = build.bundler.assets(page_features)
        base = build.bundler.assets(frozenset())
    except bundles.MissingModuleError as error:
        raise PluginError(str(error)) from None
    for uri, text in build.bundler.written.items():
        if files.get_file_from_path(uri) is None:
            files.append(File.generated(config, uri, content=text))
    env.globals["nr_assets"] = lambda page=None: build.assets.get(
        getattr(getattr(page, "file", None), "src_uri", None), base
    )
    env.globals["nr_inline_script"] = inline_scripts.script


def give_messages(env, config) -> None:
    """Let the theme's templates write the build's interface text and dates.

    `nr_t("key", name=html)` is `Catalog.markup`: the text escaped, each `{name}` filled
    with the HTML given; `nr_date(day)` writes a date out (`render/dates.py`), and
    gives a value that is not a date back as it is.
    """
    catalog = current(config).catalog
    env.globals["nr_t"] = lambda key, **html: Markup(catalog.markup(key, **html))
    env.globals["nr_date"] = lambda day: (
        dates.long_date(day, catalog) if isinstance(day, date) else str(day)
    )


def _add_center(files, config, center: Center) -> None:
    """Add the center's files; each replaces ours of the same path."""
    generated = []
    if center.logo:
        generated.append((config.theme["logo"], center.logo))
    if center.favicon:
        generated.append((config.theme["favicon"], center.favicon))
    for src_uri, source in generated:
        files.append(File.generated(config, src_uri, abs_src_path=str(source)))
    if center.pages:
        for path in sorted(p for p in center.pages.rglob("*") if p.is_file()):
            src_uri = path.relative_to(center.pages).as_posix()
            if (ours := files.get_file_from_path(src_uri)) is not None:
                files.remove(ours)
            files.append(
                File(src_uri, str(center.pages), config.site_dir, config.use_directory_urls)
            )


def written_page(output: str, config) -> str:
    """The page as written: the center's contacts in its slots."""
    build = current(config)
    return fill_slots(output, build.center, build.catalog)


def current(config) -> Build:
    """The build of `config`; a setup error when `hooks/render.py` did not start it."""
    if _current is None or _current.config is not config:
        raise PluginError(
            "hooks/check.py checks what hooks/render.py reads, but hooks/render.py is not "
            "listed under 'hooks:' in mkdocs.yml; add it."
        )
    return _current


def read_file(page, config) -> str:
    """The page's file as text, read once for the engine and for the checks.

    A file that is not UTF-8 stops the build with its path and line, not a traceback.
    """
    file = page.file
    try:
        text = file.content_string
    except UnicodeDecodeError as error:
        raise PluginError(not_utf8(_source_path(file, config), file.content_bytes, error)) from None
    current(config).texts[file.src_uri] = text
    return text


def read_source(markdown: str, page, config) -> str:
    """Keep the page's Markdown source and where it is served; return what the engine renders.

    That is `markdown` with each include that cannot be read escaped (see `check.snippets`).
    """
    build = current(config)
    src_uri = page.file.src_uri
    text = build.texts.pop(src_uri)  # read by `read_file`, which every engine's build calls first
    path = _source_path(page.file, config)
    if not path.startswith(docs_prefix(config)):
        page.edit_url = None  # A center's own page is not in our repository.
    build.pages[src_uri] = source = SourcePage(
        src_uri=src_uri,
        path=path,
        url=_url_path(page.file.url),
        markdown=text,
        meta=page.meta,
        source=_translated_from(text, page, build.source_dir, config),
    )
    original = source.source.markdown if source.source is not None else None
    build.carried = {
        checklist.id: tuple(item.id for item in checklist.items)
        for checklist in (parse(original)[0] if original and "checklist" in original else [])
    }
    keywords = page.meta.get("keywords")
    if isinstance(keywords, list):
        texts = [str(word) for word in keywords if isinstance(word, str | int | float)]
        build.keywords[page.url] = search_keywords.expand(texts, build.synonyms)
    return without_refused(markdown, build.snippets) if "8<" in markdown else markdown


def _translated(config) -> Path | None:
    """In a translated edition, the docs folder of the source edition; else None."""
    language = config.theme.get("language") or "en"
    return source_docs_dir(Path(config.docs_dir), language, editions(config.extra))


def _translated_from(text: str, page, source_dir: Path | None, config) -> SourceText | None:
    """In a translated edition (from `source_dir`), the source page `page` names in `source:`.

    `text` is the page's file.
    """
    if source_dir is None:
        return None
    prefix = _docs_prefix(config.config_file_path or "mkdocs.yml", str(source_dir))
    return find_source(text, page.meta, source_dir, prefix)


def bundle_search_worker(config) -> None:
    """Material's search worker and its languages, into ours (`render/search_languages`)."""
    search = _search_plugin(config)
    languages = (search.config.get("lang") if search else None) or []
    search_languages.bundle_worker(Path(config.site_dir), list(languages))


def add_search_keywords(config) -> None:
    """Put each page's keywords into the search index Material wrote, if it wrote one.

    With no keyword on any page, an index whose fields already include the keywords'
    is left as Material wrote it: adding nothing would write the same text again.
    """
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not index.is_file():
        return
    keywords = current(config).keywords
    if not any(keywords.values()) and search_keywords.FIELD in (_search_fields(config) or {}):
        return
    text = search_keywords.add_keywords(index.read_text(encoding="utf-8"), keywords)
    index.write_text(text, encoding="utf-8")


def name_keywords_field(config) -> None:
    """Have Material's index name the keywords' field, with `BOOST` unless mkdocs.yml sets one.

    After Material's `on_config` has added its own fields, so the index lists them first,
    as `add_keywords` would.
    """
    fields = _search_fields(config)
    if isinstance(fields, dict):
        fields.setdefault(search_keywords.FIELD, {"boost": search_keywords.BOOST})


def _search_plugin(config):
    """Material's search plugin, if the build has it."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_fields(config) -> dict | None:
    """The fields of Material's search index (`plugins: search: fields:`), if it has them."""
    search = _search_plugin(config)
    return search.config.get("fields") if search else None


def read_rendered(html: str, page, config) -> str:
    """Keep what the page's content holds; return it with the reading time on guides.

    In the offline copy, the page's canonical address (its link, its print header,
    the calendar's link back) is the one it has online, not its file's.
    """
    build = current(config)
    if page.canonical_url and build.offline:
        page.canonical_url = online.online_address(config.site_url, _online_url(page.url, build))
    source = build.pages.get(page.file.src_uri)
    if source is None:
        return html
    source.html = build.reader.take()
    if "last_reviewed" in page.meta:
        html = add_reading_time(html, build.catalog)
    address = (config.site_url or "", _online_url(source.url, build))
    source.content = html = _add_online(source, html, address, build.catalog)
    return editions_build.mark_untranslated(build.edition, html, page)


def _add_online(source: SourcePage, html: str, page: tuple[str, str], catalog: Catalog) -> str:
    """Fill each checklist's address marker with its printed address and QR code.

    `page` is the site's `site_url` and the page's path on it online.
    """
    site_url, page_url = page
    if online.MARKER_ATTRIBUTE not in html:
        return html  # No checklist rendered here: the page's source is not parsed for one.
    label = catalog.t("online.checklist")
    for checklist in source.checklists[0]:
        if id_problem(checklist.options.get("id", "")):
            continue  # Not rendered; the checks report it.
        marker = online.marker(checklist.id)
        if marker not in html:
            continue  # Read in the source, but not rendered; the checks report it.
        address = online.online_address(site_url, page_url, f"checklist-{checklist.id}")
        block = online.render_online(address, label)
        if block:
            links, markup = _online_parts(label)
            source.html.links += links
            source.html.markup |= markup
        html = html.replace(marker, block)
    return html


def _online_url(url: str, build: Build) -> str:
    """A page's path on the site online: an offline build's file name made a folder's."""
    return online.online_page_url(url) if build.offline else url


def _added(source: SourcePage, html: str) -> str:
    """`html`, which the build adds to `source`, with its links and markup kept for the checks."""
    added = read_page(html)
    source.html.links += added.links
    source.html.markup |= added.markup
    return html


@functools.cache
def _online_parts(label: str) -> tuple[tuple, frozenset]:
    """The links and markup of a printed address block, which are the same for every address."""
    page = read_page(online.render_online("https://example.org/a/#b", label))
    return tuple(page.links), frozenset(page.markup)


def remember_nav(nav, config) -> None:
    """Keep the reading order of the pages, for the progress list."""
    current(config).nav_order = {page.file.src_uri: index for index, page in enumerate(nav.pages)}


def fill_registry(files, config) -> None:
    """Write the list of every checklist, and the booklet, into the pages that ask for them."""
    build = current(config)
    entries, plan = [], []
    for source in _in_reading_order(build):
        title = files.get_file_from_path(source.src_uri).page.title or ""
        for checklist in _checklists(source):
            entries.append(Entry(checklist, source.url, title))
            if source.src_uri == handouts.PLAN_PAGE:
                plan.append(entries[-1])
    form = next((page for page in build.pages.values() if details.has_form(page.content)), None)
    for source in build.pages.values():
        page = files.get_file_from_path(source.src_uri).page
        content = page.content or ""
        if MARKER in content:
            registry = render_registry(source.url, entries, build.catalog)
            content = content.replace(MARKER, _added(source, registry))
        if handouts.MARKER in content:
            site = (config.site_name, config.site_url or "")
            booklet = handouts.render_handouts(
                _online_url(source.url, build),
                [_online_entry(entry, build) for entry in entries],
                [_online_entry(entry, build) for entry in plan],
                site,
                build.catalog,
            )
            content = content.replace(handouts.MARKER, _added(source, booklet))
        content = _add_details(source, content, form, build.catalog)
        if content != (page.content or ""):
            page.content = source.content = content


def _online_entry(entry: Entry, build: Build) -> Entry:
    """`entry` with the path its page has online, which the booklet prints."""
    return replace(entry, page_url=_online_url(entry.page_url, build))


def _checklists(source: SourcePage) -> list[Checklist]:
    """The page's checklists; a source without the word has none, so it is not parsed here.

    (Each one opens with a line '/// checklist', `parse.checklists`.)
    """
    return source.checklists[0] if "checklist" in source.markdown else []


def _add_details(
    source: SourcePage, content: str, form: SourcePage | None, catalog: Catalog
) -> str:
    """`content` with its placeholders marked and linked to the details form, if a page has it."""
    href = None
    if form is not None:
        href = "" if form is source else relative_url(form.url, folder_of(source.url))
        href += "#" + details.FORM_ID
    marked = details.add_details(content, href, catalog)
    if href is not None and (link := details.fill_link(href, catalog)) in marked:
        _added(source, link)
    return marked


def check(files, config) -> None:
    """Run every check; log each finding; stop the build if there is any."""
    build = current(config)
    site = site_map(files, config, {src: p.html.ids for src, p in build.pages.items()})
    report = build.report = check_site(
        (
            build.pages[file.src_uri]
            for file in files.documentation_pages()
            if file.src_uri in build.pages
        ),
        site,
        date.today(),
        build.snippets,
        catalog=build.catalog,
    )
    for finding in sorted(report.findings):
        log.warning(str(finding))
    for note in report.review_due:
        log.info(str(note))
    if not report.findings:
        return
    if log.isEnabledFor(logging.WARNING):
        raise Abort(f"{report.abort_message()} Fix the lines listed above.")
    # `-q` hides warnings, so the findings travel with the message.
    raise Abort(f"{report.abort_message()} Fix these lines:\n" + "\n".join(report.lines()))


def site_map(files, config, anchors: dict[str, set[str]]) -> SiteMap:
    """Everything the built site will serve, from the MkDocs file collection."""
    pages: dict[str, str] = {}
    docs: dict[str, str] = {}
    other: set[str] = set()
    suggestions: list[str] = []
    for file in files:
        if file.inclusion.is_excluded():
            continue
        url = _url_path(file.url)
        if file.is_documentation_page():
            pages.update(page_urls(url, file.src_uri))
            docs[file.src_uri] = url
            suggestions.append(url)
        else:
            other.add(url)
            if file.abs_src_path and file.abs_src_path.startswith(config.docs_dir):
                suggestions.append(url)
    other.update(config.theme.static_templates)
    other.update(config.extra_templates)
    return SiteMap(
        pages=pages,
        anchors=anchors,
        files=frozenset(other),
        docs=docs,
        site_url=config.site_url or "",
        suggestions=tuple(suggestions),
    )


def docs_prefix(config) -> str:
    """The docs folder relative to the folder of the config file, with a final slash."""
    return _docs_prefix(config.config_file_path or "mkdocs.yml", config.docs_dir)


@functools.lru_cache(maxsize=8)
def _docs_prefix(config_file: str, docs_dir: str) -> str:
    base = os.path.dirname(os.path.abspath(config_file))
    relative = os.path.relpath(docs_dir, base).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def snippets(config) -> Snippets:
    """The files `pymdownx.snippets` reads: base paths from the working folder, as it takes them."""
    options = (config.mdx_configs or {}).get("pymdownx.snippets", {})
    bases = options.get("base_path", ["."])
    appended = options.get("auto_append") or []
    return Snippets(
        [bases] if isinstance(bases, str) else bases,
        [appended] if isinstance(appended, str) else appended,
    )


def _source_path(file, config) -> str:
    """Where a page's Markdown lives, as problems name it: `docs/x.md`, or a center's own page."""
    if file.abs_src_path and not file.abs_src_path.startswith(os.path.abspath(config.docs_dir)):
        return os.path.relpath(file.abs_src_path).replace(os.sep, "/")
    return docs_prefix(config) + file.src_uri


def _in_reading_order(build: Build) -> list[SourcePage]:
    last = len(build.nav_order)
    return sorted(build.pages.values(), key=lambda page: build.nav_order.get(page.src_uri, last))


def _url_path(url: str) -> str:
    """A MkDocs file URL as a plain path from the site root; the home page is ''."""
    url = unquote(url)
    return "" if url == "./" else url
