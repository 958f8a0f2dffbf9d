"""Contributor docs, GitHub forms and workflow, and the edit links of the built site."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import textstat
import yaml
from conftest import built_pages
from prose import DRAFTS, GUIDES, PLAN, prose
from repo_copy import ROOT, run

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
EDIT_PREFIX = "https://github.com/next-round/next-round/edit/main/"
FORM_NAMES = {
    "Content correction",
    "New guide or section idea",
    "Broken link or page problem",
    "Translation offer",
}
# Written in two halves so that this file does not match its own search.
OUTSIDE_PATHS = ["../" + "shared", "/work" + "/", "shared/" + "WRITING", "shared/" + "STYLE"]


def issue_forms() -> list[Path]:
    return sorted(p for p in FORMS.glob("*.yml") if p.name != "config.yml")


def test_the_four_issue_forms_exist():
    names = {yaml.safe_load(form.read_text())["name"] for form in issue_forms()}
    assert names == FORM_NAMES


@pytest.mark.parametrize("form", issue_forms(), ids=lambda p: p.name)
def test_issue_form_has_the_fields_github_requires(form):
    data = yaml.safe_load(form.read_text())
    assert data["name"].strip() and data["description"].strip()
    ids = []
    for element in data["body"]:
        assert element["type"] in {"markdown", "textarea", "input", "dropdown", "checkboxes"}
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        assert element["attributes"]["label"].strip()
        ids.append(element["id"])
        assert re.fullmatch(r"[a-z0-9_-]+", element["id"])
    assert ids and len(ids) == len(set(ids))
    assert any(e.get("validations", {}).get("required") for e in data["body"])


def check_schema(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return run(["check-jsonschema", "--builtin-schema", schema, *map(str, files)], ROOT)


def test_issue_forms_and_config_match_githubs_schemas():
    forms = check_schema("vendor.github-issue-forms", *issue_forms())
    assert forms.returncode == 0, forms.stdout + forms.stderr
    config = check_schema("vendor.github-issue-config", FORMS / "config.yml")
    assert config.returncode == 0, config.stdout + config.stderr


def test_the_schema_check_rejects_a_form_without_a_label(tmp_path):
    data = yaml.safe_load(issue_forms()[0].read_text())
    field = next(e for e in data["body"] if e["type"] != "markdown")
    del field["attributes"]["label"]
    broken = tmp_path / "broken.yml"
    broken.write_text(yaml.safe_dump(data))
    assert check_schema("vendor.github-issue-forms", broken).returncode != 0


def test_the_workflow_runs_the_readmes_test_command():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and "push" in triggers
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "bash .ci/run" in steps
    script = (ROOT / ".ci" / "run").read_text().strip().splitlines()
    readme = (ROOT / "README.md").read_text()
    assert script[-1] == "make test"
    assert re.search(r"^make test\b", readme.split("```sh\n", 1)[1], re.MULTILINE)
    valid = check_schema("vendor.github-workflows", ROOT / ".github" / "workflows" / "ci.yml")
    assert valid.returncode == 0, valid.stdout


def test_the_pull_request_template_has_a_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text()
    assert len(re.findall(r"^- \[ \] ", text, re.MULTILINE)) >= 3
    assert "make test" in text


def repository_files() -> list[Path]:
    listed = run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], ROOT)
    return [ROOT / name for name in listed.stdout.splitlines() if (ROOT / name).is_file()]


def test_no_file_refers_to_a_path_outside_the_repository():
    found = []
    for path in repository_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number}: {o}" for o in OUTSIDE_PATHS if o in line]
    assert found == []


def test_contributing_is_plain_and_self_contained():
    text = (ROOT / "CONTRIBUTING.md").read_text()
    assert textstat.flesch_kincaid_grade(prose(text)) <= 8
    for needed in (
        "[Your name]",
        "[Their name]",
        "[Job title]",
        "[Organization]",
        "[Interview date]",
        "[One thing I learned]",
        "includes/words-we-use.md",
        "draft: true",
        "make new-guide",
        "make new-template",
        "make lint",
        "How review works",
        "US English",
    ):
        assert needed in text, needed
    # Links must work on GitHub and on the site: full addresses or in-page anchors only.
    for target in re.findall(r"\]\(([^)]+)\)", text):
        assert target.startswith(("https://", "#")), target


class _Links(HTMLParser):
    """Every `<a>` of a page, as a dict of its attributes."""

    def __init__(self):
        super().__init__()
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def links_of(html_file: Path) -> list[dict[str, str]]:
    parser = _Links()
    parser.feed(html_file.read_text())
    return parser.links


def source_of(page: str) -> str:
    """The docs/ source of a built page: `guides/x/index.html` -> `docs/guides/x.md`."""
    stem = page.removesuffix("index.html").rstrip("/")
    for candidate in (f"docs/{stem}.md", f"docs/{stem}/index.md", "docs/index.md"):
        if (ROOT / candidate).is_file() and (stem or candidate == "docs/index.md"):
            return candidate
    raise AssertionError(f"no source for {page}")


def test_every_edit_button_opens_the_pages_own_source_file(site_dir):
    for page in built_pages(site_dir):
        buttons = [
            a["href"]
            for a in links_of(site_dir / page)
            if a.get("rel") == "edit" and "md-content__button" in a.get("class", "")
        ]
        assert len(buttons) == 1, page
        expected = "CONTRIBUTING.md" if page == "about/contribute/index.html" else source_of(page)
        assert buttons[0] == EDIT_PREFIX + expected, page


def test_the_contribute_page_shows_contributing_md(site_dir):
    html = (site_dir / "about" / "contribute" / "index.html").read_text()
    text = re.sub(r"^```.*?^```", "", (ROOT / "CONTRIBUTING.md").read_text(), flags=re.S | re.M)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert len(headings) >= 8
    assert re.search(r"<h1[^>]*>Contributing to Next Round<", html)
    for heading in headings:
        assert f">{heading}<" in html, heading


def test_each_template_on_a_page_has_a_link_to_edit_its_file(site_dir):
    for page in ["templates.md", *GUIDES, *DRAFTS]:
        names = re.findall(
            r'^--8<-- "templates/([^"]+)"', (ROOT / "docs" / page).read_text(), re.MULTILINE
        )
        html = site_dir / page.removesuffix(".md") / "index.html"
        edits = [a["href"] for a in links_of(html) if a.get("rel") == "edit"][1:]
        assert edits == [f"{EDIT_PREFIX}includes/templates/{name}" for name in names], page
        assert all((ROOT / "includes" / "templates" / name).is_file() for name in names)


def test_each_guide_shows_when_it_was_last_reviewed(site_dir):
    for page in [*GUIDES, *DRAFTS, PLAN]:
        front = (ROOT / "docs" / page).read_text().split("---\n")[1]
        day = re.search(r"^last_reviewed: (\S+)$", front, re.MULTILINE)[1]
        html = (site_dir / page.removesuffix(".md") / "index.html").read_text()
        assert re.search(rf'Last reviewed: <time datetime="{day}">\w+ \d+, \d{{4}}</time>', html)
