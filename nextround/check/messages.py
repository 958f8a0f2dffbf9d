"""Every catalogue of `includes/messages/` against the code that asks for its messages.

For each language's catalogue (`messages.every_catalogue`):

- each key a script, renderer or placeholder uses (`parse/message_uses.py`)
  must be in it: a finding at the line that uses it, naming the catalogue;
- each of its keys must be used somewhere: a finding at the catalogue's line;
- each message has the `{placeholders}` of the English one, and the English
  one those the code gives, where the source says which it gives.

Plus each catalogue's own problems of form (`messages.read_catalogue`), and a
catalogue that is not YAML at all, at its line.
"""

from __future__ import annotations

from pathlib import Path

from nextround.findings import Finding
from nextround.messages import (
    FIX_GUIDE,
    FOLDER,
    REFERENCE,
    ROOT,
    Catalogue,
    CatalogueError,
    Message,
    catalogue_path,
    every_catalogue,
    load,
    shown,
)
from nextround.parse.message_uses import Use, python_uses, script_uses

SCRIPTS = ROOT / "docs" / "javascripts"
PYTHON = ROOT / "nextround"


def code_uses(scripts: Path = SCRIPTS, python: Path = PYTHON) -> list[Use]:
    """Every use of a message in our scripts and in the `nextround` package."""
    uses = []
    for path in sorted(scripts.glob("*.js")):
        uses += script_uses(shown(path), path.read_text(encoding="utf-8"))
    for path in sorted(python.rglob("*.py")):
        uses += python_uses(shown(path), path.read_text(encoding="utf-8"))
    return uses


def check_messages(folder: Path = FOLDER, uses: list[Use] | None = None) -> list[Finding]:
    """Findings for every catalogue in `folder` against `uses` (by default, the code's)."""
    uses = code_uses() if uses is None else uses
    findings = [Finding(use.path, use.line, _unreadable(use)) for use in uses if use.problem]
    uses = [use for use in uses if not use.problem]
    catalogues = []
    for path in every_catalogue(folder):
        try:
            catalogues.append(load(path.stem, folder))
        except CatalogueError as error:
            findings.append(_broken(str(error), shown(path)))
    reference = next((c for c in catalogues if c.language == REFERENCE), None)
    if reference is None:
        reference = Catalogue(REFERENCE, shown(catalogue_path(REFERENCE, folder)))
    for catalogue in catalogues:
        findings += catalogue.problems
        findings += _missing(catalogue, reference, uses)
        findings += _unused(catalogue, {use.key for use in uses})
        if catalogue is not reference:
            findings += _other_names(catalogue, reference)
    findings += _names_given(reference, uses)
    return sorted(findings)


def _unreadable(use: Use) -> str:
    return (
        f'{use.problem}. Write the key in quotes, nr.t("group.name"), so the build can check '
        f"that every language has it ({FIX_GUIDE})."
    )


def _broken(message: str, path: str) -> Finding:
    """A `CatalogueError` as a finding; its message starts with `path:line: `."""
    location, _, rest = message.partition(": ")
    line = location.rpartition(":")[2]
    return Finding(path, int(line) if line.isdigit() else 1, rest or message)


def _missing(catalogue: Catalogue, reference: Catalogue, uses: list[Use]) -> list[Finding]:
    findings = []
    for use in uses:
        if use.key in catalogue.messages:
            continue
        english = reference.messages.get(use.key)
        if catalogue is reference or english is None:
            hint = f"Add '{use.key}: ...' there, with its English text ({FIX_GUIDE})."
        else:
            hint = (
                f"Add '{use.key}: ...' there, translating {reference.path}:{english.line} "
                f"({english.text!r})."
            )
        findings.append(
            Finding(use.path, use.line, f"Message '{use.key}' is not in {catalogue.path}.", hint)
        )
    return findings


def _unused(catalogue: Catalogue, used: set[str]) -> list[Finding]:
    return [
        Finding(
            catalogue.path,
            message.line,
            f"Message '{message.key}' is used by no script or renderer.",
            "Delete the line, or use the key (nr.t in a script, catalogue.t in the build).",
        )
        for message in catalogue.messages.values()
        if message.key not in used
    ]


def _other_names(catalogue: Catalogue, reference: Catalogue) -> list[Finding]:
    findings = []
    for message in catalogue.messages.values():
        english = reference.messages.get(message.key)
        if english is None or message.names == english.names:
            continue
        findings.append(
            Finding(
                catalogue.path,
                message.line,
                f"Message '{message.key}' has {_listed(message.names)}, but the English "
                f"({reference.path}:{english.line}) has {_listed(english.names)}.",
                "Keep each {name} of the English, spelled the same; translate only the words "
                "around them.",
            )
        )
    return findings


def _names_given(reference: Catalogue, uses: list[Use]) -> list[Finding]:
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
