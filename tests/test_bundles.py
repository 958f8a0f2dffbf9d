"""Each page loads one script and one stylesheet of ours, holding only what its content uses.

The build bundles our modules per page (nextround/render/bundles.py), minified
and named after their content; Material's own assets are left as it ships them.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import material
import pytest
from conftest import ROOT, built_pages

from nextround import messages
from nextround.parse.message_uses import script_uses
from nextround.render import bundles, material_assets

OUR_ASSET = re.compile(r'(?:href|src)="([^"]*assets/next-round/[^"]+)"')
# Code that only a checklist, a template, a table, the plan or the progress page needs.
FEATURE_CODE = ("nr-checklist", "nr-ph", "nr-registry", "nr-plan", "scrollwrap", "nr-handout")


def our_assets(site_dir: Path, page: str) -> list[str]:
    """Our files that `page` loads, as paths from the site root (the 404 page's start with /)."""
    html = (site_dir / page).read_text(encoding="utf-8")
    folder = (site_dir / page).parent
    return [
        link.lstrip("/")
        if link.startswith("/")
        else (folder / link).resolve().relative_to(site_dir.resolve()).as_posix()
        for link in OUR_ASSET.findall(html)
    ]


def test_every_page_loads_one_stylesheet_and_one_script_of_ours(site_dir):
    wrong = {}
    for page in [*built_pages(site_dir), "404.html"]:
        assets = our_assets(site_dir, page)
        kinds = sorted(Path(asset).suffix for asset in assets)
        missing = [asset for asset in assets if not (site_dir / asset).is_file()]
        if kinds != [".css", ".js"] or missing:
            wrong[page] = assets
    assert wrong == {}


def test_a_page_without_checklists_templates_or_tables_loads_none_of_their_code(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert bundles.features(html) == frozenset(), "the home page has none of these features"
    loaded = "".join((site_dir / asset).read_text() for asset in our_assets(site_dir, "index.html"))
    assert [code for code in FEATURE_CODE if code in loaded] == []
    guide = "".join(
        (site_dir / asset).read_text()
        for asset in our_assets(site_dir, "guides/ask-for-feedback/index.html")
    )
    has_checklists_templates_and_tables = ("nr-checklist", "nr-ph", "scrollwrap")
    assert [code for code in has_checklists_templates_and_tables if code not in guide] == []


def test_features_come_from_markup_not_from_text():
    assert bundles.features('<div class="nr-checklist" data-checklist="x">') == {"checklist"}
    assert bundles.features('<span class="nr-ph nr-ph--empty">[Job title]</span>') == {"details"}
    assert bundles.features("<table>\n<tr><td>1</td></tr></table>") == {"table"}
    assert bundles.features('<div class="nr-plan" data-nr-plan></div>') == {"plan"}
    code = '<pre><code>&lt;div class="nr-checklist" data-nr-registry&gt; table</code></pre>'
    assert bundles.features(code) == frozenset()


def test_pages_with_the_same_features_share_one_file_named_after_its_content(site_dir):
    published = sorted((site_dir / "assets" / "next-round").iterdir())
    names = [path.name for path in published]
    assert all(re.fullmatch(r"(scripts|styles)\.[0-9a-f]{8}\.min\.(js|css)", n) for n in names)
    for path in published:
        assert path.name.split(".")[1] == bundles.fingerprint(path.read_text(encoding="utf-8"))
    loaded = {asset for page in built_pages(site_dir) for asset in our_assets(site_dir, page)}
    scripts = {asset for asset in loaded if asset.endswith(".js")}
    assert len(scripts) < len(built_pages(site_dir)), "pages share bundles"
    assert {f"assets/next-round/{name}" for name in names} == loaded | set(
        our_assets(site_dir, "404.html")
    ), "no bundle is published that no page loads"


@pytest.mark.parametrize("module", [m.path for m in bundles.SCRIPTS + bundles.STYLES])
def test_sources_keep_their_comments_and_are_not_published(site_dir, module):
    source = (ROOT / "docs" / module).read_text(encoding="utf-8")
    assert source.lstrip().startswith("/*"), f"docs/{module} should explain itself in a comment"
    assert not (site_dir / module).exists(), f"{module} is published on its own"
    shipped = bundles.minified(source, Path(module).suffix)
    assert "/*" not in shipped
    assert len(gzip.compress(shipped.encode())) < len(gzip.compress(source.encode()))


def test_every_source_file_is_a_module_of_a_bundle():
    sources = {
        path.relative_to(ROOT / "docs").as_posix()
        for pattern in ("javascripts/*.js", "stylesheets/*.css")
        for path in (ROOT / "docs").glob(pattern)
    }
    assert sources == bundles.SOURCE_URIS


def test_theme_assets_are_left_as_the_theme_ships_them(site_dir):
    theme_js = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert theme_js, "Material's bundle is missing from the built site"
    installed = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    assert theme_js[0].read_bytes() == (installed / theme_js[0].name).read_bytes()
    assert not (site_dir / "assets" / "javascripts" / "inline").exists(), (
        "inline scripts are inline"
    )


def test_materials_stylesheet_is_named_as_materials_base_html_names_it():
    theirs = (material_assets.THEME / "base.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    (main_css,) = re.findall(r"'assets/stylesheets/main\.[0-9a-f]{8}\.min\.css'", theirs)
    assert main_css in ours, "copy the new name of Material's stylesheet into main.html"


def test_the_palette_keeps_the_dark_scheme_and_only_the_colors_named():
    custom = material_assets.palette_css([{"primary": "custom"}, {"scheme": "slate"}])
    assert "[data-md-color-scheme=slate]" in custom
    assert "=indigo]" not in custom and "=teal]" not in custom
    indigo = material_assets.palette_css({"primary": "indigo"})
    assert "[data-md-color-primary=indigo]" in indigo and "=teal]" not in indigo


def test_pages_load_neither_the_palette_file_nor_a_favicon_file(site_dir):
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/palette." not in html
    (icon,) = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert icon.startswith("data:image/svg+xml,") and " " not in icon


@pytest.mark.parametrize("palette", ["teal", 7, None, [None, "x", {"primary": 3}]])
def test_a_palette_of_any_shape_gives_the_dark_scheme_and_no_error(palette):
    assert "[data-md-color-scheme=slate]" in material_assets.palette_css(palette)


@pytest.mark.parametrize("icon", ["material/no-such-icon", "../../../../etc/hostname", 5, None])
def test_a_logo_icon_that_is_not_there_leaves_materials_favicon(icon):
    assert material_assets.favicon(icon, "#000") is None


def carried_messages(site_dir: Path, page: str) -> dict[str, str]:
    """The messages the script `page` loads carries: `nextRound.messages({...})`."""
    (script,) = [a for a in our_assets(site_dir, page) if a.endswith(".js")]
    tables = re.findall(r"nextRound\.messages\((\{.*?\})\);", (site_dir / script).read_text())
    return {key: text for table in tables for key, text in json.loads(table).items()}


def asked_for(page_features: frozenset[str]) -> set[str]:
    """The keys that the modules a page with `page_features` loads ask for with nr.t."""
    return {
        use.key
        for module in bundles.SCRIPTS
        if module.wanted(page_features)
        for use in script_uses(module.path, (ROOT / "docs" / module.path).read_text())
    }


def test_a_pages_script_carries_only_the_messages_its_modules_use(site_dir):
    english = messages.load("en")
    assert carried_messages(site_dir, "index.html") == {}, "home: no module shows text"
    guide = "guides/ask-for-feedback/index.html"
    features = bundles.features((site_dir / guide).read_text(encoding="utf-8"))
    carried = carried_messages(site_dir, guide)
    assert carried["checklist.reset"] == "Reset"
    assert set(carried) == {key for key in asked_for(features) if not key.startswith("file.")}
    assert all(english.messages[key].text == text for key, text in carried.items())
    assert "plan.start" not in carried and "progress.imported" not in carried
    progress = carried_messages(site_dir, "progress/index.html")
    assert "progress.imported" in progress and "file.not-json" in progress, (
        "why a file was refused shows where Import is"
    )
    assert "checklist.reset" not in progress
