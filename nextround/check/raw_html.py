"""The HTML a page may contain: an allow-list of elements and attributes.

Contributors may write raw HTML in Markdown, and `attr_list` lets them add
attributes to any element. What reaches the rendered page must stay a guide:
no scripts, frames, forms, styles, `<base>` or `<meta>`, and no event-handler
attributes. URLs are judged by `check.links` (every URL attribute is read by
`parse.html`); this module judges which elements and attributes appear.

`check_markup` takes the (element, attribute) pairs of one page and returns
one message per pair that is not allowed, with the text to search for in the
Markdown source (`<script`, `onclick=`). Pure functions.
"""

from __future__ import annotations

from typing import NamedTuple

from nextround.parse.html import BUILT_ATTRIBUTE

# What Markdown, our extensions and a careful author produce.
_TEXT = (
    "a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em"
)
_TEXT += (
    " figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd label li mark ol p picture pre"
)
_TEXT += (
    " q rp rt ruby s samp section small source span strong sub summary sup table tbody td tfoot"
)
_TEXT += " th thead time tr u ul var wbr audio video track aside article header footer nav main"
# Inline icons are SVG.
_SVG = "svg g path circle ellipse line polyline polygon rect text tspan title desc defs use symbol"
_SVG += " lineargradient radialgradient stop clippath mask"
ALLOWED_ELEMENTS = frozenset((_TEXT + " " + _SVG).split())

_GLOBAL = "id class title lang dir role hidden tabindex style translate"
_BY_ELEMENT = {
    "a": "href name rel target hreflang type download",
    "img": "src alt width height srcset sizes loading decoding",
    "input": "type checked disabled name",
    "label": "for",
    "td": "colspan rowspan align headers",
    "th": "colspan rowspan align headers scope abbr",
    "col": "span",
    "colgroup": "span",
    "ol": "start type reversed",
    "li": "value",
    "details": "open",
    "time": "datetime",
    "blockquote": "cite",
    "q": "cite",
    "del": "cite datetime",
    "ins": "cite datetime",
    "source": "src srcset type media sizes",
    "audio": "src controls preload loop muted",
    "video": "src controls preload loop muted poster width height playsinline",
    "track": "src kind srclang label default",
    "use": "href xlink:href x y width height",
}
_SVG_ATTRIBUTES = (
    "xmlns xmlns:xlink viewbox width height fill stroke d points cx cy r rx ry x y x1 y1 x2 y2"
    " transform fill-rule clip-rule stroke-width stroke-linecap stroke-linejoin opacity"
    " fill-opacity stroke-opacity version preserveaspectratio focusable offset stop-color"
    " stop-opacity gradientunits gradienttransform clip-path mask"
)
_SVG_ELEMENTS = frozenset(_SVG.split())
_ALLOWED = {tag: frozenset((_GLOBAL + " " + extra).split()) for tag, extra in _BY_ELEMENT.items()}
_ALLOWED_GLOBAL = frozenset(_GLOBAL.split())
_ALLOWED_SVG = frozenset((_GLOBAL + " " + _SVG_ATTRIBUTES).split())
# `<input>` only as a checklist's checkbox or a content tab's radio button.
_INPUT_TYPES = frozenset({"type=checkbox", "type=radio"})


class MarkupProblem(NamedTuple):
    """An element or attribute that is not allowed, and clues to its source line, best first."""

    message: str
    clues: tuple[tuple[str, ...], ...]


def check_markup(markup: set[tuple[str, str]]) -> list[MarkupProblem]:
    """One `MarkupProblem` per (element, attribute) pair of a page that is not allowed.

    `markup` is `PageHtml.markup`: (element, '') for each element used,
    (element, attribute) for each attribute, and ('input', 'type=x') for inputs.
    """
    problems = []
    for tag, attribute in sorted(markup):
        if tag not in ALLOWED_ELEMENTS:
            if not attribute:
                problems.append(_element_problem(tag))
        elif attribute.startswith("type="):
            if attribute not in _INPUT_TYPES:
                problems.append(
                    MarkupProblem(
                        f"<input {attribute}> is not allowed: pages hold no forms, and the "
                        "only inputs are the boxes of a '/// checklist' block. Remove it.",
                        (("type=", attribute.partition("=")[2]),),
                    )
                )
        elif attribute and not _attribute_allowed(tag, attribute):
            problems.append(_attribute_problem(tag, attribute))
    return problems


def _attribute_allowed(tag: str, attribute: str) -> bool:
    if attribute == BUILT_ATTRIBUTE:
        return False  # the build's own mark: the checks of the written site skip what it holds
    if attribute.startswith(("aria-", "data-")):
        return True
    if tag in _SVG_ELEMENTS:
        return attribute in _ALLOWED_SVG or attribute in _ALLOWED.get(tag, ())
    return attribute in _ALLOWED.get(tag, _ALLOWED_GLOBAL)


def _element_problem(tag: str) -> MarkupProblem:
    why = {
        "script": "scripts belong in docs/javascripts/ and extra_javascript in mkdocs.yml",
        "style": "styles belong in docs/stylesheets/ and extra_css in mkdocs.yml",
        "base": "it would send every relative link and script to another address",
        "meta": "it can redirect readers or change how the page loads",
        "link": "it loads files into the page; use extra_css in mkdocs.yml",
        "iframe": "it embeds another site, which then learns of every visit",
        "form": "pages hold no forms, so nothing a reader types leaves their device",
    }.get(tag, "it is not on the list of elements a guide may use")
    return MarkupProblem(
        f"<{tag}> is not allowed in a page: {why}. Remove it, or ask in an issue "
        "whether the list of allowed HTML should grow.",
        ((f"<{tag}",),),
    )


def _attribute_problem(tag: str, attribute: str) -> MarkupProblem:
    if attribute.startswith("on"):
        why = "event handlers run script when clicked or loaded; the site's scripts live in files"
    elif attribute == BUILT_ATTRIBUTE:
        why = "it marks markup that the build writes, which the checks skip"
    else:
        why = "it is not on the list of attributes a guide may use"
    return MarkupProblem(
        f"The attribute '{attribute}' on <{tag}> is not allowed: {why}. Remove it.",
        ((f"<{tag}", f"{attribute}="), (f"{attribute}=",), (attribute,)),
    )
