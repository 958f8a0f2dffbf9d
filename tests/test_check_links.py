"""Link checks on inline HTML and Markdown: parsing, rules, source lines, no build."""

from __future__ import annotations

import pytest

from nextround.check import links as link_rules
from nextround.parse import html as html_index
from nextround.parse.source_lines import SourceLines

# Pages of a small site: URL path -> (src_uri, ids).
PAGES = {
    "": ("index.md", {"home", "start-here"}),
    "guides/": ("guides/index.md", {"the-guides"}),
    "guides/feedback/": ("guides/feedback.md", {"thank-you-note", "checklist-feedback-request"}),
    "plan/": ("plan.md", {"week-1"}),
}
FILES = frozenset({"img/chart.png", "files/plan.pdf", "assets/stylesheets/main.css"})


def site_map(site_url: str = "https://nextround.example.org/") -> link_rules.SiteMap:
    pages: dict[str, str] = {}
    for url, (src_uri, _ids) in PAGES.items():
        pages.update(link_rules.page_urls(url, src_uri))
    return link_rules.SiteMap(
        pages=pages,
        anchors={src_uri: ids for src_uri, ids in PAGES.values()},
        files=FILES,
        docs={src_uri: url for url, (src_uri, _ids) in PAGES.items()},
        site_url=site_url,
        suggestions=(*PAGES, "img/chart.png", "files/plan.pdf"),
    )


def messages(
    html: str, url: str = "guides/feedback/", site_url: str = "https://nextround.example.org/"
):
    """Messages for the links of `html`, as if it were the page served at `url`."""
    src_uri, ids = PAGES[url]
    page = html_index.read_page(html)
    page.ids |= ids
    checked = link_rules.check_page(src_uri, url, page, site_map(site_url))
    return [f"{problem.message} {problem.hint}".strip() for problem in checked.problems]


# --- html_index -----------------------------------------------------------------------------


def test_read_page_collects_ids_and_links_in_document_order():
    page = html_index.read_page(
        '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>'
        '<p><a href="x/">X</a> <img src="i.png" alt="Chart" srcset="i2.png 2x, i3.png 3x">'
        '<a name="legacy"></a><div id="checklist-c" data-checklist="c"></div>'
        '<iframe src="v.html"></iframe><object data="d.svg"></object></p>'
    )
    assert page.ids == {"a", "legacy", "checklist-c"}
    assert [(link.tag, link.attribute, link.url) for link in page.links] == [
        ("a", "href", "#a"),  # Permalinks too: a hostile one must not slip through.
        ("a", "href", "x/"),
        ("img", "src", "i.png"),
        ("img", "srcset", "i2.png"),
        ("img", "srcset", "i3.png"),
        ("iframe", "src", "v.html"),
        ("object", "data", "d.svg"),
    ]


def test_detailed_read_adds_link_text_and_heading_in_the_same_order():
    html = (
        '<h2 id="s">Say thanks¶</h2>'
        '<p><a href="a/"><img src="i.png" alt="Pic"> the <b>note</b></a></p>'
    )
    fast = html_index.read_page(html)
    detailed = html_index.read_page(html, detail=True)
    assert [link.url for link in detailed.links] == [link.url for link in fast.links]
    assert [(link.text, link.heading) for link in detailed.links] == [
        ("the note", "Say thanks"),
        ("Pic", "Say thanks"),
    ]


# --- link_rules: what is accepted ---------------------------------------------------------------


@pytest.mark.parametrize(
    "href",
    [
        "../../",
        "../",
        "#thank-you-note",
        "#checklist-feedback-request",
        "#top",
        "./#thank-you-note",
        "../../plan/#week-1",
        "../../plan/index.html#week-1",
        "../../plan",
        "../../img/chart.png",
        "../../files/plan.pdf?download=1",
        "https://example.org/page",
        "http://127.0.0.1:8000/",
        "mailto:jo@example.org?subject=Hello",
        "mailto:jo@example.org,sam@example.org",
        "tel:+44%2020%207946%200000",
        "tel:116123",
        "ftp://files.example.org/x",
        "",
    ],
)
def test_good_links_pass(href):
    assert messages(f'<a href="{href}">x</a>') == []


def test_ids_of_raw_html_and_of_checklists_on_the_target_page_count_as_anchors():
    page = html_index.read_page('<div id="raw-box"></div><a href="#raw-box">box</a>')
    checked = link_rules.check_page("plan.md", "plan/", page, site_map())
    assert checked.problems == []


def test_external_links_are_returned_for_the_network_check_only():
    page = html_index.read_page('<a href="https://example.org/a">A</a><a href="../">B</a>')
    checked = link_rules.check_page("guides/feedback.md", "guides/feedback/", page, site_map())
    assert [item.link.url for item in checked.external] == ["https://example.org/a"]
    assert checked.problems == []


