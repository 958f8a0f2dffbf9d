"""Write the offline copy: `make offline`.

Usage: `python -m nextround.cli.offline [-f mkdocs.yml] [-o next-round-offline.zip]`

Builds every edition (`nextround/cli/editions.py`: the English into
`next-round/`, each other language into `next-round/<code>/`) with Material's
offline plugin on (NEXT_ROUND_OFFLINE=true: plain `.html` links, the search
index as a script, the Web Worker shim from tools/node_modules) into a
temporary folder, then zips it as one folder, `next-round/`, without the 404
pages, the sitemaps and source maps. The language switcher's links are
relative, so they work between the editions from file://. Unzipped,
`next-round/index.html` opens from file:// with search and checklists, and
nothing loads from outside the folder. Exit status
1 when the build fails (its output is printed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

from nextround.cli.editions import edition_configs
from nextround.engine.build_command import build_site
from nextround.engine.site_config import ConfigError

FOLDER = "next-round"
# Only a web server shows the 404 page and reads the sitemap; source maps only help developers.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


def build_offline(config: Path, out: Path) -> int:
    """Build `config` for file:// and zip it into `out`; the build's exit code."""
    try:
        configs = edition_configs(config)
    except ConfigError as problem:
        print(f"Configuration error: {problem}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="next-round-offline-") as tmp:
        site = Path(tmp) / FOLDER
        for _code, folder, edition_config in configs:
            target = site / folder
            error = build_site(edition_config, target, env={"NEXT_ROUND_OFFLINE": "true"})
            if error is not None:
                print(error, file=sys.stderr)
                return 1
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file() and path.suffix != ".map" and path.name not in LEFT_OUT:
                    archive.write(path, path.relative_to(site.parent).as_posix())
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, build, zip, and say where the copy is."""
    parser = argparse.ArgumentParser(prog="make offline", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("-o", "--output", type=Path, default=Path("next-round-offline.zip"))
    args = parser.parse_args(argv)
    status = build_offline(args.config_file, args.output)
    if status == 0:
        size = args.output.stat().st_size / 1_000_000
        print(f"{args.output}: {size:.1f} MB. Unzip it and open {FOLDER}/index.html.")
    return status


if __name__ == "__main__":
    sys.exit(main())
