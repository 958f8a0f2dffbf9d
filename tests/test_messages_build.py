"""The interface text in a build: a missing message stops it, and another language shows.

Each test builds a tiny site with the hooks of a throwaway copy of the
repository (tests/repo_copy.py), whose catalogs in includes/messages/ it
changes: the catalogs are the repository's, not a site's.
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
CHECKLIST = """\
# Start

/// checklist | Week one
    id: plan-week-one
    when: days 1 to 7

- [ ] Write one note.
- [ ] Read the guide.
///
"""
PLAN = CHECKLIST.replace("# Start", '# Start\n\n<div class="nr-plan" data-nr-plan></div>')


@pytest.fixture
def repo(tmp_path) -> Path:
    return copy_repo(tmp_path / "repo")


def build(repo: Path, folder: Path, files: dict[str, str], extra_config: str = ""):
    """Build a tiny site with `repo`'s hooks (and so its `nextround` and its catalogs)."""
    config = tiny_site.write_site(folder, files, extra_config)
    hooks = str(ROOT / "hooks")
    config.write_text(config.read_text().replace(hooks, str(repo / "hooks")))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site")],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**tiny_site.build_env(), "PYTHONPATH": str(repo)},
        check=False,
    )
    return tiny_site.Result(result.returncode, result.stdout + result.stderr)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of `path` that holds `text`."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_a_message_missing_from_the_catalog_stops_the_build_at_the_line_using_it(repo, tmp_path):
    english = repo / "includes" / "messages" / "en.yml"
    english.write_text(re.sub(r"(?m)^checklist\.reset: .*\n", "", english.read_text()))
    result = build(repo, tmp_path / "site", {"docs/index.md": tiny_site.page("Home", CHECKLIST)})
    assert result.returncode != 0
    script = repo / "docs" / "javascripts" / "checklists.js"
    line = line_of(script, 'nr.t("checklist.reset")')
    assert (
        f"docs/javascripts/checklists.js:{line}: Message 'checklist.reset' is not in "
        "includes/messages/en.yml. Add 'checklist.reset: ...' there, with its English text "
        "(CONTRIBUTING.md, Interface text)."
    ) in result.output
    assert "Aborted: 1 content problem found." in result.output


def test_a_catalog_that_is_not_yaml_stops_the_build_naming_its_line(repo, tmp_path):
    english = repo / "includes" / "messages" / "en.yml"
    english.write_text(english.read_text().replace("note.button: Note", 'note.button: "Note'))
    result = build(repo, tmp_path / "site", {"docs/index.md": tiny_site.page("Home", "# Home")})
    assert result.returncode != 0
    assert "the interface text needs a fix; nothing was built." in result.output
    assert re.search(
        r"includes/messages/en\.yml:\d+: this catalog is not valid YAML", result.output
    )
    assert "Traceback" not in result.output


def test_a_language_without_a_catalog_stops_the_build(repo, tmp_path):
    files = {"docs/index.md": tiny_site.page("Home", "# Home")}
    result = build(repo, tmp_path / "site", files, "  language: fr\n")
    assert result.returncode != 0
    assert (
        "theme.language is 'fr', but includes/messages/fr.yml does not exist. Copy "
        "includes/messages/en.yml there and translate it"
    ) in result.output


@pytest.fixture
def french_site(repo, tmp_path) -> Path:
    """A site in `theme.language: fr`, whose made-up catalog is the English with "XX " first."""
    english = yaml.safe_load((repo / "includes" / "messages" / "en.yml").read_text())
    marked = {key: f"XX {text}" for key, text in english.items()}
    (repo / "includes" / "messages" / "fr.yml").write_text(
        yaml.safe_dump(marked, allow_unicode=True, width=1000), encoding="utf-8"
    )
    folder = tmp_path / "site"
    files = {"docs/index.md": tiny_site.page("Home", PLAN)}
    theme = (
        f"  language: fr\n  custom_dir: {repo / 'overrides'}\n"  # our templates load our scripts
    )
    result = build(repo, folder, files, theme)
    assert result.returncode == 0, result.output
    return folder / "site"


def test_another_languages_catalog_shows_on_a_checklist_page(browser, french_site):
    httpd, served = serve_folder(french_site)
    context = browser.new_context(locale="en-US", timezone_id="UTC")
    try:
        page = context.new_page()
        page.goto(served.url)
        checklist = page.locator("#checklist-plan-week-one")
        expect(checklist.locator(".nr-checklist__status")).to_have_text("XX 0 of 2 done")
        expect(checklist.get_by_role("button", name='XX Reset "Week one"')).to_have_text("XX Reset")
        expect(checklist.get_by_role("button", name='XX Print "Week one"')).to_have_text("XX Print")
        item = checklist.locator(".nr-checklist__item").first
        expect(item.get_by_role("button", name="XX Note: Write one note.")).to_have_text("XX Note")
        title = checklist.locator(".nr-checklist__title")
        assert title.get_attribute("data-nr-note-line") == "XX Date or note"

        # Dates follow the page's language (fr), not the browser's (en-US).
        assert page.locator("html").get_attribute("lang") == "fr"
        page.get_by_label("XX Start date").fill("2026-11-27")
        page.get_by_role("button", name="XX Start my plan").click()
        expect(page.get_by_role("status").filter(has_text="XX Your plan")).to_have_text(
            "XX Your plan starts on ven. 27 nov.."
        )
        expect(checklist.locator(".nr-plan__when")).to_have_text("XX ven. 27 nov. to jeu. 3 déc.")
        expect(page.get_by_role("button", name="XX Change the start date")).to_be_visible()
    finally:
        context.close()
        httpd.shutdown()


def test_the_build_needs_no_english_for_another_language(french_site):
    scripts = "".join(
        path.read_text(encoding="utf-8")
        for path in (french_site / "assets" / "next-round").glob("*.js")
    )
    texts = re.findall(r"nextRound\.messages\((\{.*?\})\);", scripts)
    assert texts, "the page's script carries its messages"
    shown = [text for table in texts for text in json.loads(table).values()]
    assert all(text.startswith("XX ") for text in shown)
