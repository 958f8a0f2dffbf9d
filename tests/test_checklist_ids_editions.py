"""A reader's progress carries across editions: a translated checklist keeps the English ids.

One tiny site with two editions, built as the real one is (mkdocs.yml into
site/, mkdocs.es.yml, which INHERITs it, from docs/es/ into site/es/), with the
hooks of a throwaway copy of the repository whose Spanish catalog is made up:
the English with "XX " first (the catalogs are the repository's, not a site's;
this keeps the test about ids, not about the Spanish words).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import tiny_site
import yaml
from conftest import serve_folder
from playwright.sync_api import expect
from repo_copy import copy_repo

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = """\
# Start

/// checklist | Your first 48 hours
    id: news-first-48-hours

- [ ] Close the rejection email and wait a night.
- [ ] Tell one trusted person what happened.
    - [ ] Write down what you want to say first.
- [ ] Take a short walk.
///
"""
SPANISH = """\
# Inicio

/// checklist | Tus primeras 48 horas
    id: news-first-48-hours

- [ ] Cierra el correo de rechazo y espera una noche.
- [ ] Cuéntale a una persona de confianza lo que pasó.
    - [ ] Anota primero lo que quieres decir.
- [ ] Sal a dar un paseo corto.
///
"""
PLAN = """\
# Plan

<div class="nr-plan" data-nr-plan></div>

/// checklist | Week 1
    id: plan-week-1
    when: days 3 to 7
    remind: Send your one reply by business day 3.

- [ ] Send your one reply.
///
"""
PLAN_ES = """\
# Plan

<div class="nr-plan" data-nr-plan></div>

/// checklist | Semana 1
    id: plan-week-1
    when: days 3 to 7
    remind: Envía tu única respuesta a más tardar el día hábil 3.

- [ ] Envía tu única respuesta.
///
"""
PROGRESS = '# Progress\n\n<div class="nr-registry" data-nr-registry></div>\n'
ENGLISH_IDS = [
    "close-the-rejection-email-and-wait-a-night",
    "tell-one-trusted-person-what-happened",
    "write-down-what-you-want-to-say-first",
    "take-a-short-walk",
]
TRANSLATED = """\
INHERIT: mkdocs.yml
docs_dir: docs/es
site_url: https://nextround.example.org/es/
theme:
  language: es
"""


def write_two_editions(repo: Path, folder: Path, spanish: str = SPANISH) -> None:
    """The English site and its Spanish edition, with `repo`'s hooks and a made-up catalog."""
    english = yaml.safe_load((repo / "includes" / "messages" / "en.yml").read_text())
    (repo / "includes" / "messages" / "es.yml").write_text(
        yaml.safe_dump({key: f"XX {text}" for key, text in english.items()}, allow_unicode=True),
        encoding="utf-8",
    )
    files = {
        "docs/index.md": tiny_site.page("Home", ENGLISH),
        "docs/progress.md": tiny_site.page("Progress", PROGRESS),
        "docs/plan.md": tiny_site.page("Plan", PLAN),
        "docs/es/index.md": tiny_site.page("Inicio", spanish, source="index.md"),
        "docs/es/progress.md": tiny_site.page("Progreso", PROGRESS, source="progress.md"),
        "docs/es/plan.md": tiny_site.page("Plan", PLAN_ES, source="plan.md"),
        "mkdocs.es.yml": TRANSLATED,
    }
    extra = (
        f"  custom_dir: {repo / 'overrides'}\n"  # our templates load our scripts
        "exclude_docs: |\n  /es/\n"
        "extra:\n  languages:\n    - code: en\n      name: English\n"
        "    - code: es\n      name: Español\n"
    )
    tiny_site.write_site(folder, files, extra, repo=repo)


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory) -> tuple[Path, Path]:
    """The repository copy and the folder of the built site (English, Spanish in es/)."""
    root = tmp_path_factory.mktemp("editions")
    repo = copy_repo(root / "repo")
    folder = root / "site"
    write_two_editions(repo, folder)
    for config, site in (("mkdocs.yml", "site"), ("mkdocs.es.yml", "site/es")):
        result = tiny_site.build(folder, config_file=config, site=site, repo=repo)
        assert result.returncode == 0, result.output
    return repo, folder / "site"


def item_ids(html: str) -> list[str]:
    return re.findall(r'<li class="nr-checklist__item" data-item="([^"]+)"', html)


def page_config(html: str) -> dict:
    return json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)[1])


def test_a_translated_checklist_has_the_english_item_ids(two_editions):
    _, site = two_editions
    english = (site / "index.html").read_text(encoding="utf-8")
    spanish = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert item_ids(english) == ENGLISH_IDS
    assert item_ids(spanish) == ENGLISH_IDS
    assert "Cierra el correo de rechazo" in spanish