# --- link_rules: what is wrong --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<a href="#thank-you">x</a>',
            "Link '#thank-you': there is no anchor '#thank-you' on this page. "
            "Did you mean '#thank-you-note'?",
        ),
        (
            '<a href="../../plan/#week1">x</a>',
            "Link '../../plan/#week1': the page 'plan.md' has no anchor '#week1'. "
            "Did you mean '#week-1'?",
        ),
        (
            '<a href="../../plans/">x</a>',
            "Link '../../plans/': 'plans/' is not a page or file of the built site. "
            "Did you mean '../../plan/'?",
        ),
        (
            '<img src="../../img/chart.svg" alt="Chart">',
            "Image '../../img/chart.svg': 'img/chart.svg' is not a page or file of the built site. "
            "Did you mean '../../img/chart.png'?",
        ),
        (
            '<a href="../plan.md">x</a>',
            "Link '../plan.md': it points to the Markdown source 'plan.md', which the built site "
            "does not have; raw HTML needs the page URL. Did you mean '../../plan/'?",
        ),
        (
            '<a href="pla.md#week-1">x</a>',
            "Link 'pla.md#week-1': 'guides/pla.md' is not a page of this site. "
            "Did you mean '../plan.md#week-1'?",
        ),
        (
            '<a href="../../../x/">x</a>',
            "Link '../../../x/': it goes above the site root; expected a link inside it.",
        ),
        (
            '<a href="/plan/#week-1">x</a>',
            "Link '/plan/#week-1': a root-absolute link breaks when the site is served from a "
            "sub-path; expected a relative link. Did you mean '../../plan/#week-1'?",
        ),
        (
            '<a href="https://nextround.example.org/plan/">x</a>',
            "Link 'https://nextround.example.org/plan/': it points to the site's own address "
            "(site_url) and breaks on any other host or sub-path; expected a relative link. "
            "Did you mean '../../plan/'?",
        ),
        (
            '<a href="JavaScript:void(0)">x</a>',
            "Link 'JavaScript:void(0)': the 'javascript:' scheme is unsafe; expected a relative "
            "link, an https link or a file in docs/.",
        ),
        (
            '<img src="data:image/png;base64,iVBORw0KGgo">',
            "Image 'data:image/png;base64,iVBORw0KGgo': the 'data:' scheme is unsafe; expected a "
            "relative link, an https link or a file in docs/.",
        ),
        (
            '<a href="http://example.org/a">x</a>',
            "Link 'http://example.org/a': plain http; expected https. "
            "Did you mean 'https://example.org/a'?",
        ),
        (
            '<a href="//example.org/a">x</a>',
            "Link '//example.org/a': the link has no scheme; expected https. "
            "Did you mean 'https://example.org/a'?",
        ),
        (
            '<a href="mailto:jo.example.org">x</a>',
            "Link 'mailto:jo.example.org': expected 'mailto:' and an address like "
            "'name@example.org', found 'jo.example.org'.",
        ),
        (
            '<a href="mailto:">x</a>',
            "Link 'mailto:': expected 'mailto:' and an address like 'name@example.org', found ''.",
        ),
        (
            '<a href="tel:12">x</a>',
            "Link 'tel:12': expected 'tel:' and a phone number like 'tel:+441234567890', "
            "found '12'.",
        ),
        (
            '<a href="https://[example.org/">x</a>',
            "Link 'https://[example.org/': the URL is malformed (Invalid IPv6 URL); expected a "
            "valid URL.",
        ),
        (
            '<video src="../../clip.mp4"></video>',
            "<video src> '../../clip.mp4': 'clip.mp4' is not a page or file of the built site.",
        ),
    ],
)
def test_bad_links_are_named_with_what_was_expected(html, expected):
    assert messages(html) == [expected]


def test_long_urls_are_cut_in_messages():
    url = "data:image/png;base64," + "A" * 200
    [message] = messages(f'<img src="{url}">')
    assert message.startswith(f"Image '{url[:77]}...': the 'data:' scheme is unsafe")


def test_site_url_with_a_sub_path_counts_as_the_sites_own_address():
    site_url = "https://careers.example.edu/next-round/"
    assert messages('<a href="https://careers.example.edu/other/">x</a>', site_url=site_url) == []
    assert messages('<a href="/next-round/plan/">x</a>', site_url=site_url) == [
        "Link '/next-round/plan/': a root-absolute link breaks when the site is served from a "
        "sub-path; expected a relative link. Did you mean '../../plan/'?"
    ]


def test_links_to_another_path_of_the_same_host_are_external():
    site_url = "https://careers.example.edu/next-round/"
    html = '<a href="https://careers.example.edu/next-roundabout/">x</a>'
    page = html_index.read_page(html)
    checked = link_rules.check_page("plan.md", "plan/", page, site_map(site_url))
    assert (checked.problems, len(checked.external)) == ([], 1)


def test_without_directory_urls_the_home_page_is_index_html():
    pages = {**link_rules.page_urls("index.html", "index.md")}
    pages.update(link_rules.page_urls("plan.html", "plan.md"))
    site = link_rules.SiteMap(
        pages=pages,
        anchors={"index.md": set(), "plan.md": {"week-1"}},
        files=frozenset(),
        docs={"index.md": "index.html", "plan.md": "plan.html"},
    )
    page = html_index.read_page('<a href="./">home</a><a href="index.html">home</a>')
    assert link_rules.check_page("plan.md", "plan.html", page, site).problems == []


