"""Readers download our scripts and stylesheets minified; the sources keep their comments."""

from __future__ import annotations

import gzip
from pathlib import Path

import material
import pytest
from conftest import ROOT

OWN_ASSETS = sorted(
    path.relative_to(ROOT / "docs").as_posix()
    for pattern in ("javascripts/*.js", "stylesheets/*.css")
    for path in (ROOT / "docs").glob(pattern)
)


@pytest.mark.parametrize("name", OWN_ASSETS)
def test_built_asset_is_smaller_than_its_source_and_has_no_comments(site_dir, name):
    source = (ROOT / "docs" / name).read_text(encoding="utf-8")
    shipped = (site_dir / name).read_text(encoding="utf-8")
    assert "/*" in source, f"docs/{name} should explain itself in comments"
    assert "/*" not in shipped, f"{name} still holds a comment in the built site"
    assert len(gzip.compress(shipped.encode())) < len(gzip.compress(source.encode()))


def test_theme_assets_are_left_as_the_theme_ships_them(site_dir):
    theme_js = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert theme_js, "Material's bundle is missing from the built site"
    installed = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    assert theme_js[0].read_bytes() == (installed / theme_js[0].name).read_bytes()
