"""A reader's progress carries across editions: a translated checklist keeps the English ids.

One tiny site with two editions, built as the real one is (mkdocs.yml into
site/, mkdocs.fr.yml, which INHERITs it, from docs/fr/ into site/fr/), with the
hooks of a throwaway copy of the repository whose made-up French catalog is the
English with "XX " first (the catalogs are the repository's, not a site's).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
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
FRENCH = """\
# Début

/// checklist | Vos 48 premières heures
    id: news-first-48-hours

- [ ] Fermez le courriel de refus et attendez une nuit.
- [ ] Dites à une personne de confiance ce qui s'est passé.
    - [ ] Notez d'abord ce que vous voulez dire.
- [ ] Faites une courte promenade.
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
docs_dir: docs/fr
site_url: https://nextround.example.org/fr/
theme:
  language: fr
"""


def write_two_editions(repo: Path, folder: Path, french: str = FRENCH) -> None:
    """The English site and its French edition, with `repo`'s hooks and a French catalog."""
    english = yaml.safe_load((repo / "includes" / "messages" / "en.yml").read_text())
    (repo / "includes" / "messages" / "fr.yml").write_text(
        yaml.safe_dump({key: f"XX {text}" for key, text in english.items()}, allow_unicode=True),
        encoding="utf-8",
    )
    files = {
        "docs/index.md": tiny_site.page("Home", ENGLISH),
        "docs/progress.md": tiny_site.page("Progress", PROGRESS),
        "docs/fr/index.md": tiny_site.page("Accueil", french, source="index.md"),
        "docs/fr/progress.md": tiny_site.page("Progrès", PROGRESS, source="progress.md"),
        "mkdocs.fr.yml": TRANSLATED,
    }
    extra = (
        f"  custom_dir: {repo / 'overrides'}\n"  # our templates load our scripts
        "exclude_docs: |\n  /fr/\n"
        "extra:\n  languages:\n    - code: en\n      name: English\n"
        "    - code: fr\n      name: Français\n"
    )
    config = tiny_site.write_site(folder, files, extra)
    config.write_text(config.read_text().replace(str(ROOT / "hooks"), str(repo / "hooks")))


def build(repo: Path, folder: Path, config: str, site: str) -> tiny_site.Result:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", site],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**tiny_site.build_env(), "PYTHONPATH": str(repo)},
        check=False,
    )
    return tiny_site.Result(result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory) -> tuple[Path, Path]:
    """The repository copy and the folder of the built site (English, French in fr/)."""
    root = tmp_path_factory.mktemp("editions")
    repo = copy_repo(root / "repo")
    folder = root / "site"
    write_two_editions(repo, folder)
    for config, site in (("mkdocs.yml", "site"), ("mkdocs.fr.yml", "site/fr")):
        result = build(repo, folder, config, site)
        assert result.returncode == 0, result.output
    return repo, folder / "site"


def item_ids(html: str) -> list[str]:
    return re.findall(r'<li class="nr-checklist__item" data-item="([^"]+)"', html)


def page_config(html: str) -> dict:
    return json.loads(re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)[1])


def test_a_translated_checklist_has_the_english_item_ids(two_editions):
    _, site = two_editions
    english = (site / "index.html").read_text(encoding="utf-8")
    french = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert item_ids(english) == ENGLISH_IDS
    assert item_ids(french) == ENGLISH_IDS
    assert "Fermez le courriel de refus" in french


def test_the_translated_progress_page_lists_the_english_item_ids(two_editions):
    _, site = two_editions
    for progress in (site / "progress" / "index.html", site / "fr" / "progress" / "index.html"):
        html = progress.read_text(encoding="utf-8")
        [items] = re.findall(r'data-checklist="news-first-48-hours" data-items="([^"]+)"', html)
        assert items.split() == ENGLISH_IDS
        assert re.findall(r'<li data-item="([^"]+)">', html) == ENGLISH_IDS


def test_a_translated_edition_keeps_progress_under_the_source_editions_root(two_editions):
    _, site = two_editions
    assert page_config((site / "index.html").read_text())["progress"] is None
    assert page_config((site / "fr" / "index.html").read_text())["progress"] == ".."


def test_a_translation_with_one_item_fewer_fails_the_build_at_its_line(two_editions, tmp_path):
    repo, _ = two_editions
    folder = tmp_path / "site"
    fewer = FRENCH.replace("- [ ] Faites une courte promenade.\n", "")
    write_two_editions(repo, folder, fewer)
    result = build(repo, folder, "mkdocs.fr.yml", "site/fr")
    page = (folder / "docs" / "fr" / "index.md").read_text().splitlines()
    line = next(n for n, text in enumerate(page, 1) if text.startswith("/// checklist"))
    english = (folder / "docs" / "index.md").read_text().splitlines()
    source = next(n for n, text in enumerate(english, 1) if text.startswith("/// checklist"))
    assert result.returncode != 0
    assert result.problems == [
        f"docs/fr/index.md:{line}: Checklist 'news-first-48-hours' has 3 items but its source "
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

        page.goto(served.url + "fr/")
        french = page.locator("#checklist-news-first-48-hours .nr-checklist__item")
        expect(french.nth(0)).to_contain_text("Fermez le courriel")
        expect(page.locator(".nr-checklist__status")).to_have_text("XX 2 of 4 done")
        ticked = [boxes.nth(n).is_checked() for n in range(4)]
        assert ticked == [True, False, True, False]
        expect(french.nth(3).locator(".nr-note__text")).to_have_text("Called Sam")

        page.goto(served.url + "fr/progress/")
        entry = page.locator(".nr-registry__entry[data-checklist='news-first-48-hours']")
        expect(entry.locator(".nr-note__text").filter(visible=True)).to_have_text("Called Sam")
    finally:
        context.close()
        httpd.shutdown()
