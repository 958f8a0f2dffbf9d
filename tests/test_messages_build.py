"""The interface text in a build: a missing message stops it, and another language shows.

Each test builds a tiny site with the hooks of a throwaway copy of the
repository (tests/repo_copy.py), whose catalogs in includes/messages/ it
changes: the catalogs are the repository's, not a site's.
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
    tiny_site.write_site(folder, files, extra_config, repo=repo)
    return tiny_site.build(folder, repo=repo)


def line_of(path: Path, text: str) -> int:
    """The 1-based line of `path` that holds `text`."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_message_missing_from_a_catalog_stops_the_build_at_the_line_using_it(
    repo, tmp_path, language
):
    catalog = repo / "includes" / "messages" / f"{language}.yml"
    english_line = line_of(repo / "includes" / "messages" / "en.yml", "checklist.reset: ")
    catalog.write_text(re.sub(r"(?m)^checklist\.reset: .*\n", "", catalog.read_text()))
    result = build(repo, tmp_path / "site", {"docs/index.md": tiny_site.page("Home", CHECKLIST)})
    assert result.returncode != 0
    script = repo / "docs" / "javascripts" / "checklists.js"
    line = line_of(script, 'nr.t("checklist.reset")')
    hint = {
        "en": "with its English text (CONTRIBUTING.md, Interface text).",
        "es": f"translating includes/messages/en.yml:{english_line} ('Reset').",
    }[language]
    assert (
        f"docs/javascripts/checklists.js:{line}: Message 'checklist.reset' is not in "
        f"includes/messages/{language}.yml. Add 'checklist.reset: ...' there, {hint}"
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


SPANISH_TEMPLATES = """\
# Plantillas

<div class="nr-details" id="your-details" data-nr-details markdown>

**Tus datos.** Complétalos una vez.

</div>

--8<-- "templates/reply-to-rejection.md"
"""
SPANISH_PROGRESS = """\
# Mi progreso

<div class="nr-registry" data-nr-registry></div>
"""


@pytest.fixture(scope="module")
def spanish_site(tmp_path_factory) -> Path:
    """A site in `theme.language: es` with the repository's catalogs and templates.

    A checklist page with the plan (reviewed on 2026-11-27), the templates page's details
    form with a Spanish template, and My progress.
    """
    folder = tmp_path_factory.mktemp("spanish") / "site"
    template = ROOT / "includes" / "es" / "templates" / "reply-to-rejection.md"
    files = {
        "docs/index.md": tiny_site.page("Inicio", PLAN, last_reviewed="2026-11-27"),
        "docs/templates.md": tiny_site.page("Plantillas", SPANISH_TEMPLATES),
        "docs/progress.md": tiny_site.page("Mi progreso", SPANISH_PROGRESS),
        "includes/templates/reply-to-rejection.md": template.read_text(encoding="utf-8"),
    }
    theme = f"  language: es\n  custom_dir: {ROOT / 'overrides'}\n"
    tiny_site.write_site(folder, files, theme)
    result = tiny_site.build(folder)
    assert result.returncode == 0, result.output
    return folder / "site"


def english_texts() -> dict[str, re.Pattern]:
    """The words of each English message whose Spanish differs, each matched as whole words.

    A message's words are the runs between its {names}; a run of one lowercase word is
    left out ("call {phone}"), so that page markup cannot match it.
    """
    english = yaml.safe_load((ROOT / "includes" / "messages" / "en.yml").read_text())
    spanish = yaml.safe_load((ROOT / "includes" / "messages" / "es.yml").read_text())
    runs = {
        run.strip()
        for key, text in english.items()
        if spanish[key] != text
        for run in re.split(r"\{[A-Za-z]+\}", text)
    }
    return {
        run: re.compile(rf"(?<!\w){re.escape(run)}(?!\w)")
        for run in sorted(runs)
        if len(run) > 1 and (" " in run or run[0].isupper())
    }


def english_in(page) -> list[str]:
    """The English messages the page shows or names in an attribute, scripts left out."""
    html = page.evaluate(
        """() => {
            const copy = document.documentElement.cloneNode(true);
            copy.querySelectorAll("script").forEach((script) => script.remove());
            return copy.outerHTML;
        }"""
    )
    return [run for run, pattern in english_texts().items() if pattern.search(html)]


def test_a_spanish_checklist_page_speaks_spanish(browser, spanish_site):
    httpd, served = serve_folder(spanish_site)
    context = browser.new_context(locale="en-US", timezone_id="UTC")
    try:
        page = context.new_page()
        page.goto(served.url)
        expect(page.get_by_role("link", name="¿No estás bien ahora? Busca ayuda")).to_be_visible()
        checklist = page.locator("#checklist-plan-week-one")
        expect(checklist.locator(".nr-checklist__status")).to_have_text("0 de 2 hechas")
        reset = checklist.get_by_role("button", name='Reiniciar "Week one"')
        expect(reset).to_have_text("Reiniciar")
        expect(checklist.get_by_role("button", name='Imprimir "Week one"')).to_have_text("Imprimir")
        item = checklist.locator(".nr-checklist__item").first
        expect(item.get_by_role("button", name="Nota: Write one note.")).to_have_text("Nota")
        title = checklist.locator(".nr-checklist__title")
        assert title.get_attribute("data-nr-note-line") == "Fecha o nota"
        expect(page.locator(".nr-last-reviewed")).to_have_text(
            "Última revisión: 27 de noviembre de 2026."
        )
        page.get_by_label("Fecha de inicio").fill("2026-11-27")
        page.get_by_role("button", name="Empezar mi plan").click()
        expect(page.get_by_role("status").filter(has_text="Tu plan")).to_have_text(
            "Tu plan empieza el vie, 27 nov."  # codespell:ignore vie
        )
        days = "Del vie, 27 nov al jue, 3 dic"  # codespell:ignore vie
        expect(checklist.locator(".nr-plan__when")).to_have_text(days)
        expect(page.get_by_role("button", name="Agregar a mi calendario")).to_be_visible()
        assert english_in(page) == []
    finally:
        context.close()
        httpd.shutdown()


def test_the_spanish_details_form_fills_the_spanish_templates(browser, spanish_site):
    httpd, served = serve_folder(spanish_site)
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(served.url + "templates/")
        form = page.locator("#your-details")
        clear = form.get_by_role("button", name="Borrar mis datos")  # codespell:ignore mis
        expect(clear).to_be_visible()
        page.get_by_label("Nombre de la persona").fill("Ana Gómez")
        page.get_by_label("Tu nombre", exact=True).fill("Luis")
        code = page.locator("pre code").first
        expect(code).to_contain_text("Buenos días, Ana Gómez:")
        expect(code).to_contain_text("[Asunto de su correo]")
        expect(code).to_contain_text("Saludos cordiales,\nLuis")
        expect(page.get_by_role("link", name="Completa tus datos")).to_be_visible()
        assert english_in(page) == []
    finally:
        context.close()
        httpd.shutdown()


def test_spanish_my_progress_speaks_spanish(browser, spanish_site):
    httpd, served = serve_folder(spanish_site)
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(served.url + "progress/")
        entry = page.locator(".nr-registry__entry").first
        expect(entry.locator(".nr-registry__count")).to_have_text(
            "0 de 2 hechas", use_inner_text=True
        )
        for name in ("Exportar", "Importar", "Borrar todo"):
            expect(page.get_by_role("button", name=name)).to_be_enabled()
        without_scripts = browser.new_context(java_script_enabled=False).new_page()
        without_scripts.goto(served.url + "progress/")
        count = without_scripts.locator(".nr-registry__entry .nr-registry__count").first
        assert count.inner_text() == "2 tareas"
        assert without_scripts.get_by_role("button", name="Exportar").is_hidden()
        without_scripts.context.close()
        assert english_in(page) == []
    finally:
        context.close()
        httpd.shutdown()
