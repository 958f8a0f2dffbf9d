"""Search keywords: the front matter rules, the synonym list, and the index they go into."""

from __future__ import annotations

import json
from datetime import date

import pytest
from tiny_site import build, page, write_site

from nextround.check.front_matter import check_metadata
from nextround.check.search_meta import KeywordOwners
from nextround.render.search_keywords import (
    BOOST,
    SYNONYMS,
    SynonymError,
    add_keywords,
    expand,
    index_words,
    load_synonyms,
    synonyms_file,
)

TODAY = date(2026, 11, 26)


def problems(front: str, path: str = "docs/faq.md") -> list[str]:
    text = f"---\ntitle: FAQ\ndescription: Questions.\n{front}---\n\n# FAQ\n"
    return [str(p) for p in check_metadata(path, "faq.md", text, TODAY).problems]


def keywords(front: str) -> list[tuple[str, int]]:
    text = f"---\ntitle: FAQ\ndescription: Questions.\n{front}---\n"
    return [(k.text, k.line) for k in check_metadata("docs/faq.md", "faq.md", text, TODAY).keywords]


def test_keywords_are_read_with_their_lines():
    assert keywords("keywords:\n  - turned down\n  - no reply\n") == [
        ("turned down", 5),
        ("no reply", 6),
    ]
    assert keywords("keywords: [feedback, ghosted]\n") == [("feedback", 4), ("ghosted", 4)]
    assert problems("keywords:\n  - turned down\nsearch:\n  boost: 0.5\n  exclude: false\n") == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "keywords: feedback\n",
            "docs/faq.md:4: expected 'keywords' to be a list, found 'feedback'. Write one "
            "keyword per line under it, each as '  - words a reader types'.",
        ),
        (
            "keywords:\n  - [a, b]\n",
            "docs/faq.md:5: expected each keyword to be text, found a list. Write it as "
            "'  - words a reader types'.",
        ),
        (
            "keywords:\n  - ''\n",
            "docs/faq.md:5: a keyword is empty; write words or delete it.",
        ),
        (
            "keywords:\n  - " + "word " * 9 + "\n",
            "docs/faq.md:5: keyword '" + ("word " * 9).strip() + "' is 44 characters long; "
            "expected at most 40. Keep the words a reader types and drop the rest.",
        ),
        (
            "keywords:\n  - No reply\n  - no  REPLY\n",
            "docs/faq.md:6: keyword 'no  REPLY' is already on line 5; delete this one.",
        ),
        (
            "keywords: [" + ", ".join(f"w{n}" for n in range(13)) + "]\n",
            "docs/faq.md:4: 'keywords' has 13 entries; expected at most 12. Keep the ones "
            "readers use most; the synonym list adds their other words.",
        ),
        (
            "search:\n  boost: high\n",
            "docs/faq.md:5: search boost is 'high'; expected a number above 0, like 0.5 "
            "(below 1 ranks the page lower, above 1 higher).",
        ),
        (
            "search:\n  boost: 0\n",
            "docs/faq.md:5: search boost is '0'; expected a number above 0, like 0.5 "
            "(below 1 ranks the page lower, above 1 higher).",
        ),
        (
            "search:\n  exclude: maybe\n",
            "docs/faq.md:5: search exclude is 'maybe'; expected true or false.",
        ),
        (
            "search:\n  boots: 2\n",
            "docs/faq.md:5: unknown 'search' setting 'boots'; expected 'boost' or 'exclude'.",
        ),
        (
            "search: 0.5\n",
            "docs/faq.md:4: expected 'search' to hold 'boost:' or 'exclude:', found '0.5'.",
        ),
    ],
)
def test_bad_keywords_and_search_settings_are_named_at_their_line(front, expected):
    assert problems(front) == [expected]


def test_a_keyword_belongs_to_one_page():
    owners = KeywordOwners()
    first = check_metadata(
        "docs/a.md", "a.md", "---\ntitle: A\ndescription: A.\nkeywords: [ghosted]\n---\n", TODAY
    )
    second = check_metadata(
        "docs/b.md",
        "b.md",
        "---\ntitle: B\ndescription: B.\nkeywords:\n  - feedback\n  - Ghosted\n---\n",
        TODAY,
    )
    assert owners.claim("docs/a.md", first.keywords) == []
    assert [str(p) for p in owners.claim("docs/b.md", second.keywords)] == [
        "docs/b.md:6: keyword 'Ghosted' is also on docs/a.md:4; a keyword belongs to one page. "
        "Keep it on the page that answers it best and delete it here."
    ]


def test_the_synonym_list_of_the_site_loads():
    synonyms = load_synonyms(SYNONYMS)
    assert synonyms.groups["turned down"] == synonyms.groups["rejected"]
    assert "didn't get the job" in synonyms.groups["rejected"]


