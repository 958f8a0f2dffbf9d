"""Check every page, and stop the build before any page is written if a check finds a problem.

Events: `on_config` makes sure `hooks/render.py` runs too (it reads the pages);
`on_env`, after every other hook, runs the checks of `nextround` and reports
each problem as `docs/x.md:12: ...`. The work is in
`nextround/engine/mkdocs_build.py`. `make check` builds with
NEXT_ROUND_BUILD_CHECKS=off and checks the written pages instead.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the `nextround` package

from mkdocs.plugins import event_priority

from nextround.engine import mkdocs_build


@event_priority(-100)
def on_config(config):
    """Refuse a setup in which nothing reads the pages."""
    mkdocs_build.current(config)


@event_priority(-100)
def on_env(env, config, files):
    """Run every check; stop the build on any problem."""
    if os.environ.get("NEXT_ROUND_BUILD_CHECKS") != "off":
        mkdocs_build.check(files, config)
