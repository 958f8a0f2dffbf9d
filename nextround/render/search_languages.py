"""The search worker in one file: ours, with Material's worker and its language support.

Our worker (`overrides/assets/javascripts/workers/next-round-search.js`) loads
Material's with `importScripts`, and for an index in another language than
English, Material's worker fetches lunr's stemmer support and each language's
stemmer and stop words (`lunr.stemmer.support.min.js`, `lunr.es.min.js`): one,
then three more requests on every page. The build (`bundle_worker`) writes Material's
worker into ours in place of that `importScripts` line, and appends the
language files, each as a function in `self.nextRoundBundled`, which the worker
runs instead of fetching them when Material asks for them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

WORKER = Path("assets/javascripts/workers/next-round-search.js")
LUNR = Path("assets/javascripts/lunr/min")
SUPPORT = "lunr.stemmer.support.min.js"
# The line of our worker that loads Material's, from the same folder.
_LOADS_MATERIAL = re.compile(
    r'^importScripts\(new URL\("(search\.[0-9a-f]+\.min\.js)", here\)\.href\);$', re.MULTILINE
)


def language_files(languages: list[str]) -> list[str]:
    """The files of `LUNR` Material's worker asks for, in its order; none for English alone."""
    names = [f"lunr.{code}.min.js" for code in languages if code != "en"]
    if len(languages) > 1:
        names.append("lunr.multi.min.js")
    return [SUPPORT, *names] if names else []


def bundle_worker(site_dir: Path, languages: list[str]) -> None:
    """Write Material's worker and the language files of `languages` into our built worker.

    What is not there is left out: without Material's file or the line that loads
    it, the worker keeps loading it; without a language file, Material's fetches it.
    """
    worker = site_dir / WORKER
    if not worker.is_file():
        return
    text = _with_material_worker(_read(worker), worker.parent)
    names = [name for name in language_files(languages) if (site_dir / LUNR / name).is_file()]
    if names:
        # Each file runs when Material's worker asks for it, once its lunr is there (the
        # offline copy's worker shim loads scripts later), with lunr found on `this`.
        files = ",\n".join(
            f"{json.dumps(name)}: function () {{\n{_read(site_dir / LUNR / name)}\n}}"
            for name in names
        )
        text += f"self.nextRoundBundled = {{\n{files}\n}};\n"
    worker.write_text(text, encoding="utf-8")


def _with_material_worker(text: str, folder: Path) -> str:
    """Our worker's `text` with Material's worker from `folder` in place of the line loading it."""
    loads = _LOADS_MATERIAL.search(text)
    material = folder / loads[1] if loads else None
    if material is None or not material.is_file():
        return text
    # In a function of its own, Material's file opening "use strict" stays its directive.
    code = f"(function () {{\n{_read(material)}\n}})();"
    return text[: loads.start()] + code + text[loads.end() :]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
