"""Work the build leaves out where it cannot change anything, with the same pages as a result.

Each shortcut is checked two ways: the work is really skipped, and what a
reader gets (the HTML, the marks, the URLs the checks see) is what the full
work gives.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import markdown
import pytest
import tiny_site
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pymdownx.blocks import BlocksExtension
from tiny_site import page

from nextround.engine import mkdocs_build
from nextround.parse.html import is_malformed
from nextround.render import bundles
from nextround.render.checklist_block import ChecklistExtension
from nextround.render.external_links import CLASS, ExternalLinkExtension

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = "/// checklist | Week one\n    id: week-one\n\n- [ ] Read the guide.\n///\n"
PLAIN_PAGE = "# Notes\n\nA path a\\/b, a [link](x.md) and <https://example.org/>.\n"
EXAMPLES = settings(max_examples=300, deadline=None)
# What `urlsplit` reads in URLs: slashes, brackets and ports, tabs and line breaks.
URL_TEXT = st.text(st.sampled_from("ab:/[]?#@.1\t\n\r %"), max_size=16)


class _AlwaysBlocks(ChecklistExtension):
    """The checklist block as it was: pymdownx Blocks on every document."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        BlocksExtension.extendMarkdown(self, md)


def _md(checklist_extension) -> markdown.Markdown:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(
        extensions=[*config.markdown_extensions, checklist_extension],
        extension_configs=config.mdx_configs,
    )


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # pymdownx.snippets reads includes/ from the working folder


def test_a_page_without_a_block_is_parsed_without_pymdownx_blocks(in_root):
    md = _md(ChecklistExtension())
    md.convert(PLAIN_PAGE)
    assert "blocks" not in md.parser.blockprocessors


@pytest.mark.parametrize(
    "text",
    [
        PLAIN_PAGE,
        "# Week\n\n" + CHECKLIST,
        '!!! tip "Tip"\n\n    ' + CHECKLIST.replace("\n", "\n    "),
        "Text /// with slashes, and `/// checklist` in code.\n",
    ],
)
def test_every_page_renders_as_with_pymdownx_blocks_always_on(in_root, text):
    assert _md(ChecklistExtension()).convert(text) == _md(_AlwaysBlocks()).convert(text)


def test_one_parser_renders_a_checklist_after_a_page_without_one(in_root):
    md = _md(ChecklistExtension())
    md.convert(PLAIN_PAGE)
    md.reset()
    assert 'data-checklist="week-one"' in md.convert(CHECKLIST)


@EXAMPLES
@given(url=URL_TEXT)
def test_a_url_is_malformed_exactly_when_urlsplit_refuses_it(url):
    try:
        urlsplit(url).port  # noqa: B018 - the port is checked only when asked
        refused = False
    except ValueError:
        refused = True
    assert is_malformed(url) is refused


@EXAMPLES
@given(href=URL_TEXT.map(lambda text: text.replace("ab", "https://host", 1)))
def test_a_link_is_marked_external_exactly_when_urlsplit_finds_a_host(href):
    md = markdown.Markdown(extensions=[ExternalLinkExtension()])
    root = ElementTree.Element("div")
    link = ElementTree.SubElement(root, "a", {"href": href})
    md.treeprocessors["nr-external-links"].run(root)
    try:
        parts = urlsplit(href)
        external = parts.scheme in ("http", "https") and bool(parts.netloc)
    except ValueError:
        external = False
    assert (link.get("class") == CLASS) is external


def test_a_render_only_build_parses_only_pages_with_a_checklist(tmp_path, monkeypatch):
    monkeypatch.setenv("NEXT_ROUND_BUILD_CHECKS", "off")
    tiny_site.write_site(
        tmp_path,
        {
            "docs/index.md": page("Home", "# Home\n\n" + CHECKLIST),
            "docs/notes.md": page("Notes", PLAIN_PAGE),
        },
    )
    monkeypatch.chdir(tmp_path)
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    pages = mkdocs_build.current(config).pages
    assert "checklists" in vars(pages["index.md"])  # parsed: it has one
    assert "checklists" not in vars(pages["notes.md"])
    written = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'class="nr-online"' in written and "<svg" in written


def test_each_bundle_feature_is_searched_for_only_on_pages_with_its_word():
    assert set(bundles.WORDS) == set(bundles._TAGS)
    for name, words in bundles.WORDS.items():
        for alternative in bundles._TAGS[name].pattern.split("|"):
            assert any(word in alternative.replace("\\", "") for word in words), name


# Pieces of markup that make (or almost make) the tags the bundles look for.
MARKUP = st.sampled_from(
    ["<table", "<div", " ", ">", '"', 'class="nr-ph', "nr-checklist", "data-nr-plan", "data-"]
)


@EXAMPLES
@given(html=st.lists(MARKUP, max_size=12).map("".join))
def test_the_words_leave_a_page_s_features_as_the_markers_find_them(html):
    found = {name for name, tag in bundles._TAGS.items() if tag.search(html)}
    assert bundles.features(html) == found
