"""Reading ids and links from the Markdown tree finds exactly what parsing the HTML finds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from nextround.parse import html as html_index
from nextround.parse.markdown_tree import PageReader
from nextround.render.checklist_block import ChecklistExtension

ROOT = Path(__file__).resolve().parent.parent

RICH = """\
# Title {#custom-title}

Text with a [link](other.md#part), an ![image](img/a.png "Chart"){#chart} and a
footnote[^1]. Inline raw HTML: <a href="raw/#x" id="inline-anchor">raw</a>.
Write to <jo@example.org> or see <https://example.org/auto>.

<div class="grid" markdown>

[Inside md_in_html](inside.md#y)

<a name="legacy-anchor"></a>

</div>

<p><img src="pic.png" srcset="pic-2x.png 2x, pic-3x.png 3x" alt="Pic"></p>

=== "First tab"

    [Tab link](tab.md)

```python
print("<a href='not-a-link'>")
```

/// checklist | Week one
    id: week-one

- [ ] Read [the guide](guide.md#start).
    A hint under the item.
///

[^1]: The note, with [a link](https://example.org/).
"""


def convert(text: str) -> tuple[html_index.PageHtml, html_index.PageHtml]:
    """(what the tree collected, what parsing the HTML output finds) for `text`."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    reader = PageReader()
    md = markdown.Markdown(
        extensions=[*config.markdown_extensions, ChecklistExtension(), reader],
        extension_configs=config.mdx_configs,
    )
    html = md.convert(text)
    return reader.take(), html_index.read_page(html)


def summary(page: html_index.PageHtml) -> tuple:
    links = Counter((link.tag, link.attribute, link.url) for link in page.links)
    return page.ids, links, page.checklists, page.markup - {("div", "")}


@pytest.fixture(autouse=True)
def _from_the_project_folder(monkeypatch):
    monkeypatch.chdir(ROOT)  # pymdownx.snippets reads includes/ from the working folder


def test_the_tree_and_the_html_agree_on_a_page_with_every_kind_of_link():
    from_tree, from_html = convert(RICH)
    assert summary(from_tree) == summary(from_html)
    assert {"custom-title", "chart", "inline-anchor", "legacy-anchor", "checklist-week-one"} <= (
        from_tree.ids
    )
    urls = {link.url for link in from_tree.links}
    assert {"raw/#x", "inside.md#y", "pic-3x.png", "tab.md", "guide.md#start"} <= urls
    assert {"mailto:jo@example.org", "https://example.org/auto"} <= urls
    assert "not-a-link" not in urls


@pytest.mark.parametrize(
    "page", sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
)
def test_the_tree_and_the_html_agree_on_every_real_page(page):
    text, _meta = get_data((ROOT / "docs" / page).read_text(encoding="utf-8"))
    from_tree, from_html = convert(text)
    assert summary(from_tree) == summary(from_html)
