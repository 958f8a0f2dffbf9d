"""Reader questions for search, and a search box in Chromium that answers them.

`load_questions` reads `tests/data/search_questions.yml`, or the Spanish
edition's `search_questions.es.yml` (each question with
the page, and maybe the section, that should come first). `SearchBox` types
questions into Material's search box as a person does and reads the results
in the order they are shown. Shared by `test_search_browser.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "tests" / "data" / "search_questions.yml"
QUESTIONS_ES = ROOT / "tests" / "data" / "search_questions.es.yml"

# Counts the questions the page sends to Material's search worker and the
# answers it gets back (message types 2 and 3), so a test waits for the answer
# to the whole question rather than for a fixed time. It only observes.
WATCH_WORKER = """
(() => {
  const state = window.__nrSearch = { asked: 0, answered: 0, query: null };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ({ data }) => {
        if (data && data.type === 3) state.answered += 1;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) {
        state.asked += 1;
        state.query = message.data;
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""

# Each result as Material draws it: the page's link first, then its sections.
READ_RESULTS = """
() => [...document.querySelectorAll(".md-search-result__item")].map(
  item => [...item.querySelectorAll("a.md-search-result__link")].map(a => a.href)
)
"""


@dataclass(frozen=True)
class Question:
    """One reader question and where its answer lives."""

    text: str
    page: str
    """The Markdown file under docs/: 'guides/ask-for-feedback.md'."""
    section: str
    """The anchor of the heading that answers it, or ''."""
    line: int

    @property
    def url(self) -> str:
        """The page's path from the site root, as the built site serves it."""
        return page_url(self.page)


@dataclass(frozen=True)
class Result:
    """One page in the search results, and the sections shown under it."""

    page: str
    sections: tuple[str, ...]


def page_url(source: str) -> str:
    """'guides/x.md' -> 'guides/x/', 'index.md' -> '', 'guides/index.md' -> 'guides/'."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def load_questions(path: Path = QUESTIONS) -> list[Question]:
    """Every question of `path`; a ValueError naming the line of a malformed entry."""
    where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.SequenceNode):
        raise ValueError(f"{where}:1: expected a list of '- question: ...' entries.")
    questions = []
    for node in root.value:
        line = node.start_mark.line + 1
        entry = yaml.safe_load(yaml.serialize(node))
        if not isinstance(entry, dict) or not {"question", "page"} <= set(entry):
            raise ValueError(f"{where}:{line}: expected 'question:' and 'page:' in the entry.")
        unknown = set(entry) - {"question", "page", "section"}
        if unknown:
            raise ValueError(f"{where}:{line}: unknown key {sorted(unknown)[0]!r}.")
        questions.append(
            Question(
                str(entry["question"]), str(entry["page"]), str(entry.get("section") or ""), line
            )
        )
    return questions


class SearchBox:
    """Material's search box on one open page, asked one question after another."""

    def __init__(self, page, site_url: str):
        self.page = page
        self.base = urlsplit(site_url).path
        page.add_init_script(WATCH_WORKER)
        page.goto(site_url, wait_until="networkidle")
        self.input = page.locator("input.md-search__input")
        self.input.click()

    def ask(self, text: str) -> list[Result]:
        """Type `text` over the last question, wait for its answer, read the results.

        Material searches on every keyup, so typing all 45 questions key by key
        took over three minutes: the text up to its last character arrives as
        one input (a paste), and the last character is a real key press. A
        last character the keyboard lacks ("ó") comes with the paste, and the
        End key, pressed after it, is the key Material reads the query on.
        """
        self.input.press("Control+a")
        if text[-1].isascii():
            self.page.keyboard.insert_text(text[:-1])
            self.input.press_sequentially(text[-1])
        else:
            self.page.keyboard.insert_text(text)
            self.input.press("End")
        self.page.wait_for_function(
            "text => __nrSearch.query === text && __nrSearch.asked === __nrSearch.answered",
            arg=text,
            timeout=10_000,
        )
        return [self._result(hrefs) for hrefs in self.page.evaluate(READ_RESULTS)]

    def _result(self, hrefs: list[str]) -> Result:
        page, *sections = (urlsplit(href) for href in hrefs)
        return Result(
            page=page.path.removeprefix(self.base),
            sections=tuple(s.fragment for s in sections if s.fragment),
        )
