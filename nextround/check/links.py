"""Rules for the links of a rendered page. Pure functions, no engine.

`check_page` takes one page's links (from `parse.html`) and a `SiteMap` of the
whole built site, and returns a `LinkProblem` for each link that is wrong
(the caller finds its source line and makes it a `Finding`):

- a relative link must reach a page or file of the built site, without going
  above the site root; its `#fragment` must be an id of the *rendered* target
  page (headings, `attr_list` ids, raw HTML ids, ids our checklists emit);
- a `.md` link left in the HTML (raw HTML, or a Markdown link the engine could
  not resolve) must name an existing page, and raw HTML must use its page URL;
- a root-absolute link (`/guides/...`) or a link to the site's own `site_url`
  breaks when the site is served from a sub-path or another host;
- `javascript:`, `vbscript:` and `data:` URLs are unsafe; plain `http://` is
  not accepted where `https://` is expected (loopback hosts excepted), nor a
  scheme-less `//host` link; `mailto:` needs an address and `tel:` a number;
- a URL the browser loads by itself (an image, a frame, a style's `url()`) must
  not come from another host: the site makes no third-party requests.

External `http(s)` links are returned separately, for the opt-in network check
(`make check-external`); nothing here touches the network. Every lookup is a
dict or set lookup, so checking a page costs the same however big the site is.
Suggestions ("Did you mean ...?") come from `difflib.get_close_matches`, only
for links that are wrong.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from nextround.parse.html import HtmlLink, PageHtml
from nextround.text import printable
from nextround.urls import folder_of, relative_url

_UNSAFE_SCHEMES = frozenset({"javascript", "vbscript", "data"})
_LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
# An address of mailto: local part, "@", a domain with at least one dot.
_EMAIL = re.compile(
    r"^[^@\s,;:<>()\[\]\"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
# A tel: number once visual separators are gone: optional "+", 3 to 15 digits (E.164).
_PHONE = re.compile(r"^\+?[0-9]{3,15}$")
_PHONE_SEPARATORS = str.maketrans("", "", " -.()")
_KIND = {"a": "Link", "area": "Link", "img": "Image", "source": "Media source"}
_SHOWN_MAX = 80
# How alike two file names must be to suggest one for the other (difflib ratio):
# 'plan.md' for 'plans.md' (0.93), not 'index.md' for 'gone.md' (0.67).
_NAME_CUTOFF = 0.75


@dataclass(frozen=True)
class SiteMap:
    """What the built site serves: page URLs, their ids, other files, `site_url`."""

    pages: dict[str, str]
    """URL path ('' for the home page, 'guides/x/', also 'guides/x/index.html') -> src_uri."""
    anchors: dict[str, set[str]]
    """src_uri of each rendered page -> the ids in its HTML."""
    files: frozenset[str]
    """URL paths of every other file of the built site (images, downloads, assets)."""
    docs: dict[str, str]
    """src_uri of each page -> its URL path, to resolve `.md` links."""
    site_url: str = ""
    suggestions: tuple[str, ...] = ()
    """URL paths offered in "Did you mean" (pages and files from docs/, not theme assets)."""


class LinkProblem(NamedTuple):
    """What is wrong with the `index`-th link of a page, before its source line is known."""

    index: int
    link: HtmlLink
    message: str
    hint: str = ""
    fragment: str = ""
    stem: str = ""

    def clues(self, link: HtmlLink | None = None) -> tuple[tuple[str, ...], ...]:
        """What `SourceLines.locate` looks for, most specific first.

        The URL as written (raw HTML, absolute URLs, links the engine left alone),
        then the `#fragment` with the target's file name, the fragment alone,
        then the link text (of `link`, the same link from a detailed parse).
        """
        link = link or self.link
        clues: list[tuple[str, ...]] = [(self.link.url,)]
        if self.fragment:
            clues += [("#" + self.fragment, self.stem), ("#" + self.fragment,)]
        if link.text:
            clues.append((link.text,))
        return tuple(clues)


class ExternalLink(NamedTuple):
    """An http(s) link to another site (the `index`-th of its page), for the network check."""

    index: int
    link: HtmlLink

    def clues(self, link: HtmlLink | None = None) -> tuple[tuple[str, ...], ...]:
        """The URL as written, then the link text."""
        link = link or self.link
        return ((self.link.url,), (link.text,))


@dataclass
class PageCheck:
    """What `check_page` found on one page."""

    problems: list[LinkProblem] = field(default_factory=list)
    external: list[ExternalLink] = field(default_factory=list)


class _Verdict(NamedTuple):
    """A rule's word on one link: the message, a suggestion, and clues for its line."""

    message: str
    hint: str = ""
    fragment: str = ""
    stem: str = ""