def test_a_translated_edition_reads_its_own_synonym_list_only():
    assert synonyms_file("en", "en") == SYNONYMS
    spanish = load_synonyms(synonyms_file("es", "en"))
    assert "retroalimentación" in spanish.groups["comentarios"]
    assert "feedbak" not in spanish.groups


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- [rejected]\n",
            "synonyms.yml:1: expected a group of two or more words, like "
            "'- [turned down, rejected]'.",
        ),
        (
            "- [rejected, turned down]\n- [feedback, Turned  Down]\n",
            "synonyms.yml:2: 'turned down' is already in the group on line 1; merge the two "
            "groups or keep the word in one.",
        ),
        (
            "rejected: turned down\n",
            "synonyms.yml:1: expected a list of groups, '- [word, other words]'.",
        ),
        ("- [a, b\n", "synonyms.yml:2: not valid YAML"),
    ],
)
def test_a_bad_synonym_list_is_named_at_its_line(tmp_path, text, expected):
    path = tmp_path / "synonyms.yml"
    path.write_text(text)
    with pytest.raises(SynonymError) as raised:
        load_synonyms(path, "synonyms.yml")
    assert raised.value.problems[0].startswith(expected)


def test_keywords_bring_their_synonyms_and_index_words_drop_what_adds_nothing(tmp_path):
    path = tmp_path / "synonyms.yml"
    path.write_text("- [turned down, rejected]\n- [intern, internship]\n")
    phrases = expand(["Rejected", "intern", "ghosted"], load_synonyms(path))
    assert phrases == ["rejected", "turned down", "intern", "internship", "ghosted"]
    # "intern" starts "internship", which any search that finds "intern" finds too.
    assert index_words(phrases, r"[\s\-]+") == [
        "rejected",
        "turned",
        "down",
        "internship",
        "ghosted",
    ]


def test_index_words_keep_a_short_word_that_starts_another():
    # The search worker matches a word of one or two letters whole: "okay" does not find "ok".
    assert index_words(["not ok", "not okay", "intern", "internship"], r"[\s\-]+") == [
        "not",
        "ok",
        "okay",
        "internship",
    ]


INDEX = {
    "config": {
        "separator": r"[\s\-]+",
        "fields": {"title": {"boost": 1000}, "keywords": {"boost": 10}},
    },
    "docs": [
        {"location": "", "title": "Home", "text": ""},
        {"location": "faq/", "title": "FAQ", "text": ""},
        {"location": "faq/#why", "title": "Why", "text": ""},
    ],
}


def test_keywords_go_on_the_page_entry_only():
    added = json.loads(add_keywords(json.dumps(INDEX), {"faq/": ["no reply", "ghosted"]}))
    assert [doc.get("keywords") for doc in added["docs"]] == [
        None,
        ["no", "reply", "ghosted"],
        None,
    ]


def test_without_a_boost_in_the_configuration_keywords_get_the_default():
    index = json.loads(json.dumps(INDEX))
    del index["config"]["fields"]["keywords"]
    added = json.loads(add_keywords(json.dumps(index), {"faq/": ["ghosted"]}))
    assert added["config"]["fields"]["keywords"] == {"boost": BOOST}
    assert json.loads(add_keywords(json.dumps(INDEX), {}))["config"]["fields"]["keywords"] == {
        "boost": 10
    }


SEARCH_FIELD = "plugins:\n  - search:\n      fields:\n        keywords:\n          boost: 10000\n"


def test_a_build_puts_keywords_in_the_index(tmp_path):
    files = {
        "docs/index.md": page("Home", "# Home\n\nHello.\n", search="{boost: 0.5}"),
        "docs/faq.md": page("FAQ", "# FAQ\n\n## Why\n\nText.\n", keywords="[turned down]"),
    }
    write_site(tmp_path, files, extra_config=SEARCH_FIELD)
    result = build(tmp_path)
    assert result.returncode == 0, result.output
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text())
    by_location = {doc["location"]: doc for doc in index["docs"]}
    assert "rejected" in by_location["faq/"]["keywords"]
    assert "keywords" not in by_location["faq/#why"]
    assert by_location[""]["boost"] == 0.5


def test_a_build_without_keywords_still_names_their_field_in_the_index(tmp_path):
    # No `fields:` for keywords and no page with keywords: Material's index is left as
    # written, and names the field with the default boost all the same.
    write_site(tmp_path, {"docs/index.md": page("Home", "# Home\n\nHello.\n")})
    result = build(tmp_path)
    assert result.returncode == 0, result.output
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text())
    assert list(index["config"]["fields"]) == ["title", "text", "tags", "keywords"]
    assert index["config"]["fields"]["keywords"] == {"boost": BOOST}
    assert all("keywords" not in doc for doc in index["docs"])


def test_duplicate_keywords_stop_the_build_with_both_lines(tmp_path):
    files = {
        "docs/index.md": page("Home", "# Home\n", keywords="[ghosted]"),
        "docs/faq.md": page("FAQ", "# FAQ\n", keywords="[Ghosted]"),
    }
    write_site(tmp_path, files, extra_config=SEARCH_FIELD)
    result = build(tmp_path)
    assert result.returncode == 1
    assert any("keyword 'Ghosted' is also on docs/" in line for line in result.problems), (
        result.output
    )
