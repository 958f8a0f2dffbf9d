"""`make audit` and the page budget read their figures right, without running a browser.

The Lighthouse summary counts bytes and flags any request to another host (data: URLs are
not requests); the stock copy of the page budget keeps our pages, navigation and Markdown
extensions and drops everything of ours that changes the theme.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from nextround.cli.audit import CATEGORIES, summary, table
from nextround.engine.build_command import build_site
from nextround.engine.stock_copy import stock_config


def report(urls: list[str], score: float = 1.0) -> dict:
    """A Lighthouse report with the given network requests, 1,000 bytes each."""
    items = [{"url": url, "transferSize": 1000} for url in urls]
    return {
        "categories": {name: {"score": score} for name in CATEGORIES},
        "audits": {"network-requests": {"details": {"items": items}}},
        "environment": {"benchmarkIndex": 1234.4},
    }


def test_summary_flags_other_hosts_and_adds_up_bytes():
    urls = [
        "http://127.0.0.1:8080/next-round/",
        "http://127.0.0.1:8080/next-round/assets/main.css",
        "data:image/svg+xml;charset=utf-8,<svg/>",
        "https://fonts.googleapis.com/css?family=Roboto",
    ]
    result = summary("guide", report(urls, 0.984), "127.0.0.1:8080")
    assert result.other_hosts == ["https://fonts.googleapis.com/css?family=Roboto"]
    assert result.transferred == 4000
    assert result.scores == dict.fromkeys(CATEGORIES, 98)
    stock = summary("stock-guide", report(urls[:2], 0.951), "127.0.0.1:8080")
    line = table([result], [stock])[2].split()
    assert line == ["guide", *["98"] * 4, "4", "1", *["95"] * 4, "2", "0", "+3"]


def test_stock_copy_keeps_pages_and_extensions_but_no_theme_changes(tmp_path):
    text = stock_config(ROOT / "mkdocs.yml", tmp_path).read_text(encoding="utf-8")
    assert "nav:" in text and "pymdownx.snippets" in text
    assert "exclude_docs:" in text  # the Spanish pages are not English pages
    assert "name: material" in text
    for ours in ("custom_dir", "hooks:", "extra_css", "extra_javascript", "palette", "features"):
        assert ours not in text, ours


def test_stock_copy_of_a_config_named_from_the_working_folder_finds_the_docs(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    text = stock_config(Path("mkdocs.yml"), tmp_path).read_text(encoding="utf-8")
    assert f"docs_dir: {ROOT / 'docs'}\n" in text


def test_stock_copy_of_the_spanish_edition_builds_its_pages_in_spanish(tmp_path):
    config = stock_config(ROOT / "mkdocs.es.yml", tmp_path)
    site = tmp_path / "site"
    error = build_site(config, site, strict=False)
    assert error is None, error
    guide = (site / "guides" / "process-the-news" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in guide and "Asimila la noticia" in guide
