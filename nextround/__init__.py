"""Next Round's build checks and renderers, independent of the engine that builds the site.

The flow, one folder a stage:

- `parse/`: read what authors write and what pages render to: checklists
  (`checklists.py`), rendered HTML (`html.py`, and `markdown_tree.py` while
  Python-Markdown renders), and the Markdown line a link came from
  (`source_lines.py`);
- `check/`: judge it: links (`links.py`), checklists (`checklists.py`), front
  matter (`front_matter.py`), the allowed HTML (`raw_html.py`);
- `findings.py`: the one record every check returns, and the report that
  collects them; `site.py` runs every check on every page;
- `render/`: what the build adds to pages: checklist markup, the progress
  list, reading times, and for print the addresses and QR codes
  (`online.py`), the handout booklet (`handouts.py`) and the mark on links to
  other sites (`external_links.py`);
- `engine/`: the only code that knows an engine: MkDocs' events
  (`mkdocs_build.py`, called by the adapters in `hooks/`), and a site any
  engine wrote (`built_site.py`, `site_config.py`);
- `cli/`: `make check` (`check.py`), `make check-external` and `make handouts`
  (`handouts.py`, PDFs printed by Chromium).

Only `engine/mkdocs_build.py` and `render/checklist_block.py` import MkDocs or
pymdown-extensions (and `render/external_links.py` Python-Markdown);
everything else is plain Python over text.
"""
