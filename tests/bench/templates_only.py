"""The bench's build without our hooks: only the two functions our templates call.

`overrides/` names each page's bundles with `nr_assets(page)` and writes
Material's inline scripts with `nr_inline_script(name)`, which
`hooks/render.py` provides. Without them the templates cannot render, so the
builds "without our hooks" and "with htmlproofer" load this instead: every
page gets the same two (unwritten) bundle names and the real inline scripts,
and none of our hooks' work is done.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the `nextround` package

from nextround.render.bundles import FOLDER, PageAssets
from nextround.render.inline_scripts import script

ASSETS = PageAssets(f"{FOLDER}/styles.min.css", f"{FOLDER}/scripts.min.js")


def on_env(env, config, files):
    """Let the templates ask for a page's bundles and Material's inline scripts."""
    env.globals["nr_assets"] = lambda page=None: ASSETS
    env.globals["nr_inline_script"] = script
