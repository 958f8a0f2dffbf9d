"""Start a new guide or message template from the project's shapes.

Usage (through make):

    make new-guide SLUG=handle-a-counter-offer TITLE="Handle a counter-offer"
    make new-template NAME=thank-a-referee

A guide goes to `docs/guides/<slug>.md` as a draft (`draft: true`) and into
`nav:` of `mkdocs.yml`, last under Guides. A template goes to
`includes/templates/<name>.md`. Bad input is refused with one line that says
what is wrong and how to fix it, and nothing is written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TITLE_MAX = 60
# A YAML value that needs no quotes: letters first, then plain punctuation.
PLAIN_YAML = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.'()?!-]*$")
# The Guides section of the nav and the entries under it.
NAV_GUIDES = re.compile(r"^(\s*)- Guides:\s*$")
CHECKLIST_ID = re.compile(r"^\s+id:\s*(\S+)\s*$", re.MULTILINE)

DESCRIPTION = (
    "Replace this with one sentence, at most 160 characters, about what this guide helps you do."
)
GUIDE = """\
---
title: {title_yaml}
description: {description_yaml}
last_reviewed: {today}
draft: true
---

# {title}

<!-- Draft: the word-count test skips it. At 900 to 2,500 words, delete "draft: true" above. -->

!!! abstract "In short"
    Say in two or three plain lines what this guide helps you do.

## Do this now

1. Write the first small step a reader can take today.
2. Write a second small step.
3. Write a third small step.

## What to know

Explain the idea in short sentences. Talk to the reader as "you".

/// checklist | First steps: {title}
    id: {checklist_id}

- [ ] Write one action that starts with a verb.
- [ ] Write a second action.
- [ ] Write a third action.
///

## Next step

When you are ready, plan the weeks ahead with [Your next 30 days](../next-30-days.md).
"""

TEMPLATE = """\
```text title="{title}"
Subject: [Job title] - thank you

Dear [Their name],

Write the message here. Keep it short and warm. Put what the reader fills in
inside square brackets, like [Organization] or [Interview date].

Best regards,
[Your name]
```
"""


class RefusedError(Exception):
    """Input the scaffold will not use; the message says what to do instead."""


def main(argv: list[str] | None = None) -> int:
    """Run `guide` or `template`; print one line and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kinds = parser.add_subparsers(dest="kind", required=True)
    guide = kinds.add_parser("guide", help="start docs/guides/<slug>.md and add it to the nav")
    guide.add_argument("--slug", default="")
    guide.add_argument("--title", default="")
    template = kinds.add_parser("template", help="start includes/templates/<name>.md")
    template.add_argument("--name", default="")
    args = parser.parse_args(argv)
    try:
        if args.kind == "guide":
            written = new_guide(ROOT, args.slug, args.title, date.today())
            nav = "added it to the Guides menu in mkdocs.yml"
            print(f"Created {written} as a draft and {nav}. Next: make serve, then edit it.")
        else:
            written = new_template(ROOT, args.name)
            include = f'--8<-- "templates/{args.name}.md"'
            print(
                f"Created {written}. Next: add the line {include} to a guide and to "
                "docs/templates.md, each on a line of its own."
            )
    except RefusedError as refused:
        print(f"Not created: {refused}", file=sys.stderr)
        return 1
    return 0


def new_guide(root: Path, slug: str, title: str, today: date) -> str:
    """Write the draft guide and its nav entry; return the new file's path."""
    slug, title = slug.strip(), " ".join(title.split())
    _check_slug(slug, "SLUG", "make new-guide SLUG=handle-a-counter-offer TITLE=...")
    if not title:
        raise RefusedError(
            'TITLE is missing. Give the guide a title: make new-guide SLUG=... TITLE="Your title"'
        )
    if len(title) > TITLE_MAX:
        raise RefusedError(
            f"TITLE is {len(title)} characters long. Use at most {TITLE_MAX} so it fits the menu."
        )
    target = root / "docs" / "guides" / f"{slug}.md"
    relative = target.relative_to(root).as_posix()
    if target.exists():
        raise RefusedError(
            f"{relative} already exists. Pick another SLUG, or edit that file instead."
        )
    checklist_id = f"{slug}-first-steps"
    if checklist_id in _checklist_ids(root / "docs"):
        raise RefusedError(
            f"the checklist id '{checklist_id}' is already used on the site. Pick another SLUG."
        )
    config = root / "mkdocs.yml"
    nav = _with_guide_in_nav(config.read_text(encoding="utf-8"), slug, title)
    text = GUIDE.format(
        title=title,
        title_yaml=_yaml_text(title),
        description_yaml=DESCRIPTION,
        today=today.isoformat(),
        checklist_id=checklist_id,
    )
    target.write_text(text, encoding="utf-8")
    config.write_text(nav, encoding="utf-8")
    return relative


def new_template(root: Path, name: str) -> str:
    """Write the template snippet; return the new file's path."""
    name = name.strip()
    _check_slug(name, "NAME", "make new-template NAME=thank-a-referee")
    target = root / "includes" / "templates" / f"{name}.md"
    relative = target.relative_to(root).as_posix()
    if target.exists():
        raise RefusedError(
            f"{relative} already exists. Pick another NAME, or edit that file instead."
        )
    title = name.replace("-", " ").capitalize()
    target.write_text(TEMPLATE.format(title=title), encoding="utf-8")
    return relative


def _check_slug(value: str, field: str, example: str) -> None:
    if not value:
        raise RefusedError(f"{field} is missing. Example: {example}")
    if not SLUG.match(value):
        raise RefusedError(
            f"{field} '{value}' must be lowercase words joined by hyphens, "
            f"with no spaces or other signs. Example: {example}"
        )


def _checklist_ids(docs: Path) -> set[str]:
    return {
        found
        for page in docs.rglob("*.md")
        for found in CHECKLIST_ID.findall(page.read_text(encoding="utf-8"))
    }


def _with_guide_in_nav(config: str, slug: str, title: str) -> str:
    """`mkdocs.yml` with the guide as the last entry under Guides; comments are kept."""
    lines = config.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if NAV_GUIDES.match(line)), None)
    if start is None:
        raise RefusedError(
            "mkdocs.yml has no '- Guides:' line under nav:. Put it back, or add the guide by hand."
        )
    indent = len(NAV_GUIDES.match(lines[start]).group(1))
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    child = lines[start + 1] if start + 1 < end else " " * (indent + 4) + "- x\n"
    child_indent = child[: len(child) - len(child.lstrip())]
    entry = f"{child_indent}- {_yaml_text(title)}: guides/{slug}.md\n"
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    return "".join([*lines[:end], entry, *lines[end:]])


def _yaml_text(value: str) -> str:
    """`value` as a YAML scalar: plain when safe, else double-quoted."""
    return value if PLAIN_YAML.match(value) else json.dumps(value, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
