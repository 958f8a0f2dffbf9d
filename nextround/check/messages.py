"""Every catalog of `includes/messages/` against the code that asks for its messages.

For each language's catalog (`messages.every_catalog`):

- each key a script, renderer or placeholder uses (`parse/message_uses.py`)
  must be in it: a finding at the line that uses it, naming the catalog;
- each of its keys must be used somewhere: a finding at the catalog's line;
- each message has the `{placeholders}` of the English one, and the English
  one those the code gives, where the source says which it gives;
- `date.months` names twelve months.

Plus each catalog's own problems of form (`messages.read_catalog`), and a
catalog that is not YAML at all, at its line.
"""

from __future__ import annotations

from pathlib import Path

from nextround.findings import Finding
from nextround.messages import (
    FIX_GUIDE,
    FOLDER,
    REFERENCE,
    ROOT,
    Catalog,
    CatalogError,
    Message,
    catalog_path,
    every_catalog,
    load,
    shown,
)
from nextround.parse.message_uses import Use, python_uses, script_uses, template_uses
from nextround.render.dates import MONTHS, month_names

SCRIPTS = ROOT / "docs" / "javascripts"
PYTHON = ROOT / "nextround"
TEMPLATES = ROOT / "overrides"


def code_uses(
    scripts: Path = SCRIPTS, python: Path = PYTHON, templates: Path = TEMPLATES
) -> list[Use]:
    """Every use of a message in our scripts, the `nextround` package and the theme's templates."""
    uses = []
    for path in sorted(scripts.glob("*.js")):
        uses += script_uses(shown(path), path.read_text(encoding="utf-8"))
    for path in sorted(python.rglob("*.py")):
        uses += python_uses(shown(path), path.read_text(encoding="utf-8"))
    for path in sorted(templates.rglob("*.html")):
        uses += template_uses(shown(path), path.read_text(encoding="utf-8"))
    return uses


def check_messages(folder: Path = FOLDER, uses: list[Use] | None = None) -> list[Finding]:
    """Findings for every catalog in `folder` against `uses` (by default, the code's)."""
    uses = code_uses() if uses is None else uses
    findings = [Finding(use.path, use.line, _unreadable(use)) for use in uses if use.problem]
    uses = [use for use in uses if not use.problem]
    catalogs = []
    for path in every_catalog(folder):
        try:
            catalogs.append(load(path.stem, folder))
        except CatalogError as error:
            findings.append(_broken(str(error), shown(path)))
    reference = next((c for c in catalogs if c.language == REFERENCE), None)
    if reference is None:
        reference = Catalog(REFERENCE, shown(catalog_path(REFERENCE, folder)))
    for catalog in catalogs:
        findings += catalog.problems
        findings += _missing(catalog, reference, uses)
        findings += _unused(catalog, {use.key for use in uses})
        findings += _months(catalog)
        if catalog is not reference:
            findings += _other_names(catalog, reference)
    findings += _names_given(reference, uses)
    return sorted(findings)


def _unreadable(use: Use) -> str:
    return (
        f'{use.problem}. Write the key in quotes, nr.t("group.name"), so the build can check '
        f"that every language has it ({FIX_GUIDE})."
    )


def _broken(message: str, path: str) -> Finding:
    """A `CatalogError` as a finding; its message starts with `path:line: `."""
    location, _, rest = message.partition(": ")
    line = location.rpartition(":")[2]
    return Finding(path, int(line) if line.isdigit() else 1, rest or message)


def _missing(catalog: Catalog, reference: Catalog, uses: list[Use]) -> list[Finding]:
    findings = []
    for use in uses:
        if use.key in catalog.messages:
            continue
        english = reference.messages.get(use.key)
        if catalog is reference or english is None:
            hint = f"Add '{use.key}: ...' there, with its English text ({FIX_GUIDE})."
        else:
            hint = (
                f"Add '{use.key}: ...' there, translating {reference.path}:{english.line} "
                f"({english.text!r})."
            )
        findings.append(
            Finding(use.path, use.line, f"Message '{use.key}' is not in {catalog.path}.", hint)
        )
    return findings


def _unused(catalog: Catalog, used: set[str]) -> list[Finding]:
    return [
        Finding(
            catalog.path,
            message.line,
            f"Message '{message.key}' is used by no script or renderer.",
            "Delete the line, or use the key (nr.t in a script, catalog.t in the build, nr_t "
            "in a template).",
        )
        for message in catalog.messages.values()
        if message.key not in used
    ]


def _other_names(catalog: Catalog, reference: Catalog) -> list[Finding]:
    findings = []
    for message in catalog.messages.values():
        english = reference.messages.get(message.key)
        if english is None or message.names == english.names:
            continue
        findings.append(
            Finding(
                catalog.path,
                message.line,
                f"Message '{message.key}' has {_listed(message.names)}, but the English "
                f"({reference.path}:{english.line}) has {_listed(english.names)}.",
                "Keep each {name} of the English, spelled the same; translate only the words "
                "around them.",
            )
        )
    return findings


def _months(catalog: Catalog) -> list[Finding]:
    message = catalog.messages.get("date.months")
    if message is None or len(month_names(catalog)) == MONTHS:
        return []
    return [
        Finding(
            catalog.path,
            message.line,
            f"Message 'date.months' names {len(month_names(catalog))} months, not {MONTHS}.",
            "Write the twelve month names, January first, with a comma between two.",
        )
    ]


def _names_given(reference: Catalog, uses: list[Use]) -> list[Finding]:
    findings = []
    for use in uses:
        message: Message | None = reference.messages.get(use.key)
        if message is None or use.names is None or use.names == message.names:
            continue
        findings.append(
            Finding(
                use.path,
                use.line,
                f"Message '{use.key}' is given {_listed(use.names)}, but its text "
                f"({reference.path}:{message.line}) has {_listed(message.names)}.",
                "Give exactly the values its text names, or change the text.",
            )
        )
    return findings


def _listed(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "no placeholder"
