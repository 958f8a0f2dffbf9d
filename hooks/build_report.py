"""Fail the build, before any page is written, when the checks found problems.

Events: `on_config` starts a fresh report; `on_env` (after every page has been
read, rendered and checked, before any is written) stops the build if the
report holds problems. Listed last under `hooks:` so every check has run.
It counts problems itself because `mkdocs build --strict -q` lets warnings
pass (mkdocs/mkdocs#4126), and lists them in its message when `-q` hid them.
"""

from __future__ import annotations

import logging

import report
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def on_config(config):
    """Begin a new report for this build."""
    report.start()


def on_env(env, config, files):
    """Stop the build when any check reported a problem."""
    problems = report.current().problems
    if not problems:
        return
    count = len(problems)
    message = f"Aborted: {count} content problem{'s' if count != 1 else ''} found. "
    if log.isEnabledFor(logging.WARNING):
        raise Abort(message + "Fix the lines listed above.")
    # `-q` hides warnings, so the problems travel with the message.
    raise Abort(message + "Fix these lines:\n" + "\n".join(map(str, sorted(problems))))
