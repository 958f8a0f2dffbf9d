"""The site builds on a second engine, ProperDocs, with the same hooks and the same result.

ProperDocs 1.6.7 is a maintained fork of MkDocs 1.6. Built strictly by it, the
real site has the same pages, the same content and the same checklist markup;
and `make check` reads a ProperDocs-built site as it reads MkDocs' output.
(The bad-input corpus runs on both engines too: `test_bad_inputs.py`.)
"""

from __future__ import annotations

import subprocess
import sys

import pytest
import tiny_site
from conftest import built_pages
from tiny_site import ROOT

from nextround.engine.built_site import CONTENT_CLASS
from nextround.parse.html import read_page

PROPERDOCS_BUILD = (sys.executable, "-m", "properdocs", "build", "--strict")


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory):
    """The real site, built strictly by ProperDocs."""
    folder = tmp_path_factory.mktemp("properdocs-site")
    result = subprocess.run(
        [*PROPERDOCS_BUILD, "-f", str(ROOT / "mkdocs.yml"), "-d", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=tiny_site.build_env(),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return folder


def pages_of(folder):
    """The English edition's pages (ProperDocs builds mkdocs.yml alone)."""
    return [*built_pages(folder), "404.html"]


def content(folder, page):
    """What the content of one written page holds: ids, links, checklists, markup."""
    html = (folder / page).read_text(encoding="utf-8")
    read = read_page(html, region=CONTENT_CLASS)
    return read.ids, [link.url for link in read.links], read.checklists, read.markup


def test_both_engines_write_the_same_pages(site_dir, properdocs_site):
    assert pages_of(properdocs_site) == pages_of(site_dir)
    assert len(pages_of(site_dir)) >= 13


def test_both_engines_write_the_same_content_and_checklists(site_dir, properdocs_site):
    differences = [
        page
        for page in pages_of(site_dir)
        if content(site_dir, page) != content(properdocs_site, page)
    ]
    assert differences == []
    checklists = {}
    for page in pages_of(properdocs_site):
        checklists.update(content(properdocs_site, page)[2])
    assert len(checklists) >= 20
    assert all(items for items in checklists.values())


def test_make_check_reads_a_site_that_properdocs_wrote(properdocs_site):
    result = subprocess.run(
        [sys.executable, "-m", "nextround.cli.check", "--site-dir", str(properdocs_site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=tiny_site.build_env(),
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("Check passed: 0 problems, 0 MkDocs warnings,")