def test_the_translated_progress_page_lists_the_english_item_ids(two_editions):
    _, site = two_editions
    for progress in (site / "progress" / "index.html", site / "es" / "progress" / "index.html"):
        html = progress.read_text(encoding="utf-8")
        [items] = re.findall(r'data-checklist="news-first-48-hours" data-items="([^"]+)"', html)
        assert items.split() == ENGLISH_IDS
        entry = html.split('data-checklist="news-first-48-hours"')[1].split("</ol>")[0]
        assert re.findall(r'<li data-item="([^"]+)">', entry) == ENGLISH_IDS


def test_a_translated_edition_keeps_progress_under_the_source_editions_root(two_editions):
    _, site = two_editions
    assert page_config((site / "index.html").read_text())["progress"] is None
    assert page_config((site / "es" / "index.html").read_text())["progress"] == ".."


def test_a_translation_with_one_item_fewer_fails_the_build_at_its_line(two_editions, tmp_path):
    repo, _ = two_editions
    folder = tmp_path / "site"
    fewer = SPANISH.replace("- [ ] Sal a dar un paseo corto.\n", "")
    write_two_editions(repo, folder, fewer)
    result = tiny_site.build(folder, config_file="mkdocs.es.yml", site="site/es", repo=repo)
    page = (folder / "docs" / "es" / "index.md").read_text().splitlines()
    line = next(n for n, text in enumerate(page, 1) if text.startswith("/// checklist"))
    english = (folder / "docs" / "index.md").read_text().splitlines()
    source = next(n for n, text in enumerate(english, 1) if text.startswith("/// checklist"))
    assert result.returncode != 0
    assert result.problems == [
        f"docs/es/index.md:{line}: Checklist 'news-first-48-hours' has 3 items but its source "
        f"docs/index.md:{source} has 4; item N of a translation is item N of the source, so "
        "readers' ticks would land on the wrong items. Translate every item, in the source's "
        "order, one for one."
    ], result.output
    assert "Traceback" not in result.output


def test_ticks_and_a_note_made_in_english_show_in_the_translation(browser, two_editions):
    _, site = two_editions
    httpd, served = serve_folder(site)
    context = browser.new_context(locale="en-US", timezone_id="UTC")
    try:
        page = context.new_page()
        page.goto(served.url)
        items = page.locator("#checklist-news-first-48-hours .nr-checklist__item")
        expect(items).to_have_count(4)
        boxes = page.locator("#checklist-news-first-48-hours .nr-checklist__box")
        boxes.nth(0).check()
        boxes.nth(2).check()
        note = items.nth(3)
        note.get_by_role("button", name="Note: Take a short walk.").click()
        note.get_by_label("Your note, kept on this device").fill("Called Sam")
        expect(page.locator(".nr-checklist__status")).to_have_text("2 of 4 done")

        page.goto(served.url + "es/")
        spanish = page.locator("#checklist-news-first-48-hours .nr-checklist__item")
        expect(spanish.nth(0)).to_contain_text("Cierra el correo")
        expect(page.locator(".nr-checklist__status")).to_have_text("XX 2 of 4 done")
        ticked = [boxes.nth(n).is_checked() for n in range(4)]
        assert ticked == [True, False, True, False]
        expect(spanish.nth(3).locator(".nr-note__text")).to_have_text("Called Sam")

        page.goto(served.url + "es/progress/")
        entry = page.locator(".nr-registry__entry[data-checklist='news-first-48-hours']")
        expect(entry.locator(".nr-note__text").filter(visible=True)).to_have_text("Called Sam")
    finally:
        context.close()
        httpd.shutdown()


def test_a_plan_started_in_english_dates_the_spanish_reminder(browser, two_editions):
    _, site = two_editions
    httpd, served = serve_folder(site)
    context = browser.new_context(locale="en-US", timezone_id="UTC")
    try:
        page = context.new_page()
        page.goto(served.url + "plan/")
        page.get_by_label("Start date").fill("2026-11-27")  # a Friday
        page.get_by_role("button", name="Start my plan").click()
        when = page.locator("#checklist-plan-week-1 .nr-plan__when")
        expect(when).to_have_text("Sun, Nov 29 to Thu, Dec 3 Send your one reply by Wed, Dec 2.")

        page.goto(served.url + "es/plan/")
        when = page.locator("#checklist-plan-week-1 .nr-plan__when")
        # Business day 3 after Friday the 27th is Wednesday 2 December, as in English.
        expect(when).to_contain_text("Envía tu única respuesta a más tardar el mié, 2 dic.")
        assert page.evaluate("document.documentElement.lang") == "es"
    finally:
        context.close()
        httpd.shutdown()
