"""Name the config of every edition a site builds: what `make build`, `check` and `offline` loop on.

Usage: `python -m nextround.cli.editions [mkdocs.yml]`

Prints one line per edition, the source first: its language code, the folder
of `site/` it is built into ('.' for the source) and its config file, the
source's config for the source and `mkdocs.<code>.yml` beside it for each other
language of `extra.languages`. A listed language without its config file is a
setup error (exit status 2), named with the file to add.
"""

from __future__ import annotations

import sys
from pathlib import Path

from nextround.engine.site_config import ConfigError, read_site_config


def edition_configs(config_file: Path) -> list[tuple[str, str, Path]]:
    """(code, folder under site/, config file) of each edition of `config_file`'s site."""
    known = read_site_config(config_file).editions
    found = [(known[0].code, ".", config_file)]
    for edition in known[1:]:
        path = config_file.parent / edition.config_name
        if not path.is_file():
            raise ConfigError(
                f"{config_file}: extra.languages lists '{edition.code}', but {path} does not "
                f"exist. Add it (INHERIT: {config_file.name}, see mkdocs.es.yml) or take the "
                "language out of extra.languages."
            )
        found.append((edition.code, edition.code, path))
    return found


def main(argv: list[str] | None = None) -> int:
    """Print the editions of the config named on the command line (default mkdocs.yml)."""
    args = sys.argv[1:] if argv is None else argv
    try:
        configs = edition_configs(Path(args[0] if args else "mkdocs.yml"))
    except ConfigError as problem:
        print(f"Configuration error: {problem}", file=sys.stderr)
        return 2
    for code, folder, path in configs:
        print(code, folder, path.as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main())
