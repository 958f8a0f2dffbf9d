"""Site-wide content rules: write to the employer once, say each thing once, one spelling."""

from __future__ import annotations

import csv
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import built_pages
from content_rules import (
    DOCS,
    PLACEHOLDER,
    ROOT,
    TEMPLATES,
    Step,
    checklist_steps,
    do_this_now_steps,
    in_english,
    included_templates,
    is_conditional,
    languages,
    normalized,
    placeholders,
    spelling_problems,
    subject,
    words_we_use,
    writes_to_employer,
)
from prose import GUIDES, PLAN

PAGES = sorted(path for path in DOCS.rglob("*.md") if in_english(path))
# What contributors and career centers read, held to the same words.
CONTRIBUTOR_FILES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "mkdocs.yml"]
STEP_PAGES = [DOCS / page for page in [*GUIDES, PLAN]]
HOME_OF_EMPLOYER_CONTACT = "docs/guides/ask-for-feedback.md"
HELP = "guides/process-the-news/#if-you-are-not-ok-right-now"
IN_THREAD = "Re: [Their subject line]"
# Templates that start a new conversation, and why that is not a second email to the employer.
NEW_CONVERSATIONS = {
    "informational-interview-request.md": "to someone new, not the employer",
    "informational-interview-thank-you.md": "to the person you just talked with",
    "reference-thank-you.md": "to your reference, not the employer",
    "role-reopened.md": "only after you applied again for a reopened role",
}
PHONE = {"width": 390, "height": 844}


def all_steps():
    """Every checklist item and "Do this now" line of the guides and the plan."""
    return [
        step for path in STEP_PAGES for step in [*checklist_steps(path), *do_this_now_steps(path)]
    ]


def test_only_one_step_writes_to_the_employer_without_if():
    unconditional = [s for s in all_steps() if writes_to_employer(s) and not is_conditional(s)]
    places = [f"{s.path}:{s.line}: {s.text}" for s in unconditional]
    assert len(unconditional) == 1, (
        "Exactly one step may ask for the one reply to the employer; the others must say "
        "'if ...'. Found:\n" + "\n".join(places)
    )
    assert unconditional[0].path == HOME_OF_EMPLOYER_CONTACT, places


@pytest.mark.parametrize(
    ("text", "second_email"),
    [
        ("Send the employer a short note to stay in touch for future roles.", True),
        ("Email the hiring manager again next week.", True),
        ("If there is no answer by then, send the employer one follow-up.", False),
        ("Connect online with the interviewers you got on well with.", False),
    ],
)
def test_the_rule_tells_a_second_email_from_a_conditional_one(text, second_email):
    step = Step("docs/next-30-days.md", 1, text)
    assert (writes_to_employer(step) and not is_conditional(step)) is second_email


def test_templates_to_the_employer_reply_in_the_same_thread():
    problems = []
    for template in sorted(TEMPLATES.glob("*.md")):
        found = subject(template)
        if found is None or template.name in NEW_CONVERSATIONS:
            continue
        if found != IN_THREAD:
            problems.append(
                f"includes/templates/{template.name}: subject '{found}'; expected "
                f"'{IN_THREAD}' (reply in their thread) or an entry in NEW_CONVERSATIONS."
            )
    assert problems == []


def test_every_template_in_the_employer_guide_replies_in_the_thread():
    names = included_templates(DOCS / "guides" / "ask-for-feedback.md")
    assert names
    assert {name: subject(TEMPLATES / name) for name in names} == dict.fromkeys(names, IN_THREAD)


def test_no_two_checklist_items_on_the_site_are_the_same():
    seen: dict[str, str] = {}
    twins = []
    for path in PAGES:
        for step in checklist_steps(path):
            key = normalized(step.text)
            if key in seen:
                twins.append(f"{step.path}:{step.line}: same item as {seen[key]}: {step.text}")
            seen.setdefault(key, f"{step.path}:{step.line}")
    assert twins == []


def test_normalizing_ignores_case_punctuation_and_link_targets():
    assert normalized("Send a [thank-you](a.md#x), today!") == normalized("send a thank you today")