_EXTERNAL = _Verdict("")


def check_page(src_uri: str, page_url: str, page: PageHtml, site: SiteMap) -> PageCheck:
    """Check every link of the page `src_uri`, served at `page_url`."""
    result = PageCheck()
    context = _Context(src_uri, page_url, page.ids, site)
    for index, link in enumerate(page.links):
        verdict = context.check(link)
        if verdict is _EXTERNAL:
            result.external.append(ExternalLink(index, link))
        elif verdict is not None:
            result.problems.append(LinkProblem(index, link, *verdict))
    return result


def page_urls(url: str, src_uri: str) -> dict[str, str]:
    """The URL paths under which the page at `url` is reachable, each -> `src_uri`."""
    urls = {url: src_uri}
    if url == "" or url.endswith("/"):
        urls[url + "index.html"] = src_uri
    elif url == "index.html" or url.endswith("/index.html"):
        urls[url.removesuffix("index.html")] = src_uri
    return urls


class _Context:
    """The page being checked, and the site it belongs to."""

    def __init__(self, src_uri: str, page_url: str, ids: set[str], site: SiteMap):
        self.src_uri = src_uri
        self.page_url = page_url
        self.ids = ids
        self.site = site
        self.url_dir = folder_of(page_url)
        self.src_dir = folder_of(src_uri)
        own = urlsplit(site.site_url) if site.site_url else None
        self.own_host = (own.hostname or "").lower() if own else ""
        self.own_path = (own.path or "/") if own else "/"
        if not self.own_path.endswith("/"):
            self.own_path += "/"

    def check(self, link: HtmlLink) -> _Verdict | None:
        """The verdict on one link: None when it is fine, `_EXTERNAL` for another site."""
        url = link.url
        if not url:
            return None
        if ":" not in url and not url.startswith("/"):
            # The common case, a plain relative link: no need for urlsplit.
            path, _, fragment = url.partition("#")
            path = path.partition("?")[0]
            return self._checkrelative_url(link, unquote(path) if "%" in path else path, fragment)
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - urlsplit checks the port only when asked
        except ValueError as error:
            return self._finding(link, f"the URL is malformed ({error}); expected a valid URL.")
        scheme = parts.scheme.lower()
        if scheme in _UNSAFE_SCHEMES:
            return self._finding(
                link,
                f"the '{scheme}:' scheme is unsafe; expected a relative link, an https link "
                "or a file in docs/.",
            )
        if scheme == "mailto":
            return self._check_mailto(link, parts.path)
        if scheme == "tel":
            return self._check_tel(link, parts.path)
        if scheme in ("http", "https") or (not scheme and url.startswith("//")):
            return self._check_absolute(link, scheme, parts)
        if scheme:
            return None  # Another scheme (ftp:, sms:...): not ours to judge.
        if url.startswith("/"):
            return self._check_root_absolute(link, parts.path)
        return self._checkrelative_url(link, unquote(parts.path), parts.fragment)

    def _check_absolute(self, link: HtmlLink, scheme: str, parts) -> _Verdict:
        host = (parts.hostname or "").lower()
        path = parts.path or "/"
        if (
            self.own_host
            and host == self.own_host
            and (path.startswith(self.own_path) or path == self.own_path.rstrip("/"))
        ):
            target = path[len(self.own_path) :]
            suggestion = self._suggest_site_path(target, parts.fragment)
            return self._finding(
                link,
                "it points to the site's own address (site_url) and breaks on any other host "
                "or sub-path; expected a relative link.",
                suggestion,
            )
        secure = "https:" + link.url[len(scheme) + 1 :] if scheme else "https:" + link.url
        if not scheme:
            return self._finding(link, "the link has no scheme; expected https.", secure)
        if scheme == "http" and host not in _LOOPBACK_HOSTS:
            return self._finding(link, "plain http; expected https.", secure)
        if link.loads and host not in _LOOPBACK_HOSTS:
            return self._finding(
                link,
                f"the browser would load it from another host ({host}), which tells that host "
                "about every visit; save the file in docs/ and link to it relatively.",
            )
        return _EXTERNAL

    def _check_mailto(self, link: HtmlLink, path: str) -> _Verdict | None:
        addresses = [address.strip() for address in unquote(path).split(",")]
        if addresses and all(_EMAIL.match(address) for address in addresses):
            return None
        return self._finding(
            link,
            f"expected 'mailto:' and an address like 'name@example.org', found '{_shown(path)}'.",
        )

    def _check_tel(self, link: HtmlLink, path: str) -> _Verdict | None:
        number = unquote(path).split(";", 1)[0].translate(_PHONE_SEPARATORS)
        if _PHONE.match(number):
            return None
        return self._finding(
            link,
            f"expected 'tel:' and a phone number like 'tel:+441234567890', found '{_shown(path)}'.",
        )

    def _check_root_absolute(self, link: HtmlLink, path: str) -> _Verdict:
        target = unquote(path)
        prefix = self.own_path if self.own_path != "/" else ""
        target = target[len(prefix) :] if prefix and target.startswith(prefix) else target[1:]
        fragment = urlsplit(link.url).fragment
        return self._finding(
            link,
            "a root-absolute link breaks when the site is served from a sub-path; "
            "expected a relative link.",
            self._suggest_site_path(target, fragment),
        )

    def _checkrelative_url(self, link: HtmlLink, path: str, fragment: str) -> _Verdict | None:
        if not path:
            if fragment and not self._has_anchor(self.ids, fragment):
                return self._finding(
                    link,
                    f"there is no anchor '#{fragment}' on this page.",
                    _close_anchor(fragment, self.ids),
                    fragment=fragment,
                )
            return None
        if path.endswith(".md"):
            return self._check_markdown_link(link, path, fragment)
        target = _join(self.url_dir, path)
        if target is None:
            return self._finding(link, "it goes above the site root; expected a link inside it.")
        src_uri = self._page_at(target)
        if src_uri is None:
            if target in self.site.files:
                return None
            return self._finding(
                link,
                f"'{target}' is not a page or file of the built site.",
                self._close_url(target),
                stem=_stem(target),
            )
        if fragment:
            return self._check_anchor(link, src_uri, fragment)
        return None

    def _check_markdown_link(self, link: HtmlLink, path: str, fragment: str) -> _Verdict:
        # MkDocs rewrites the .md links it can resolve, so a .md link left in the
        # HTML is raw HTML or a Markdown link to a missing page. Both resolve from
        # the source file's folder, as MkDocs resolves Markdown links.
        target = _join(self.src_dir, path)
        if target is None:
            return self._finding(link, "it goes above the docs folder; expected a link inside it.")
        url = self.site.docs.get(target)
        if url is None:
            close = _closest(target, self.site.docs)
            suggestion = relative_url(close, self.src_dir) if close else ""
            if suggestion and fragment:
                suggestion += "#" + fragment
            return self._finding(
                link, f"'{target}' is not a page of this site.", suggestion, stem=_stem(target)
            )
        suggestion = relative_url(url, self.url_dir) + ("#" + fragment if fragment else "")
        return self._finding(
            link,
            f"it points to the Markdown source '{target}', which the built site does not have; "
            "raw HTML needs the page URL.",
            suggestion,
            stem=_stem(target),
        )

    def _check_anchor(self, link: HtmlLink, src_uri: str, fragment: str) -> _Verdict | None:
        ids = self.site.anchors.get(src_uri)
        if ids is None or self._has_anchor(ids, fragment):
            return None  # A page that was not rendered (excluded) has no ids to check.
        if src_uri == self.src_uri:
            message = f"there is no anchor '#{fragment}' on this page."
        else:
            message = f"the page '{src_uri}' has no anchor '#{fragment}'."
        return self._finding(
            link, message, _close_anchor(fragment, ids), fragment=fragment, stem=_stem(src_uri)
        )

    def _has_anchor(self, ids: set[str], fragment: str) -> bool:
        return fragment in ids or unquote(fragment) in ids or fragment == "top"

    def _page_at(self, target: str) -> str | None:
        pages = self.site.pages
        src_uri = pages.get(target)
        if src_uri is None and target and not target.endswith("/"):
            src_uri = pages.get(target + "/")
        return src_uri

    def _suggest_site_path(self, target: str, fragment: str) -> str:
        """A relative link to `target` (a path from the site root), if it exists."""
        suffix = "#" + fragment if fragment else ""
        if target.endswith(".md") and target in self.site.docs:
            return relative_url(target, self.src_dir) + suffix
        if self._page_at(target) is not None or target in self.site.files:
            return relative_url(target, self.url_dir) + suffix
        return ""

    def _close_url(self, target: str) -> str:
        close = _closest(target, self.site.suggestions)
        return relative_url(close, self.url_dir) if close else ""

    def _finding(
        self,
        link: HtmlLink,
        problem: str,
        suggestion: str = "",
        fragment: str = "",
        stem: str = "",
    ) -> _Verdict:
        kind = _KIND.get(link.tag) if link.attribute in ("href", "src", "srcset") else None
        kind = kind or f"<{link.tag} {link.attribute}>"
        hint = f"Did you mean '{suggestion}'?" if suggestion else ""
        return _Verdict(f"{kind} '{_shown(link.url)}': {problem}", hint, fragment, stem)


