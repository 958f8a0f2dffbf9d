"""Serve every edition while you edit: `make serve`.

Usage: `python -m nextround.cli.serve [-f mkdocs.yml] [--dev-addr 127.0.0.1:8000]`

Builds each edition (`nextround/cli/editions.py`) into a temporary folder, the
English at its root and each other language in `<code>/`, as `make build`
lays out `site/`, and serves it on the address given (only this computer).
Every second it looks at the sources (docs/, includes/, overrides/, hooks/,
nextround/, CONTRIBUTING.md, the config files and a center's folder); when one
changed, it builds the editions again and serves the new pages. A build that
fails prints its problems and leaves the last good pages served. Reload the
page in the browser to see a change. Ctrl+C stops it.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from nextround.cli.editions import edition_configs
from nextround.engine.build_command import build_site
from nextround.engine.site_config import ConfigError

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ("docs", "includes", "overrides", "hooks", "nextround", "CONTRIBUTING.md")


def build_all(configs, site: Path) -> bool:
    """Build every edition into a fresh copy of `site`; swap it in only when all built."""
    fresh = site.with_name(site.name + "-next")
    shutil.rmtree(fresh, ignore_errors=True)
    for code, folder, config in configs:
        error = build_site(config, fresh / folder, strict=False)
        if error is not None:
            print(f"The {code} edition did not build; still serving the last pages.\n{error}")
            shutil.rmtree(fresh, ignore_errors=True)
            return False
    shutil.rmtree(site, ignore_errors=True)
    fresh.rename(site)
    print(f"Built {', '.join(code for code, _f, _c in configs)} at {time.strftime('%H:%M:%S')}.")
    return True


def stamp(paths: list[Path]) -> float:
    """The latest change time of any file under `paths`."""
    latest = 0.0
    for path in paths:
        files = path.rglob("*") if path.is_dir() else [path]
        for file in files:
            if file.is_file() and "__pycache__" not in file.parts:
                latest = max(latest, file.stat().st_mtime)
    return latest


def main(argv: list[str] | None = None) -> int:
    """Build, serve, and build again on every change until Ctrl+C."""
    parser = argparse.ArgumentParser(prog="make serve", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    try:
        configs = edition_configs(args.config_file)
    except ConfigError as problem:
        print(f"Configuration error: {problem}", file=sys.stderr)
        return 2
    host, _, port = args.dev_addr.rpartition(":")
    watched = [ROOT / name for name in WATCHED] + [path.parent for _c, _f, path in configs]
    watched = [path for path in dict.fromkeys(watched) if path != ROOT] + [
        path for _c, _f, path in configs
    ]
    with tempfile.TemporaryDirectory(prefix="next-round-serve-") as tmp:
        site = Path(tmp) / "site"
        if not build_all(configs, site):
            return 1
        handler = functools.partial(_Quiet, directory=str(site))
        server = ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print(f"Serving every edition at http://{args.dev_addr}/ (Ctrl+C stops).")
        seen = stamp(watched)
        try:
            while True:
                time.sleep(1)
                if (now := stamp(watched)) != seen:
                    seen = now
                    build_all(configs, site)
        except KeyboardInterrupt:
            server.shutdown()
    return 0


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the built folder, the last good build, without a line per request."""

    def log_message(self, format: str, *args) -> None:
        """Print nothing per request."""


if __name__ == "__main__":
    sys.exit(main())
