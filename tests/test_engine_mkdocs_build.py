"""The MkDocs adapter: the progress list is written before the checks, so its links are checked."""

from __future__ import annotations

import tiny_site
from mkdocs.commands.build import build
from mkdocs.config import load_config
from tiny_site import page

from nextround.engine import mkdocs_build
from nextround.render.progress_registry import MARKER

CHECKLIST = "/// checklist | Week one\n    id: week-one\n\n- [ ] Read the guide.\n///\n"


def test_the_progress_list_is_part_of_the_checked_page(tmp_path, monkeypatch):
    tiny_site.write_site(
        tmp_path,
        {
            "docs/index.md": page("Home", "# Home\n\n" + CHECKLIST),
            "docs/me/progress.md": page("Progress", "# Progress\n\n" + MARKER + "\n"),
        },
    )
    monkeypatch.chdir(tmp_path)  # pymdownx.snippets reads includes/ from the working folder
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    checked = mkdocs_build.current(config).pages["me/progress.md"]
    assert "../../#checklist-week-one" in [link.url for link in checked.html.links]
    written = (tmp_path / "site" / "me" / "progress" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../#checklist-week-one">Week one</a>' in written
    assert mkdocs_build.current(config).report.findings == []


def test_a_page_that_is_not_utf8_stops_the_build_at_its_line(tmp_path):
    tiny_site.write_site(tmp_path, {"docs/index.md": page("Home", "# Home\n")})
    (tmp_path / "docs" / "old.md").write_bytes(b"# Old\n\nCaf\xe9 notes\n")
    for engine in tiny_site.ENGINES:
        result = tiny_site.build(tmp_path, engine=engine)
        assert result.returncode != 0, result.output
        assert "docs/old.md:3: the file is not UTF-8 text (byte 0xe9 at column 4)" in result.output
        assert "save it as UTF-8" in result.output
        assert "Traceback" not in result.output
        assert not (tmp_path / "site" / "index.html").exists()
