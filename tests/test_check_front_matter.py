"""Front matter rules on inline Markdown: title, description, a guide's review date."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from nextround.check import front_matter as page_metadata

TODAY = date(2026, 11, 26)


def check(text: str, src_uri: str = "guides/feedback.md", meta: dict | None = None):
    return page_metadata.check_metadata(f"docs/{src_uri}", src_uri, text, TODAY, meta)


def problems(text: str, src_uri: str = "guides/feedback.md") -> list[str]:
    return [str(problem) for problem in check(text, src_uri).problems]


GOOD_GUIDE = "---\ntitle: Ask\ndescription: Short.\nlast_reviewed: 2026-03-01\n---\n\n# Ask\n"


@pytest.mark.parametrize(
    ("src_uri", "guide"),
    [
        ("guides/feedback.md", True),
        ("guides/deeper/notes.md", True),
        ("next-30-days.md", True),
        ("guides/index.md", False),
        ("index.md", False),
        ("faq.md", False),
    ],
)
def test_which_pages_are_guides(src_uri, guide):
    assert page_metadata.is_guide(src_uri) is guide


def test_a_complete_guide_passes():
    assert check(GOOD_GUIDE) == page_metadata.MetadataCheck([], None)


def test_other_pages_need_no_review_date():
    assert problems("---\ntitle: FAQ\ndescription: Questions.\n---\n", "faq.md") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# No front matter\n",
            "docs/guides/feedback.md:1: expected front matter with title, description and "
            "last_reviewed, found none.",
        ),
        (
            "---\ndescription: Short.\nlast_reviewed: 2026-03-01\n---\n",
            "docs/guides/feedback.md:1: expected 'title' in the front matter, found none.",
        ),
        (
            "---\ntitle:\ndescription: Short.\nlast_reviewed: 2026-03-01\n---\n",
            "docs/guides/feedback.md:2: expected 'title' to be text, found an empty value.",
        ),
        (
            "---\ntitle: Ask\ndescription: [a, b]\nlast_reviewed: 2026-03-01\n---\n",
            "docs/guides/feedback.md:3: expected 'description' to be text, found a list.",
        ),
        (
            "---\ntitle: Ask\ndescription: " + "x" * 161 + "\nlast_reviewed: 2026-03-01\n---\n",
            "docs/guides/feedback.md:3: description is 161 characters long; expected at most "
            "160. Shorten it.",
        ),
        (
            "---\ntitle: Ask\ndescription: Short.\n---\n",
            "docs/guides/feedback.md:1: expected 'last_reviewed' (the date of the last review, "
            "YYYY-MM-DD) in the front matter of a guide, found none.",
        ),
        (
            "---\ntitle: Ask\ndescription: Short.\nlast_reviewed: 2026-13-01\n---\n",
            "docs/guides/feedback.md:4: last_reviewed is '2026-13-01', which is not a date; "
            "expected a real date as YYYY-MM-DD, like '2025-03-14'.",
        ),
        (
            "---\ntitle: Ask\ndescription: Short.\nlast_reviewed: 26/11/2026\n---\n",
            "docs/guides/feedback.md:4: last_reviewed is '26/11/2026', which is not a date; "
            "expected a real date as YYYY-MM-DD, like '2025-03-14'.",
        ),
        (
            "---\ntitle: Ask\ndescription: Short.\nlast_reviewed: 2026-11-28\n---\n",
            "docs/guides/feedback.md:4: last_reviewed is 2026-11-28, a date in the future; "
            "expected the date of the last review, today or earlier.",
        ),
        (
            "---\ntitle: Ask: why\ndescription: Short.\n---\n",
            "docs/guides/feedback.md:2: the front matter is not valid YAML (mapping values are "
            "not allowed here).",
        ),
    ],
)
def test_bad_front_matter_is_named_at_its_line(text, expected):
    assert problems(text) == [expected]


def test_mkdocs_parsed_meta_is_used_when_given():
    text = GOOD_GUIDE.replace("Short.", "x" * 170)
    meta = yaml.safe_load(text.split("---")[1])
    assert isinstance(meta["last_reviewed"], date)
    assert [p.message for p in check(text, meta=meta).problems] == [
        "description is 170 characters long; expected at most 160. Shorten it."
    ]


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [("2025-11-26", False), ("2025-11-25", True), ("2019-01-01", True), ("2026-11-27", False)],
)
def test_a_guide_older_than_12_months_is_due_for_review_but_not_a_problem(reviewed, due):
    checked = check(GOOD_GUIDE.replace("2026-03-01", reviewed))
    assert checked.problems == []
    if due:
        assert str(checked.review_due) == (
            f"docs/guides/feedback.md:4: due for review: last reviewed {reviewed}, "
            "more than 12 months ago."
        )
    else:
        assert checked.review_due is None


def test_twelve_months_before_a_leap_day_is_the_28th():
    assert page_metadata._months_before(date(2028, 2, 29), 12) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "block",
    [
        "{title: Ask, description: Short., last_reviewed: 2020-01-01}",
        "title: Ask\ndescription: Short.\n? last_reviewed\n: 2020-01-01",
        "base: &base\n  last_reviewed: 2020-01-01\ntitle: Ask\ndescription: Short.\n<<: *base",
    ],
    ids=["flow-mapping", "explicit-key", "merge-key"],
)
def test_unusual_yaml_for_an_overdue_guide_gives_no_traceback(block):
    text = f"---\n{block}\n---\n\n# Ask\n"
    for meta in (None, yaml.safe_load(block)):  # as read here, and as MkDocs reads it
        checked = check(text, meta=meta)
        assert all(p.path == "docs/guides/feedback.md" for p in checked.problems)
        if checked.review_due is not None:
            assert "last reviewed 2020-01-01" in str(checked.review_due)


@pytest.mark.parametrize(
    ("character", "expected"),
    [
        ("\x08", "the front matter holds the character U+0008"),
        ("\ufdd0", "'description' holds the character U+FDD0"),
    ],
)
def test_a_control_character_in_a_description_is_named_at_its_line(character, expected):
    text = GOOD_GUIDE.replace("Short.", f"Short.{character}")
    assert problems(text) == [
        f"docs/guides/feedback.md:3: {expected}, which no web page may contain; delete it "
        "(it is often pasted in with the text)."
    ]


def test_a_title_with_an_angle_bracket_is_named_at_its_line():
    assert problems(GOOD_GUIDE.replace("title: Ask", "title: Ask <b>now</b>")) == [
        "docs/guides/feedback.md:2: 'title' holds '<', which the theme writes into the "
        "navigation as markup and so breaks the page; write the title in words, without angle "
        "brackets."
    ]
