"""Search answers readers' questions: tests/data/search_questions.yml, asked in Chromium.

Each question is typed into Material's search box on one open page, as a
person types it. The expected page must come first for at least 90% of the
questions and in the top three for every one; a question that names a section
must find that section under its page, first under it for at least 80% of
them. The test prints the hit rates and every miss: what came first, and what
was expected. A word of one or two letters matches only itself (our search
worker), and keywords also work in a career center's copy served under a
sub-path (the offline copy: test_offline.py).

The Spanish edition (site/es/) is asked its own questions,
tests/data/search_questions.es.yml, under the same gate, accents typed or left
out; each edition's index holds only its own pages, so a query finds pages of
the edition it is typed in.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
from conftest import ROOT, nginx_serving
from search_questions import QUESTIONS_ES, SearchBox, load_questions

from nextround.render.search_keywords import SHORT

QUESTIONS = load_questions()
# Each edition: its folder in the built site, and its readers' questions.
EDITIONS = {"en": ("", QUESTIONS), "es": ("es/", load_questions(QUESTIONS_ES))}
FIRST_AT_LEAST = 0.9
SECTION_FIRST_AT_LEAST = 0.8
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "next-round-search.js"
MATERIAL_WORKERS = (
    Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
)


class _Ids(HTMLParser):
    """Every `id` of a page."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for name, value in attrs if name == "id" and value)


def test_there_are_at_least_30_questions_and_25_in_spanish():
    assert len(QUESTIONS) >= 30
    assert len(EDITIONS["es"][1]) >= 25


@pytest.mark.parametrize("language", EDITIONS)
def test_every_question_names_a_page_and_section_that_exist(site_dir, language):
    folder, questions = EDITIONS[language]
    problems = []
    for question in questions:
        built = site_dir / folder / question.url / "index.html"
        if not built.is_file():
            problems.append(f"line {question.line}: no page docs/{question.page}")
            continue
        parser = _Ids()
        parser.feed(built.read_text(encoding="utf-8"))
        if question.section and question.section not in parser.ids:
            problems.append(f"line {question.line}: no #{question.section} on {question.page}")
    assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize("language", EDITIONS)
def test_search_puts_the_answer_first(server, page, record_property, language):
    folder, questions = EDITIONS[language]
    box = SearchBox(page, server.url + folder)
    first, top_three, misses, lost_sections, late_sections = 0, 0, [], [], []
    for question in questions:
        results = box.ask(question.text)
        pages = [result.page for result in results]
        found = pages[0] if pages else "nothing"
        if found == question.url:
            first += 1
        else:
            misses.append(
                f"  {question.text!r}: first {found or '(home)'}, expected {question.url}"
            )
        if question.url in pages[:3]:
            top_three += 1
            shown = results[pages.index(question.url)].sections
            if question.section and question.section not in shown:
                lost_sections.append(f"  {question.text!r}: #{question.section} not under its page")
            elif question.section and shown[0] != question.section:
                late_sections.append(f"  {question.text!r}: #{shown[0]} before #{question.section}")
    total = len(questions)
    sections = sum(1 for question in questions if question.section)
    section_first = sections - len(lost_sections) - len(late_sections)
    summary = [
        f"search ({language}): expected page first for {first}/{total} questions "
        f"({first / total:.0%}), in the top three for {top_three}/{total}; the named section "
        f"first under its page for {section_first}/{sections} ({section_first / sections:.0%})",
        *misses,
        *lost_sections,
        *late_sections,
    ]
    record_property("summary", "\n".join(summary))  # printed after the run (conftest.py)
    assert first >= FIRST_AT_LEAST * total, "\n".join(summary)
    assert top_three == total, "\n".join(summary)
    assert lost_sections == [], "\n".join(summary)
    assert section_first >= SECTION_FIRST_AT_LEAST * sections, "\n".join(summary)


def test_our_search_worker_loads_materials_and_matches_short_words_whole():
    source = WORKER.read_text(encoding="utf-8")
    loaded = re.search(r'importScripts\(new URL\("([^"]+)"', source)
    assert loaded and (MATERIAL_WORKERS / loaded[1]).is_file(), (
        f"{WORKER.relative_to(ROOT)} must load Material's search worker, one of "
        f"{sorted(p.name for p in MATERIAL_WORKERS.glob('*.js'))}: update its name there."
    )
    # The index keeps the words this worker matches whole (render/search_keywords.py).
    assert f"\\p{{L}}{{1,{SHORT}}}" in source


