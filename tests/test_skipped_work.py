"""Work the build leaves out where it cannot change anything, with the same pages as a result.

Each shortcut is checked two ways: the work is really skipped, and what a
reader gets (the HTML, the marks, the URLs the checks see) is what the full
work gives.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from pymdownx.blocks import BlocksExtension

from nextround.render.checklist_block import ChecklistExtension

ROOT = Path(__file__).resolve().parent.parent
CHECKLIST = "/// checklist | Week one\n    id: week-one\n\n- [ ] Read the guide.\n///\n"
PLAIN_PAGE = "# Notes\n\nA path a\\/b, a [link](x.md) and <https://example.org/>.\n"


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
