"""Print the security policy the site needs, or write it into the hosting recipes.

Usage: `python -m nextround.cli.policy [--write | --check]`

The policy allows scripts and styles from the site itself and Material's
inline scripts by their hashes (`nextround/render/inline_scripts.py`). After
upgrading Material (or changing a script in `overrides/assets/javascripts/inline/`),
run it with `--write`: every recipe in `deploy/` and its README get the new
policy. `--check` lists the recipes whose policy differs, with exit status 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from nextround.render.inline_scripts import content_security_policy

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
RECIPES = ("nginx.conf", "apache.htaccess", "netlify.toml", "README.md")
# A policy as the recipes write it: from default-src to frame-ancestors.
_POLICY = re.compile(r"default-src 'self';[^\"\n]*?frame-ancestors 'none'")


def stale_recipes(policy: str) -> list[str]:
    """The recipes that do not send `policy`, as `deploy/x:line`."""
    stale = []
    for name in RECIPES:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        for match in _POLICY.finditer(text):
            if match.group() != policy:
                stale.append(f"deploy/{name}:{text.count(chr(10), 0, match.start()) + 1}")
    return stale


def write_recipes(policy: str) -> None:
    """Put `policy` into every recipe in place of the one it has."""
    for name in RECIPES:
        path = DEPLOY / name
        text = path.read_text(encoding="utf-8")
        path.write_text(_POLICY.sub(policy, text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Print, write or check the policy."""
    parser = argparse.ArgumentParser(prog="policy", description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="put it into deploy/")
    action.add_argument("--check", action="store_true", help="fail if deploy/ has another one")
    args = parser.parse_args(argv)
    policy = content_security_policy()
    if args.write:
        write_recipes(policy)
    elif args.check:
        stale = stale_recipes(policy)
        for place in stale:
            print(f"{place}: the security policy is out of date. Run `make policy`.")
        return 1 if stale else 0
    print(policy)
    return 0


if __name__ == "__main__":
    sys.exit(main())
