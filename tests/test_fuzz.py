"""Property-based fuzzing of the parsers and checks, and random whole-site builds.

Properties: no input makes a parser or a check raise; every checklist the
parser finds is the one that renders, item for item; and a random site either
builds or fails with `docs/x.md:N:` lines, never with a traceback. Each test
is bounded (`max_examples`); in CI the examples are derandomized, so a run is
repeatable, and locally they vary, so new cases keep being tried.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import markdown
import pytest
import tiny_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from nextround.check.checklists import check_checklist, check_rendered
from nextround.check.front_matter import check_metadata
from nextround.check.links import SiteMap, check_page
from nextround.check.raw_html import check_markup
from nextround.parse import checklists as checklist_source
from nextround.parse.html import read_page
from nextround.parse.markdown_tree import PageReader
from nextround.parse.source_lines import SourceLines
from nextround.render.checklist_block import ChecklistExtension

ROOT = Path(__file__).resolve().parent.parent
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SITE = SiteMap(
    pages={"": "index.md", "index.html": "index.md", "plan/": "plan.md"},
    anchors={"index.md": {"top-part"}, "plan.md": {"week-1"}},
    files=frozenset({"img/a.png"}),
    docs={"index.md": "", "plan.md": "plan/"},
    site_url="https://nextround.example.org/",
    suggestions=("", "plan/", "img/a.png"),
)

# Pieces of Markdown that meet at checklist boundaries: fences, comments, containers.
WORDS = st.sampled_from(["Read", "the", "guide", "Écrire", "письмо", "🎉", "[x](a.md)", "Q&A"])
ITEM_TEXT = st.lists(WORDS, min_size=0, max_size=5).map(" ".join)
MARKER = st.sampled_from(["- [ ] ", "* [ ] ", "1. [ ] ", "- [x] ", "-[ ] ", "- [ x] ", "- "])
ID_VALUE = st.sampled_from(["week-one", "yes", "007", "Bad_ID", "", "on", "a" * 70, "wk-2"])


@st.composite
def checklist_blocks(draw) -> str:
    items = draw(st.lists(st.tuples(MARKER, ITEM_TEXT), min_size=0, max_size=4))
    indent = draw(st.sampled_from(["    ", "  ", " ", ""]))
    lines = [f"/// checklist | {draw(ITEM_TEXT)}", f"{indent}id: {draw(ID_VALUE)}", ""]
    lines += [marker + text for marker, text in items]
    if draw(st.booleans()):
        lines.append("///")
    return "\n".join(lines) + "\n"


@st.composite
def pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        block = draw(checklist_blocks())
        wrap = draw(st.sampled_from(["plain", "fence", "long-fence", "comment", "tip", "tab"]))
        if wrap == "fence":
            block = f"```markdown\n{block}```\n"
        elif wrap == "long-fence":
            block = f"````\n```\n{block}```\n````\n"
        elif wrap == "comment":
            block = f"<!--\n{block}-->\n"
        elif wrap in ("tip", "tab"):
            opener = '!!! tip "Tip"' if wrap == "tip" else '=== "Tab"'
            body = "".join(
                f"    {line}" if line.strip() else line for line in block.splitlines(True)
            )
            block = f"{opener}\n\n{body}"
        parts.append(block)
    return "\n".join(parts)


@pytest.fixture(scope="module")
def renderer():
    config = load_config(str(ROOT / "mkdocs.yml"))

    def render(text: str) -> dict[str, tuple[str, ...]]:
        reader = PageReader()
        md = markdown.Markdown(
            extensions=[*config.markdown_extensions, ChecklistExtension(), reader],
            extension_configs=config.mdx_configs,
        )
        md.convert(text)
        return {key: tuple(items) for key, items in reader.take().checklists.items()}

    return render


@FUZZ
@given(st.text(max_size=400))
def test_no_text_makes_the_checklist_parser_or_checks_raise(text):
    checklists, _problems = checklist_source.parse(text)
    for checklist in checklists:
        check_checklist("docs/x.md", checklist)


@FUZZ
@given(text=pages())
def test_what_the_parser_finds_is_what_renders(text, renderer, monkeypatch):
    monkeypatch.chdir(ROOT)  # pymdownx.snippets reads includes/ from the working folder
    parsed, problems = checklist_source.parse(text)
    rendered = renderer(text)
    findings = check_rendered("docs/x.md", parsed, rendered)
    # A block that renders is always one the parser read, item for item; a block the
    # parser read but that does not render is reported, never listed silently. Past a
    # block left open, the parser's reading stops counting: that block is reported.
    assert not [f for f in findings if "renders on the page but" in f.message], text
    valid = {c.id for c in parsed if not checklist_source.id_problem(c.options.get("id", ""))}
    unrendered = {f.message.split("'")[1] for f in findings if "does not render" in f.message}
    if all(c.closed for c in parsed):
        assert set(rendered) | unrendered == valid, text
    else:
        opened = [p for p in problems if "still open" in p.message or "never closed" in p.message]
        assert opened, text


FRONT_MATTER_LINES = st.sampled_from(
    [
        "title: Ask",
        "description: Short.",
        "last_reviewed: 2020-01-01",
        "last_reviewed: 2026-02-30",
        "{title: T, description: D, last_reviewed: 2019-05-05}",
        "? last_reviewed",
        ": 2020-01-01",
        "<<: *base",
        "base: &base",
        "  last_reviewed: 2021-01-01",
        "title: [a, b]",
        "description: |",
        "  folded",
        "title: 'quote",
        "- item",
        "\x08",
        "",
    ]
)


@FUZZ
@given(lines=st.lists(FRONT_MATTER_LINES, max_size=8), closed=st.booleans())
def test_no_front_matter_makes_the_metadata_check_raise(lines, closed):
    text = "---\n" + "\n".join(lines) + ("\n---\n" if closed else "\n") + "# Page\n"
    checked = check_metadata("docs/guides/x.md", "guides/x.md", text, date(2026, 11, 26))
    assert all(problem.line >= 1 for problem in checked.problems)


URL_PIECES = st.sampled_from(
    [
        "https://",
        "http://",
        "//",
        "/",
        "../",
        "#",
        "?",
        "[",
        "]",
        "::1",
        "%",
        "%zz",
        "mailto:",
        "tel:",
        "javascript:",
        "data:",
        "plan/",
        "index.html",
        "a.md",
        "img/a.png",
        " ",
        "@",
        ":",
    ]
)


@FUZZ
@given(url=st.one_of(st.text(max_size=60), st.lists(URL_PIECES, max_size=6).map("".join)))
def test_no_url_makes_the_link_check_raise(url):
    html = f'<a href="{url}">x</a><img src="{url}"><p style="background:url({url})">y</p>'
    page = read_page(html, detail=True)
    checked = check_page("index.md", "", page, SITE)
    source = SourceLines(f"# Page\n\n[x]({url})\n")
    for problem in checked.problems:
        assert source.locate(problem.clues(), problem.link.heading).line >= 1
    check_markup(page.markup)


@FUZZ
@given(
    tag=st.sampled_from(["a", "script", "iframe", "svg", "p", "form", "input", "base", "x-y"]),
    attribute=st.sampled_from(["href", "onclick", "style", "type", "xlink:href", "data-x", "id"]),
    value=st.text(max_size=30),
)
def test_no_markup_makes_the_html_reader_or_allow_list_raise(tag, attribute, value):
    quoted = value.replace('"', "&quot;")
    page = read_page(f'<{tag} {attribute}="{quoted}">text</{tag}>', detail=True)
    check_markup(page.markup)
    check_page("index.md", "", page, SITE)


SITE_PAGES = st.lists(st.one_of(pages(), st.text(max_size=200)), min_size=1, max_size=3)


@settings(
    max_examples=4,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(bodies=SITE_PAGES, front=st.lists(FRONT_MATTER_LINES, max_size=3))
def test_a_random_site_builds_or_fails_with_lines_never_a_traceback(
    bodies, front, tmp_path_factory
):
    folder = tmp_path_factory.mktemp("random-site")
    files = {"docs/index.md": "---\ntitle: Home\ndescription: Home.\n---\n\n# Home\n"}
    for number, body in enumerate(bodies):
        files[f"docs/guides/p{number}.md"] = "---\n" + "\n".join(front) + "\n---\n\n" + body
    tiny_site.write_site(folder, files)
    result = tiny_site.build(folder)
    assert "Traceback" not in result.output, result.output
    if result.returncode != 0:
        assert result.problems or "Aborted" in result.output, result.output
