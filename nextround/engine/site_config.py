"""What the checks need from `mkdocs.yml`, read without an engine.

The file is read as plain YAML; engine-specific tags (`!!python/name:...`,
`!ENV`, `!relative`) are kept as text, and `INHERIT:` is followed, so a career
center's config that inherits ours is read as the engine reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from nextround.editions import Edition, editions
from nextround.parse.snippets import Snippets


class ConfigError(Exception):
    """The config file cannot be read; the message says which and why."""


@dataclass(frozen=True)
class SiteConfig:
    """The settings that decide where pages come from and where they are served."""

    config_file: Path
    docs_dir: Path
    docs_prefix: str
    """The docs folder as problems name it, relative to the config's folder: 'docs/'."""
    site_url: str
    directory_urls: bool
    snippets: Snippets
    """The snippet files `pymdownx.snippets` reads (its `base_path` and `auto_append`)."""
    language: str = "en"
    """`theme.language`: the language of the interface text (`nextround/messages.py`)."""
    editions: tuple[Edition, ...] = ()
    """The site's editions (`extra.languages`), the source first."""


def read_site_config(config_file: str | Path) -> SiteConfig:
    """Read `config_file` (and the files it inherits from)."""
    path = Path(config_file).resolve()
    values = _load(path)
    folder = path.parent
    docs_dir = (folder / values.get("docs_dir", "docs")).resolve()
    snippets = {}
    for entry in values.get("markdown_extensions") or []:
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            snippets = entry["pymdownx.snippets"] or {}
    bases = snippets.get("base_path", ["."])
    appended = snippets.get("auto_append") or []
    prefix = (
        Path(docs_dir).relative_to(folder).as_posix() if docs_dir.is_relative_to(folder) else ""
    )
    theme = values.get("theme")
    language = (theme.get("language") if isinstance(theme, dict) else None) or "en"
    extra = values.get("extra")
    return SiteConfig(
        language=str(language),
        editions=editions(extra if isinstance(extra, dict) else None),
        config_file=path,
        docs_dir=docs_dir,
        docs_prefix="" if prefix in ("", ".") else prefix + "/",
        site_url=str(values.get("site_url") or ""),
        directory_urls=bool(values.get("use_directory_urls", True)),
        snippets=Snippets(
            [bases] if isinstance(bases, str) else bases,
            [appended] if isinstance(appended, str) else appended,
        ),
    )


def _load(path: Path, seen: tuple[Path, ...] = ()) -> dict:
    if path in seen:
        raise ConfigError(f"{path.name} inherits from itself through INHERIT.")
    try:
        values = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: cannot be read ({error}).") from error
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: expected 'key: value' settings.")
    parent = values.pop("INHERIT", None)
    if parent:
        base = _load((path.parent / parent).resolve(), (*seen, path))
        values = _merged(base, values)
    return values


def _merged(base: dict, child: dict) -> dict:
    """`child` over `base`, mappings merged key by key, as MkDocs merges an INHERIT."""
    merged = dict(base)
    for key, value in child.items():
        below = merged.get(key)
        merged[key] = (
            _merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
        )
    return merged


class _TolerantLoader(yaml.SafeLoader):
    """A YAML loader that reads any tag's value as plain data."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _any_tag)
