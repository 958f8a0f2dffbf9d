"""Smaller copies of our own scripts and stylesheets for the built site.

The files in `docs/javascripts/` and `docs/stylesheets/` keep their comments
for the people who read and change them; readers download them without
comments and spaces. rJSmin and rCSSmin only remove what the language ignores,
so the minified file behaves like its source (every browser test runs on it).
"""

from __future__ import annotations

from pathlib import PurePosixPath

import rcssmin
import rjsmin

OWN_FOLDERS = frozenset({"javascripts", "stylesheets"})
_MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def is_own_asset(src_uri: str) -> bool:
    """True for a script or stylesheet of ours (not one of the theme's)."""
    path = PurePosixPath(src_uri)
    return path.parts[0] in OWN_FOLDERS and path.suffix in _MINIFIERS


def minified(text: str, src_uri: str) -> str:
    """`text` of the asset at `src_uri` without comments and spaces."""
    return _MINIFIERS[PurePosixPath(src_uri).suffix](text)
