"""Fail the build, before any page is written, when the checks found problems.

Events: `on_config` starts a fresh report; `on_env` (after every page has been
read, rendered and checked, before any is written) stops the build if the
report holds problems. Listed last under `hooks:` so every check has run.
It counts problems itself because `mkdocs build --strict -q` lets warnings
pass (mkdocs/mkdocs#4126).
"""

from __future__ import annotations

import report
from mkdocs.exceptions import Abort


def on_config(config):
    """Begin a new report for this build."""
    report.start()


def on_env(env, config, files):
    """Stop the build when any check reported a problem."""
    count = len(report.current().problems)
    if count:
        raise Abort(
            f"Aborted: {count} content problem{'s' if count != 1 else ''} found. "
            "Fix the lines listed above."
        )
