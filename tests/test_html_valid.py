"""Every built page is valid HTML by the W3C Nu Html Checker (vnu.jar, errors only).

One Java process checks the real site, the example career center and a tiny site whose title,
description, site name and site description are full of quotes, angle
brackets and ampersands. The tiny site must also read back in Chromium with
every character intact, and the theme templates copied into `overrides/` must
still match Material's own, apart from the lines changed on purpose.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import material
import pytest
import tiny_site
from conftest import missing_tool, serve_folder
from tiny_site import ROOT, page

VNU_JAR = ROOT / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"

TITLE = 'Say "yes" & <i>mean</i> it'
DESCRIPTION = 'He said "no" <b>twice</b> & left'
SITE_NAME = 'The "Fresh Start" <Career> Center & Co\'s'
SITE_DESCRIPTION = 'Help after "we won\'t be moving forward" </title><script>x</script>'

# Each copied template, with the lines of Material's file it replaces on purpose.
COPIED_LINES = {
    "base.html": [
        '<html lang="{{ lang.t(\'language\') }}" class="no-js">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" '
        'autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" '
        'autocomplete="off">',
        '"search": "assets/javascripts/workers/search.a7633da7.min.js" | url,',
    ],
    "partials/header.html": [
        '<a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" '
        'title="{{ config.site_name | e }}" class="md-header__button md-logo" '
        'aria-label="{{ config.site_name }}" data-md-component="logo">',
        "{{ config.site_name }}",
        "{{ page.meta.title }}",
    ],
    "partials/search.html": [
        '<div class="md-search" data-md-component="search" role="dialog">',
    ],
    "partials/nav.html": [
        '<a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" '
        'title="{{ config.site_name | e }}" class="md-nav__button md-logo" '
        'aria-label="{{ config.site_name }}" data-md-component="logo">',
        "{{ config.site_name }}",
    ],
}


def checker_errors(folders: list[Path]) -> dict[Path, list[str]]:
    """Run vnu.jar once over `folders`; each folder's errors as `page:line: message`."""
    java = shutil.which("java")
    if java is None:
        missing_tool(
            "Java not found. Install Debian's package: apt-get install default-jre-headless"
        )
    if not VNU_JAR.exists():
        missing_tool(f"{VNU_JAR.relative_to(ROOT)} not found. Run `make test` (npm ci in tools/).")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
    command += ["--skip-non-html", *map(str, folders)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr}")
    errors: dict[Path, list[str]] = {folder: [] for folder in folders}
    for message in messages:
        file = Path(unquote(urlsplit(message.get("url", "")).path))
        folder = next((f for f in folders if file.is_relative_to(f)), folders[0])
        where = file.relative_to(folder).as_posix() if file.is_relative_to(folder) else file
        errors[folder].append(f"{where}:{message.get('lastLine', 0)}: {message['message']}")
    return errors


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory) -> Path:
    """A tiny site with hostile metadata, built with our theme overrides."""
    folder = tmp_path_factory.mktemp("hostile")
    body = "# Hostile metadata\n\nThe title and description above are full of markup.\n"
    config = tiny_site.write_site(
        folder,
        {"docs/index.md": page(json.dumps(TITLE), body, description=json.dumps(DESCRIPTION))},
        extra_config=f"  custom_dir: {ROOT / 'overrides'}\n"
        f"site_description: {json.dumps(SITE_DESCRIPTION)}\n",
    )
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Tiny\n", f"site_name: {json.dumps(SITE_NAME)}\n"))
    # The metadata check refuses '<' in a title; the templates must escape it all the same.
    result = tiny_site.build(folder, checks=False)
    assert result.returncode == 0, result.output
    return folder / "site"


@pytest.fixture(scope="module")
def errors(site_dir, tiny_dir, center_dir) -> dict[Path, list[str]]:
    """The checker's errors for the real site, the tiny site and the example center, one run."""
    return checker_errors([site_dir, tiny_dir, center_dir])


def test_every_page_is_valid_html(errors, site_dir):
    found = errors[site_dir]
    assert found == [], f"{len(found)} errors in the site:\n" + "\n".join(found)


def test_example_center_with_its_contacts_is_valid_html(errors, center_dir):
    found = errors[center_dir]
    assert found == [], f"{len(found)} errors in the example center:\n" + "\n".join(found)


def test_hostile_metadata_builds_valid_html(errors, tiny_dir):
    found = errors[tiny_dir]
    assert found == [], f"{len(found)} errors in the tiny site:\n" + "\n".join(found)


def test_hostile_metadata_reads_in_full_in_chromium(tiny_dir, browser):
    httpd, served = serve_folder(tiny_dir)
    context = browser.new_context()
    tab = context.new_page()
    try:
        tab.goto(served.url)
        description = "document.querySelector('meta[name=description]').content"
        home = {
            "title": tab.title(),
            "description": tab.evaluate(description),
            "logo": tab.get_attribute(".md-header .md-logo", "aria-label"),
            "header": tab.inner_text(".md-header__topic .md-ellipsis"),
            "topic": tab.inner_text("[data-md-component=header-topic] .md-ellipsis"),
        }
        tab.goto(served.url + "404.html")
        fallback = tab.evaluate(description)
    finally:
        context.close()
        httpd.shutdown()
    assert home == {
        "title": f"{TITLE} - {SITE_NAME}",
        "description": DESCRIPTION,
        "logo": SITE_NAME,
        "header": SITE_NAME,
        "topic": TITLE,
    }
    assert fallback == SITE_DESCRIPTION


# Blocks of a copy left empty because overrides/main.html writes them.
EMPTIED_BLOCKS = {"base.html": ("site_meta", "htmltitle")}


@pytest.mark.parametrize("template", sorted(COPIED_LINES))
def test_copied_template_matches_material(template):
    theirs = _without_leading_comment(MATERIAL_TEMPLATES / template)
    theirs = _emptied(theirs, EMPTIED_BLOCKS.get(template, ()))
    ours = _without_leading_comment(ROOT / "overrides" / template)
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    replaced = [
        line.strip()
        for tag, start, end, _, _ in matcher.get_opcodes()
        if tag != "equal"
        for line in theirs[start:end]
    ]
    assert replaced == COPIED_LINES[template], (
        f"overrides/{template} no longer matches Material's {template}: copy it again "
        "and redo only the changes its comment describes."
    )


def _emptied(lines: list[str], blocks: tuple[str, ...]) -> list[str]:
    """`lines` with each named block's content removed, its tags kept on one line."""
    text = "\n".join(lines)
    for name in blocks:
        pattern = r"\{% block " + name + r" %\}.*?\{% endblock %\}"
        text = re.sub(pattern, f"{{% block {name} %}}{{% endblock %}}", text, count=1, flags=re.S)
    return text.splitlines()


def _without_leading_comment(path: Path) -> list[str]:
    """The template's lines after its opening `{#- ... -#}` comment."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("{#-"):
        text = text[text.index("-#}") + 3 :]
    return text.splitlines()