def test_the_words_we_use_table_is_well_formed():
    pairs, problems = words_we_use()
    assert problems == []
    assert ("resume", "CV") in pairs
    assert ("career center", "careers service") in pairs


@pytest.mark.parametrize("language", languages(), ids=lambda language: language.code)
def test_each_languages_pages_use_only_its_words_we_use(language):
    pairs, problems = words_we_use(language.words_file)
    assert problems == []
    files = [*language.files, *(CONTRIBUTOR_FILES if language == languages()[0] else [])]
    assert files
    assert spelling_problems(files, pairs, language=language) == []


def test_each_list_holds_on_its_own_languages_pages_only(tmp_path):
    files = {
        "mkdocs.yml": "site_name: T\nextra:\n  languages:\n    - code: en\n    - code: es\n",
        "includes/words-we-use.md": "| Use | Not |\n| --- | --- |\n| resume | CV |\n",
        "includes/es/words-we-use.md": (
            "| Use | Not |\n| --- | --- |\n| tú | usted |\n| programar | agendar |\n"
        ),
        "docs/guide.md": "Send your CV; usted is Spanish.\n",
        "docs/es/guide.md": "Si usted quiere, manda tu CV.\n",
        "includes/es/templates/reply.md": "Le escribo por si usted quiere agendar una llamada.\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = []
    for language in languages(tmp_path):
        pairs, _ = words_we_use(language.words_file, root=tmp_path)
        found += spelling_problems(list(language.files), pairs, tmp_path, language)
    assert found == [
        "docs/guide.md:1: 'CV': write 'resume', not 'CV' (see includes/words-we-use.md).",
        "docs/es/guide.md:1: 'usted': write 'tú', not 'usted' (see includes/es/words-we-use.md).",
        # A template addresses its recipient formally: the tú rows skip it, the others do not.
        "includes/es/templates/reply.md:1: 'agendar': write 'programar', not 'agendar' "
        "(see includes/es/words-we-use.md).",
    ]


def test_the_spelling_check_names_file_and_line(tmp_path):
    page = tmp_path / "docs" / "guide.md"
    page.parent.mkdir()
    page.write_text('# Guide\n\nSend your CVs to the <a class="centre">Careers   Service</a>.\n')
    pairs = [("resume", "CV"), ("career center", "careers service")]
    problems = spelling_problems([page], pairs, root=tmp_path)
    assert problems == [
        "docs/guide.md:3: 'CVs': write 'resume', not 'CV' (see includes/words-we-use.md).",
        "docs/guide.md:3: 'Careers   Service': write 'career center', not 'careers service' "
        "(see includes/words-we-use.md).",
    ]


def test_a_broken_words_table_is_reported_with_its_line(tmp_path):
    table = tmp_path / "words.md"
    table.write_text("| Use | Not |\n| --- | --- |\n| resume | CV |\n| colour |\n")
    pairs, problems = words_we_use(table, root=tmp_path)
    assert pairs == [("resume", "CV")]
    assert problems == [
        "words.md:4: expected two filled cells, '| use | not |', found '| colour |'."
    ]


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.md")))
def test_placeholders_are_named_one_way(template):
    odd = [
        f"includes/templates/{template}:{line}: [{name}]"
        for line, name in placeholders(TEMPLATES / template)
        if not PLACEHOLDER.fullmatch(name)
    ]
    assert odd == [], "Write placeholders as [Capitalized words], e.g. [Their name]."


def test_the_tracker_download_has_the_columns_of_the_printable_table():
    table = (DOCS / "guides" / "keep-networking.md").read_text(encoding="utf-8")
    block = table.split('<div class="nr-tracker" markdown>', 1)[1]
    header = next(line for line in block.splitlines() if line.startswith("| "))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    with (DOCS / "downloads" / "application-tracker.csv").open(newline="") as file:
        assert next(csv.reader(file)) == columns


def test_about_and_career_centers_share_one_license_text():
    for page in ["about.md", "career-centers.md"]:
        assert '--8<-- "license.md"' in (DOCS / page).read_text(encoding="utf-8"), page


class _Links(HTMLParser):
    """The hrefs of links inside an element with a given class, and every id."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class = css_class
        self.depth = 0
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if self.depth:
            self.depth += 1
        elif self.css_class in (attributes.get("class") or "").split():
            self.depth = 1
        if self.depth and tag == "a":
            self.hrefs.append(attributes.get("href") or "")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def links_in(html: str, css_class: str) -> _Links:
    """Parse `html` and collect the links inside `css_class` and all ids."""
    parser = _Links(css_class)
    parser.feed(html)
    return parser


def test_every_page_links_to_help_now_in_its_header(site_dir):
    target = links_in((site_dir / "guides/process-the-news/index.html").read_text(), "nr-help-link")
    assert "if-you-are-not-ok-right-now" in target.ids
    problems = []
    for relative in built_pages(site_dir):
        page_url = "https://site.test/" + relative.removesuffix("index.html")
        hrefs = links_in((site_dir / relative).read_text(), "nr-help-link").hrefs
        resolved = [urljoin(page_url, href) for href in hrefs]
        if [urlsplit(url).path + "#" + urlsplit(url).fragment for url in resolved] != ["/" + HELP]:
            problems.append(f"{relative}: help links {hrefs}")
    assert problems == []


def test_help_comes_before_any_advice_on_process_the_news(site_dir):
    html = (site_dir / "guides/process-the-news/index.html").read_text()
    assert html.index('id="if-you-are-not-ok-right-now"') < html.index("In short")
    slot = re.search(r'<div class="nr-center-slot" data-center-slot="crisis"></div>', html)
    assert slot, "the career center's crisis contacts slot is missing"


@pytest.mark.browser
def test_help_is_one_tap_away_on_a_phone(server, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + "faq/", wait_until="networkidle")
    page.get_by_role("link", name="Not OK right now? Find help").click()
    page.wait_for_url("**/" + HELP)
    heading = page.locator("#if-you-are-not-ok-right-now")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"]
    slot = page.locator("[data-center-slot='crisis']")
    assert slot.count() == 1 and slot.is_hidden(), "an empty slot must take no space"
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("page_path", [*GUIDES, PLAN])
def test_in_short_and_do_this_now_fit_one_phone_screen(server, browser, page_path):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + page_path.removesuffix(".md") + "/", wait_until="networkidle")
    top = page.locator(".admonition.abstract").first.bounding_box()["y"]
    steps = page.locator("h2#do-this-now + ol")
    bottom = steps.bounding_box()["y"] + steps.bounding_box()["height"]
    header = page.locator("header.md-header").bounding_box()["height"]
    context.close()
    assert bottom - top <= PHONE["height"] - header, (
        f"'In short' and 'Do this now' take {bottom - top:.0f} px; a 390x844 screen "
        f"shows {PHONE['height'] - header:.0f} px under the header."
    )


@pytest.mark.parametrize("path", STEP_PAGES, ids=lambda p: p.name)
def test_the_rules_see_the_steps_of_every_guide(path):
    assert 3 <= len(do_this_now_steps(path)) <= 5
    assert checklist_steps(path)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("offer withdrawn confirm writing", "guides/process-the-news/"),
        ("no-reply automated address", "guides/ask-for-feedback/"),
        ("assessment center group task", "guides/evaluate-and-reflect/"),
        ("internship without offer", "guides/keep-networking/"),
        ("recruiter agency", "guides/keep-networking/"),
    ],
)
def test_search_finds_the_new_situations(server, page, query, expected):
    page.goto(server.url, wait_until="networkidle")
    search_box = page.locator("input.md-search__input")
    search_box.click()
    search_box.press_sequentially(query)
    page.wait_for_function(
        "word => [...document.querySelectorAll('.md-search-result__item a')]"
        ".some(a => a.href.includes(word))",
        arg=query.split()[-1],
    )
    hrefs = page.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    pages = list(dict.fromkeys(urlsplit(href).path for href in hrefs))
    assert any(path.endswith(expected) for path in pages[:3]), pages
