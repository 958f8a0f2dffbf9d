"""Material's small inline scripts, and the security policy that allows exactly them.

Material writes a few short scripts inline, where they must run before the page
paints (the palette) or before its bundle loads. Each is a file in
`overrides/assets/javascripts/inline/` (Material's script with the changes its
first comment lines name, checked by `tests/test_material_scripts.py`); the
partials in `overrides/partials/javascripts/` write its text inline, so it
costs no request. The policy of the hosting recipes in `deploy/` allows each by
its SHA-256 hash (`'sha256-...'`) instead of `'unsafe-inline'`:
`python -m nextround.cli.policy` prints the policy and `--write` puts it into
the recipes; a test fails when a recipe's policy is not this one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "javascripts" / "inline"
SOURCE_PREFIX = "assets/javascripts/inline/"
"""Where the theme would publish these files; the build leaves them out."""

POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


@functools.cache
def script(name: str) -> str:
    """The text written inside `<script>` for Material's inline script `name` (`base`, ...)."""
    lines = (FOLDER / f"{name}.js").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("//")).strip()


def names() -> list[str]:
    """Every inline script there is, by name."""
    return sorted(path.stem for path in FOLDER.glob("*.js"))


def content_security_policy() -> str:
    """The policy that allows our own files and these inline scripts, nothing else."""
    hashes = " ".join(source_hash(script(name)) for name in names())
    return POLICY.format(hashes=hashes)


def source_hash(text: str) -> str:
    """The CSP source expression of a script whose text is `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
