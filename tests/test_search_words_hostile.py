"""Keywords and synonyms are words a reader types, nothing else.

Markup, addresses and control characters stop the build at their line: they
would reach the search index and the suggestions search shows.
"""

from __future__ import annotations

from datetime import date

import pytest

from nextround.check.front_matter import check_metadata
from nextround.render.search_keywords import SynonymError, load_synonyms

# (as written in double-quoted YAML, as a message shows it, the problem)
HOSTILE_WORDS = [
    ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>", "holds markup (< or >)"),
    ("javascript:alert(1)", "javascript:alert(1)", "is an address"),
    ("https://evil.example/", "https://evil.example/", "is an address"),
    ("no\\x1breply", "no\\u001breply", "holds a control character"),
]


@pytest.mark.parametrize(("written", "shown", "problem"), HOSTILE_WORDS)
def test_a_hostile_keyword_is_named_at_its_line(written, shown, problem):
    text = f'---\ntitle: FAQ\ndescription: Q.\nkeywords:\n  - ghosted\n  - "{written}"\n---\n'
    found = check_metadata("docs/faq.md", "faq.md", text, date(2026, 11, 26)).problems
    assert [str(finding) for finding in found] == [
        f"docs/faq.md:6: keyword '{shown}' {problem}; a keyword is the words a reader types. "
        "Write them as plain words."
    ]


@pytest.mark.parametrize(("written", "shown", "problem"), HOSTILE_WORDS)
def test_a_hostile_synonym_is_named_at_its_line(tmp_path, written, shown, problem):
    path = tmp_path / "synonyms.yml"
    path.write_text(f'# Words.\n- [rejected, turned down]\n- [ghosted, "{written}"]\n')
    with pytest.raises(SynonymError) as error:
        load_synonyms(path, "synonyms.yml")
    assert error.value.problems == [
        f"synonyms.yml:3: '{shown}' {problem}; write the words a reader types, as plain words."
    ]
