"""What every checking hook needs from the MkDocs config: source paths and hook order.

- `doc_path` names a page the way problems are reported: the docs folder,
  relative to the folder of `mkdocs.yml`, plus the page's `src_uri`, with
  forward slashes (`docs/guides/ask-for-feedback.md`).
- `require_report_hook` raises `PluginError` (broken setup, not content) unless
  `hooks/build_report.py` is listed after the calling hook: it is the hook that
  fails the build from the shared report's count, whatever the verbosity flags.
- `snippet_reader` reads `pymdownx.snippets` files, so `source_lines` can map a
  link inside a snippet to the line that includes it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError

REPORT_HOOK = "build_report.py"


def doc_path(config, src_uri: str) -> str:
    """`src_uri` as a path from the folder of `mkdocs.yml`: 'docs/guides/x.md'."""
    return f"{docs_prefix(config)}{src_uri}"


def docs_prefix(config) -> str:
    """The docs folder relative to the folder of `mkdocs.yml`, with a final slash."""
    return _docs_prefix(config.config_file_path or "mkdocs.yml", config.docs_dir)


@functools.lru_cache(maxsize=8)
def _docs_prefix(config_file: str, docs_dir: str) -> str:
    base = os.path.dirname(os.path.abspath(config_file))
    relative = os.path.relpath(docs_dir, base).replace(os.sep, "/")
    return "" if relative == "." else relative + "/"


def require_report_hook(config, hook_file: str) -> None:
    """Raise `PluginError` unless `build_report.py` is a hook listed after `hook_file`."""
    files = [
        os.path.basename(getattr(module, "__file__", "") or "") for module in config.hooks.values()
    ]
    name = os.path.basename(hook_file)
    if REPORT_HOOK not in files:
        raise PluginError(
            f"hooks/{name} reports content problems, but nothing fails the build on them: "
            f"add hooks/{REPORT_HOOK} as the last entry of 'hooks:' in mkdocs.yml."
        )
    if name in files and files.index(REPORT_HOOK) < files.index(name):
        raise PluginError(
            f"hooks/{REPORT_HOOK} is listed before hooks/{name} in 'hooks:', so it would "
            f"stop the build before {name} reports; list hooks/{REPORT_HOOK} last."
        )


def snippet_reader(config) -> Callable[[str], str | None]:
    """A function returning the text of a snippet by name, or None; reads each file once."""
    options = config.mdx_configs.get("pymdownx.snippets", {}) if config.mdx_configs else {}
    bases = options.get("base_path", ["."])
    if isinstance(bases, str):
        bases = [bases]
    config_dir = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    folders = []
    for base in bases:
        # pymdownx.snippets resolves base_path from the working folder; so do we,
        # then from the folder of mkdocs.yml.
        folders += [Path(base).resolve(), config_dir / base]
    cache: dict[str, str | None] = {}

    def read(name: str) -> str | None:
        if name not in cache:
            cache[name] = _read_first(folders, name)
        return cache[name]

    return read


def _read_first(folders: list[Path], name: str) -> str | None:
    for folder in folders:
        candidate = folder / name if folder.is_dir() else None
        if candidate is not None and candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return None