def _join(base_dir: str, path: str) -> str | None:
    """`path` resolved against the folder `base_dir` ('' is the root); None above the root."""
    segments = (base_dir + path).split("/")
    resolved: list[str] = []
    for segment in segments[:-1]:
        if segment in ("", "."):
            continue
        if segment == "..":
            if not resolved:
                return None
            resolved.pop()
        else:
            resolved.append(segment)
    last = segments[-1]
    if last in (".", ".."):
        if last == "..":
            if not resolved:
                return None
            resolved.pop()
        last = ""
    return "/".join([*resolved, last]) if resolved else last


def _closest(target: str, candidates: Iterable[str]) -> str:
    """The candidate most like `target`: a close file name first, then a close path.

    Names first, so 'guides/pla.md' suggests 'plan.md' rather than 'guides/index.md'.
    """
    by_name: dict[str, list[str]] = {}
    for candidate in candidates:
        by_name.setdefault(_name(candidate), []).append(candidate)
    by_name.pop("", None)
    names = get_close_matches(_name(target), list(by_name), n=3, cutoff=_NAME_CUTOFF)
    pool = [candidate for name in names for candidate in by_name[name]]
    best = get_close_matches(target, pool, n=1, cutoff=0.0)
    return best[0] if best else ""


def _name(path: str) -> str:
    return posixpath.basename(path.rstrip("/"))


def _close_anchor(fragment: str, ids: set[str]) -> str:
    close = get_close_matches(fragment, list(ids), n=1)
    return "#" + close[0] if close else ""


def _stem(target: str) -> str:
    """The file name of `target` without extension: 'guides/x.md' -> 'x', 'guides/x/' -> 'x'."""
    name = posixpath.basename(target.rstrip("/"))
    return posixpath.splitext(name)[0]


def _shown(url: str) -> str:
    """`url` as printed in a message: on one line, long ones (data: URLs) cut."""
    url = printable(url)
    return url if len(url) <= _SHOWN_MAX else url[: _SHOWN_MAX - 3] + "..."
