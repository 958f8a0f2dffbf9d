"""The bench's build without our hooks: only the functions our templates call.

`overrides/` names each page's bundles with `nr_assets(page)`, writes
Material's inline scripts with `nr_inline_script(name)`, its interface text
with `nr_t(key)` and `nr_date(day)`, and the page's editions with
`nr_alternates`, `nr_hreflang` and `nr_untranslated`, which `hooks/render.py`
provides. Without them the templates cannot render, so the builds "without our
hooks" and "with htmlproofer" load this instead: every page gets the same two
(unwritten) bundle names, the real inline scripts, the English text as it is,
one edition, and none of our hooks' work is done.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the `nextround` package

from markupsafe import Markup

from nextround.messages import load
from nextround.render.bundles import FOLDER, PageAssets
from nextround.render.inline_scripts import script

ASSETS = PageAssets(f"{FOLDER}/styles.min.css", f"{FOLDER}/scripts.min.js")


def on_env(env, config, files):
    """Give the templates what they call, without doing any of our hooks' work."""
    catalog = load("en")
    env.globals["nr_assets"] = lambda page=None: ASSETS
    env.globals["nr_inline_script"] = script
    env.globals["nr_t"] = lambda key, **html: Markup(catalog.markup(key, **html))
    env.globals["nr_date"] = str
    env.globals["nr_alternates"] = lambda page=None: []
    env.globals["nr_hreflang"] = lambda page=None: []
    env.globals["nr_untranslated"] = lambda page=None: ""
