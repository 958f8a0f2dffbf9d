"""URL paths inside one site: from one page or folder to another."""

from __future__ import annotations

import posixpath


def relative_url(target: str, base_dir: str) -> str:
    """A relative URL from the folder `base_dir` to `target` (both paths from the site root)."""
    relative = posixpath.relpath(target or ".", base_dir.rstrip("/") or ".")
    if target == "" or target.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative


def folder_of(url: str) -> str:
    """The folder part of a URL path, with its final slash: 'guides/x/' -> 'guides/x/'."""
    return url[: url.rfind("/") + 1]