@pytest.mark.browser
def test_a_word_of_one_or_two_letters_matches_only_itself(server, page):
    box = SearchBox(page, server.url)
    # "i" and "ic" start the plan's keyword "ics"; "i" is a stop word, never in the index.
    assert [box.ask(text) for text in ("i", "ic")] == [[], []]
    assert box.ask("ics")[0].page == "next-30-days/"
    # A short keyword still finds its page: "cv" is in the synonym group of "resume".
    assert box.ask("cv")[0].page == "guides/evaluate-and-reflect/"


@pytest.mark.browser
def test_spanish_words_are_found_by_their_stem_with_or_without_accents(server, page):
    box = SearchBox(page, server.url + "es/")

    def pages(text: str) -> list[str]:
        return [result.page for result in box.ask(text)]

    # Stop words find nothing, short or long ("que*" used to find "quemado").
    assert (pages("me"), pages("que")) == ([], [])
    # A short word still finds its page: "cv" is in the synonym group of "currículum".
    assert pages("cv")[0] == "guides/evaluate-and-reflect/"
    # One stem, accents typed or not: the same pages in the same order.
    rechazo = pages("rechazo")
    assert rechazo and pages("rechazó") == rechazo == pages("rechazaron")
    assert pages("retroalimentacion") == pages("retroalimentación") != []
    # "quemada" finds the heading "Persevera sin quemarte" (a verb and its pronoun).
    quemada = box.ask("quemada")
    assert "stay-persistent-without-burning-out" in quemada[0].sections


@pytest.mark.browser
def test_keywords_work_in_a_centers_copy_under_a_sub_path(center_dir, page, tmp_path):
    prefix = "/careers/next-round/"
    with nginx_serving({prefix: center_dir}, tmp_path) as served:
        box = SearchBox(page, served.url.rstrip("/") + prefix)
        # Words that only the pages' keywords and the synonym list hold.
        firsts = {text: box.ask(text)[0].page for text in ("feedbak", "ics")}
    assert firsts == {"feedbak": "guides/ask-for-feedback/", "ics": "next-30-days/"}


def _index(site_dir: Path, folder: str) -> dict:
    return json.loads((site_dir / folder / "search" / "search_index.json").read_text("utf-8"))


def _built_pages(site_dir: Path, folder: str, others: set[str]) -> set[str]:
    root = site_dir / folder
    return {
        path.parent.relative_to(root).as_posix().removeprefix(".") + "/"
        for path in root.rglob("index.html")
        if path.relative_to(root).parts[0] not in others | {"assets"}
    }


def test_each_editions_index_holds_its_own_pages_and_language(site_dir):
    found = {}
    for language, (folder, _questions) in EDITIONS.items():
        index = _index(site_dir, folder)
        others = {other.rstrip("/") for other, _q in EDITIONS.values() if other != folder}
        pages = {doc["location"].split("#")[0] or "/" for doc in index["docs"]}
        found[language] = (index["config"]["lang"], pages == _built_pages(site_dir, folder, others))
    # The Spanish index is stemmed: "rechazó" and "rechazaron" are one word to it.
    assert "stemmer" in _index(site_dir, "es/")["config"]["pipeline"]
    assert found == {"en": (["en"], True), "es": (["es"], True)}


@pytest.mark.browser
def test_a_query_finds_only_pages_of_the_edition_it_is_typed_in(server, page, context):
    english = SearchBox(page, server.url)
    spanish = SearchBox(context.new_page(), server.url + "es/")
    # A Spanish word finds nothing in English. Each edition finds "linkedin" and "rejected"
    # on its own pages only: the Spanish edition's untranslated page (about/contribute/),
    # which may hold "rejected", is its own copy, under /es/. SearchBox strips only the
    # edition's root from a result, so the other edition's page keeps its "/" or its "es/".
    assert english.ask("rechazo") == []
    found = {
        (language, text): [result.page for result in box.ask(text)]
        for language, box in (("en", english), ("es", spanish))
        for text in ("linkedin", "rejected")
    }
    assert found["en", "linkedin"] and found["en", "rejected"] and found["es", "linkedin"], found
    strays = [
        (language, text, url)
        for (language, text), pages in found.items()
        for url in pages
        if url.startswith("/") or (language == "en" and url.startswith("es/"))
    ]
    assert strays == []


def test_each_edition_reads_its_own_synonym_list(site_dir):
    def keywords(folder: str, location: str) -> list[str]:
        docs = _index(site_dir, folder)["docs"]
        return next(doc.get("keywords", []) for doc in docs if doc["location"] == location)

    english = keywords("", "guides/ask-for-feedback/")
    spanish = keywords("es/", "guides/ask-for-feedback/")
    # includes/es/synonyms.yml gives the Spanish page "retroalimentación", never English typos.
    assert ("feedbak" in english, "retroalimentación" in english) == (True, False)
    assert ("feedbak" in spanish, "retroalimentación" in spanish) == (False, True)
