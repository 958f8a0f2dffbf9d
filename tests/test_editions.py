"""The Spanish edition: built beside the English, the same page in each, and the way between."""

from __future__ import annotations

import posixpath
import re

import yaml
from conftest import ROOT, built_pages

from nextround.editions import Edition
from nextround.engine.built_site import page_file
from nextround.engine.site_config import _TolerantLoader
from nextround.render.alternates import alternates
from nextround.render.alternates import hreflang_links as hreflang_links_of

EN, ES = Edition("en", "English"), Edition("es", "Español")
GUIDE = "guides/ask-for-feedback/index.html"
_SWITCH = re.compile(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+" class="md-select__link"')


def switcher(site_dir, page):
    """The language switcher's links of a built page: {language: href}."""
    html = (site_dir / page).read_text(encoding="utf-8")
    return {code: href for href, code in _SWITCH.findall(html)}


def lands_on(page, href):
    """The file a relative link from `page` opens."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    return target + "/index.html" if href.endswith("/") else target


def test_the_english_edition_has_the_english_pages_only(site_dir):
    english = {
        page_file(path.relative_to(ROOT / "docs").as_posix(), True)
        for path in (ROOT / "docs").rglob("*.md")
        if path.relative_to(ROOT / "docs").parts[0] != "es"
    }
    assert set(built_pages(site_dir)) == english
    assert not (site_dir / "es" / "es").exists()


def test_spanish_pages_are_in_spanish_with_material_in_spanish(site_dir):
    html = (site_dir / "es" / GUIDE).read_text(encoding="utf-8")
    assert '<html lang="es"' in html
    assert 'aria-label="Seleccionar idioma"' in html
    assert "<h1" in html and "Pide comentarios" in html


def test_the_switcher_goes_to_the_same_guide_and_back(site_dir):
    to_spanish = switcher(site_dir, GUIDE)["es"]
    assert to_spanish == "../../es/guides/ask-for-feedback/"
    assert (site_dir / lands_on(GUIDE, to_spanish)).is_file()
    back = switcher(site_dir, "es/" + GUIDE)["en"]
    assert lands_on("es/" + GUIDE, back) == GUIDE


def test_each_sitemap_lists_every_edition_of_each_page(site_dir):
    for sitemap, loc in [
        ("sitemap.xml", "/guides/ask-for-feedback/"),
        ("es/sitemap.xml", "/es/guides/ask-for-feedback/"),
    ]:
        text = (site_dir / sitemap).read_text(encoding="utf-8")
        entry = re.search(
            rf"<url>\s*<loc>https://nextround.example.org{loc}</loc>.*?</url>", text, re.S
        )
        assert entry, sitemap
        links = dict(re.findall(r'hreflang="([\w-]+)" href="([^"]+)"', entry.group(0)))
        assert links == {
            "en": "https://nextround.example.org/guides/ask-for-feedback/",
            "es": "https://nextround.example.org/es/guides/ask-for-feedback/",
            "x-default": "https://nextround.example.org/guides/ask-for-feedback/",
        }


_HEAD_LINK = re.compile(r"<link ([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
SITE = "https://nextround.example.org/"


def hreflang_links(html):
    """The head's links to the page in each language: {hreflang: href}."""
    head = html.split("</head>", 1)[0]
    links = [dict(_ATTRIBUTE.findall(attributes)) for attributes in _HEAD_LINK.findall(head)]
    return {
        link["hreflang"]: link["href"]
        for link in links
        if "alternate" in link.get("rel", "").split() and "hreflang" in link
    }


def test_every_page_of_each_edition_names_every_edition_in_its_head(site_dir):
    checked = 0
    for folder in ("", "es/"):
        for page in built_pages(site_dir / folder):
            path = page.removesuffix("index.html")
            html = (site_dir / folder / page).read_text(encoding="utf-8")
            assert hreflang_links(html) == {
                "en": SITE + path,
                "es": SITE + "es/" + path,
                "x-default": SITE + path,
            }, folder + page
            checked += 1
    assert checked >= 2 * 15


def test_a_page_one_edition_lacks_names_only_the_editions_it_has():
    found = alternates("solo/", ES, (EN, ES), "https://example.org/es/", frozenset({"en"}))
    assert hreflang_links_of(found, frozenset({"en"})) == []
    both = alternates("guides/x/", ES, (EN, ES), "https://example.org/es/")
    assert hreflang_links_of(both) == [
        ("en", "https://example.org/guides/x/"),
        ("es", "https://example.org/es/guides/x/"),
        ("x-default", "https://example.org/guides/x/"),
    ]


def test_an_untranslated_page_is_the_english_text_with_a_spanish_notice(site_dir):
    page = "es/about/contribute/index.html"
    html = (site_dir / page).read_text(encoding="utf-8")
    notice = re.search(r'<p class="nr-untranslated" lang="es">(.*?)</p>', html, re.S)
    assert notice and "aún no está traducida" in notice.group(1)
    href = re.search(r'href="([^"]+)"', notice.group(1)).group(1)
    assert lands_on(page, href) == "about/contribute/index.html"
    assert '<div lang="en">' in html
    assert "Contributing to Next Round" in html


def test_the_spanish_404_page_is_in_spanish(site_dir):
    assert "<h1>404 - Página no encontrada</h1>" in (site_dir / "es" / "404.html").read_text()
    assert "<h1>404 - Not found</h1>" in (site_dir / "404.html").read_text()


def test_links_between_editions_climb_to_the_root_and_work_offline():
    offline = alternates("guides/x.html", ES, (EN, ES), home="index.html")
    assert [item.href for item in offline] == ["../../guides/x.html", "../guides/x.html"]
    home = alternates("", EN, (EN, ES), "https://example.org/sub/")
    assert [(item.href, item.url) for item in home] == [
        ("./", "https://example.org/sub/"),
        ("es/", "https://example.org/sub/es/"),
    ]
    missing = alternates("solo/", ES, (EN, ES), missing=frozenset({"en"}))
    assert missing[0].href == "../../"


def config(path):
    return yaml.load((ROOT / path).read_text(encoding="utf-8"), Loader=_TolerantLoader)


def without_language(values):
    """The lists an edition repeats, less what it sets for its language."""
    plugins, extensions = values["plugins"], values["markdown_extensions"]
    palette = values.get("theme", {}).get("palette") or config("mkdocs.yml")["theme"]["palette"]
    for scheme in palette:
        scheme["toggle"].pop("name")
    for plugin in plugins:
        if isinstance(plugin, dict) and "search" in plugin:
            plugin["search"].pop("lang", None)
            plugin["search"].pop("pipeline", None)
    for extension in extensions:
        options = next(iter(extension.values())) if isinstance(extension, dict) else {}
        options.pop("permalink_title", None)
        if "base_path" in options:
            options["base_path"] = [p for p in options["base_path"] if p != "includes/es"]
    return plugins, extensions, palette


def test_the_spanish_configs_repeat_the_english_lists_exactly():
    english = without_language(config("mkdocs.yml"))
    assert without_language(config("mkdocs.es.yml")) == english
    assert without_language(config("examples/riverside/mkdocs.es.yml")) == english
    assert config("mkdocs.es.yml")["nav"] == config("examples/riverside/mkdocs.es.yml")["nav"]