def test_home_page_links_resolve_from_the_site_root():
    page = html_index.read_page(
        '<a href="guides/feedback/#thank-you-note">x</a><a href="plan/#nope">y</a>'
    )
    checked = link_rules.check_page("index.md", "", page, site_map())
    assert [f.message + (" " + f.hint if f.hint else "") for f in checked.problems] == [
        "Link 'plan/#nope': the page 'plan.md' has no anchor '#nope'."
    ]


# --- source_lines --------------------------------------------------------------------------------

SOURCE = """\
---
title: Ask for feedback
description: x
---

# Ask for feedback

See [the note](plan.md#week1) and <a href="../plan/#week1">the plan</a>.

## Say thanks

Again: [the note](plan.md#week1).

--8<-- "templates/thanks.md"
"""


def located(html: str, source: str = SOURCE, snippets: dict[str, str] | None = None) -> list[str]:
    detailed = html_index.read_page(html, detail=True)
    checked = link_rules.check_page("guides/feedback.md", "guides/feedback/", detailed, site_map())
    lines = SourceLines(source, (snippets or {}).get)
    return [f"{lines.locate(p.clues(), p.link.heading).line}" for p in checked.problems]


def test_each_link_maps_to_its_own_line_and_raw_html_to_its_exact_url():
    html = (
        '<p>See <a href="../../plan/#week1">the note</a> and '
        '<a href="../plan/#week1">the plan</a>.</p>'
        '<h2 id="say-thanks">Say thanks</h2><p>Again: <a href="../../plan/#week1">the note</a>.</p>'
    )
    # Rendered hrefs differ from the Markdown: the fragment and file name find the lines;
    # the second Markdown link takes the next unused line with the same fragment.
    assert located(html) == ["8", "8", "12"]


def test_a_link_from_a_snippet_maps_to_the_line_that_includes_the_snippet():
    html = '<p>Reply: <a href="../../plan/#week-0">plan</a></p>'
    snippets = {"templates/thanks.md": "Reply: [plan](plan.md#week-0)\n"}
    assert located(html, snippets=snippets) == ["14"]


def test_a_link_found_nowhere_maps_to_its_heading_then_to_line_1():
    html = '<h2 id="say-thanks">Say thanks</h2><p><a href="#gone">?</a></p><a href="#gone2">?</a>'
    source = "---\ntitle: x\n---\n\n## Say thanks\n"
    assert located(html, source) == ["5", "5"]
    assert located('<a href="#gone">?</a>', "No heading here.\n") == ["1"]


def test_front_matter_lines_are_counted_but_never_matched():
    source = "---\ntitle: week1\n---\n\nText [x](#week1)\n"
    assert located('<a href="#week1">x</a>', source) == ["5"]


FAQ = """\
---
title: Questions
---

Yes, ask them once, and say what you would do next time.

{link}

The end.
"""


@pytest.mark.parametrize(
    ("written", "rendered", "line"),
    [
        ('<p><a href="java&#x09;script:alert(1)">x</a></p>', "java&#x09;script:alert(1)", 7),
        ('<a href="&#106;avascript&colon;alert(1)">x</a>', "javascript:alert(1)", 7),
        ('<a href="java\nscript:alert(1)">x</a>', "java\nscript:alert(1)", 7),
        ("[x](JavaScript:alert\\(1\\))", "JavaScript:alert(1)", 7),
        ("[x][evil]\n\n[evil]: javas&#99;ript:alert(1)", "javascript:alert(1)", 9),
    ],
    ids=["tab-reference", "entities", "newline", "backslash-escapes", "reference-elsewhere"],
)
def test_a_link_maps_to_the_line_it_was_typed_on_however_the_url_is_spelled(
    written, rendered, line
):
    html = (
        f'<p>Yes, ask them once, and say what you would do next time.</p><a href="{rendered}">x</a>'
    )
    assert located(html, FAQ.format(link=written)) == [str(line)]


def test_a_link_in_a_file_appended_to_every_page_is_named_at_its_own_line():
    html = '<p>The end.</p><a href="javascript:alert(1)">More</a>'
    detailed = html_index.read_page(html, detail=True)
    [problem] = link_rules.check_page("index.md", "", detailed, site_map()).problems
    appended = [
        ("includes/abbreviations.md", "*[CV]: Curriculum vitae\n\n[More]: javascript:alert(1)\n")
    ]
    lines = SourceLines("# Home\n\nThe end.\n", path="docs/index.md", appended=appended)
    assert lines.locate(problem.clues(), problem.link.heading) == ("includes/abbreviations.md", 3)


def test_lines_end_only_where_the_engine_ends_them():
    source = "# Home\n\nA line\u2028with a separator, a form\x0cfeed.\n\n[x](gone.md)\n"
    html = '<p>A line\u2028with a separator.</p><p><a href="gone.md">x</a></p>'
    assert located(html, source) == ["5"]
