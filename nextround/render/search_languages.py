"""The search worker's language support, in the worker file itself.

For an index in another language than English, Material's search worker
fetches lunr's stemmer support and each language's stemmer and stop words
(`lunr.stemmer.support.min.js`, `lunr.es.min.js`) with `importScripts`: two
more requests on every page of the Spanish edition. The build appends those
files to our search worker (`overrides/assets/javascripts/workers/
next-round-search.js`), each as a function in `self.nextRoundBundled`, and the
worker runs them instead of fetching them when Material asks for them.
"""

from __future__ import annotations

import json
from pathlib import Path

WORKER = Path("assets/javascripts/workers/next-round-search.js")
LUNR = Path("assets/javascripts/lunr/min")
SUPPORT = "lunr.stemmer.support.min.js"


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
