"""The search worker in one file: ours, with Material's worker and its language support.

Our worker (`overrides/assets/javascripts/workers/next-round-search.js`) loads
Material's with `importScripts`, and for an index in another language than
English, Material's worker fetches lunr's stemmer support and each language's
stemmer and stop words (`lunr.stemmer.support.min.js`, `lunr.es.min.js`): one,
then three more requests on every page. The build writes Material's worker into
ours in place of that `importScripts` line (`inline_material_worker`), and
appends the language files (`bundle_language_support`), each as a function in
`self.nextRoundBundled`, which the worker runs instead of fetching them when
Material asks for them.
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


def bundle_language_support(site_dir: Path, languages: list[str]) -> None:
    """Append the language files of `languages` to the built search worker, if both are there."""
    worker = site_dir / WORKER
    names = [name for name in language_files(languages) if (site_dir / LUNR / name).is_file()]
    if not names or not worker.is_file():
        return
    # Each file runs when Material's worker asks for it, once its lunr is there (the
    # offline copy's worker shim loads scripts later), with lunr found on `this`.
    files = ",\n".join(
        f"{json.dumps(name)}: function () {{\n{_read(site_dir / LUNR / name)}\n}}" for name in names
    )
    bundled = f"self.nextRoundBundled = {{\n{files}\n}};\n"
    worker.write_text(worker.read_text(encoding="utf-8") + bundled, encoding="utf-8")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def inline_material_worker(site_dir: Path) -> None:
    """Write Material's built search worker into ours, in place of the line that loads it.

    Left as it is (loading Material's file) when either file or the line is not there.
    """
    worker = site_dir / WORKER
    text = worker.read_text(encoding="utf-8") if worker.is_file() else ""
    loads = _LOADS_MATERIAL.search(text)
    material = worker.parent / loads[1] if loads else None
    if material is None or not material.is_file():
        return
    # In a function of its own, Material's file opening "use strict" stays its directive.
    code = f"(function () {{\n{_read(material)}\n}})();"
    worker.write_text(text[: loads.start()] + code + text[loads.end() :], encoding="utf-8")
