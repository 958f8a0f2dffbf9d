"""Render our Markdown: checklists, reading times and the progress list.

Events: `on_config` adds the `/// checklist` block and the page reader, and checks
a career center's `extra.center`; `on_files` adds its logo and pages and
leaves out the sources of our bundles;
`on_page_read_source` reads each page's file once, for the engine and for us,
`on_page_markdown` and `on_page_content` read each page once; `on_nav` keeps
the reading order; `on_env` loads the theme's templates without their
indentation, writes the list of checklists into "My progress", gives each page
the one script and stylesheet its content uses, its editions, and the templates
their interface text, and names the keywords' field for the search index;
`on_post_page` and `on_post_template` put the center's contacts into their slots;
`on_post_build` adds the pages' search keywords to Material's search index, and
Material's search worker and the index's language support to ours.
The work is in `nextround/engine/mkdocs_build.py`.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the `nextround` package

from mkdocs.plugins import event_priority

from nextround.engine import mkdocs_build


@event_priority(100)
def on_config(config):
    """Start this build's record and add our Markdown extensions."""
    return mkdocs_build.start(config)


def on_nav(nav, config, files):
    """Keep the reading order of the pages."""
    mkdocs_build.remember_nav(nav, config)


@event_priority(100)  # First: a plugin after it may still give the engine other text.
def on_page_read_source(page, config):
    """Read the page's file once, for the engine and for the checks."""
    return mkdocs_build.read_file(page, config)


def on_page_markdown(markdown, page, config, files):
    """Keep the page's source; escape the includes that cannot be read."""
    return mkdocs_build.read_source(markdown, page, config)


def on_page_content(html, page, config, files):
    """Keep what the page renders to; add the reading time to guides."""
    return mkdocs_build.read_rendered(html, page, config)


def on_env(env, config, files):
    """Compact the templates; list the checklists; give pages their bundles, templates text.

    And name the keywords' field for the search index Material writes after this.
    """
    mkdocs_build.compact_templates(env)
    mkdocs_build.fill_registry(files, config)
    mkdocs_build.bundle_assets(env, files, config)
    mkdocs_build.give_messages(env, config)
    mkdocs_build.edition_globals(env, config)
    mkdocs_build.name_keywords_field(config)


def on_files(files, config):
    """Add the English files a translation lacks and a center's files; drop bundle sources."""
    mkdocs_build.add_edition_files(files, config)
    return mkdocs_build.add_center_files(files, config)


def on_post_page(output, page, config):
    """Put the career center's contacts into the page's slots."""
    return mkdocs_build.written_page(output, config)


def on_post_template(output_content, template_name, config):
    """The same for the 404 page and the sitemap."""
    return mkdocs_build.written_page(output_content, config)


@event_priority(-50)  # After Material's search writes the index, before offline inlines it.
def on_post_build(config):
    """Add the pages' search keywords to the index; put Material's worker and languages in ours."""
    mkdocs_build.add_search_keywords(config)
    mkdocs_build.bundle_search_worker(config)
