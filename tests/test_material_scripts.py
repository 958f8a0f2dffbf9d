"""Material's inline scripts, kept as files and written inline with hashes the policy allows.

Each file under overrides/assets/javascripts/inline/ must hold exactly the
script of Material's partial, apart from the changes listed here; every inline
script of a built page (of each edition) must be one of them, allowed by its hash in the policy
the recipes send, and no page may carry an event-handler or `style` attribute;
and with storage denied, the palette no longer throws.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material
from conftest import ROOT, built_pages

from nextround.render.inline_scripts import content_security_policy, source_hash

PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
OURS = ROOT / "overrides" / "assets" / "javascripts" / "inline"
# Each file: (Material's partial, which <script> in it, {Material's text: ours}).
COPIES = {
    "base.js": (
        "base.html",
        0,
        {
            'new URL("{{ config.extra.scope | d(base_url) }}",location)': (
                "new URL(document.currentScript.dataset.scope,location)"
            ),
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))': (
                "__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage)"
                '.getItem(t.pathname+"."+e))}catch(e){return null}}'
            ),
            "__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem": (
                "__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem"
            ),
        },
    ),
    "palette.js": ("palette.html", 0, {}),
    "content-tabs.js": ("content.html", 0, {}),
    "content.js": ("content.html", 1, {}),
    "announce.js": ("announce.html", 0, {}),
    "consent.js": ("consent.html", 0, {}),
    "outdated.js": (
        "outdated.html",
        0,
        {'new URL("{{ base_url }}")': "new URL(document.currentScript.dataset.base,location)"},
    ),
}
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def test_every_inline_script_of_material_is_a_file_here():
    partials = {path.name for path in PARTIALS.glob("*.html")}
    copied = {partial for partial, _, _ in COPIES.values()}
    assert copied == partials
    assert {path.name for path in OURS.glob("*.js")} == set(COPIES)


def test_each_file_is_materials_script_with_only_the_listed_changes():
    drift = []
    for name, (partial, index, changes) in COPIES.items():
        theirs = _SCRIPT.findall((PARTIALS / partial).read_text(encoding="utf-8"))[index]
        for old, new in changes.items():
            assert old in theirs, f"{partial} no longer holds {old!r}"
            theirs = theirs.replace(old, new)
        ours = "\n".join(
            line
            for line in (OURS / name).read_text(encoding="utf-8").splitlines()
            if not line.startswith("//")
        )
        if ours.strip() != theirs.strip():
            drift.append(name)
    assert drift == [], (
        "Copy Material's script again into these files and redo the changes listed in "
        "tests/test_material_scripts.py"
    )


class _InlineCode(HTMLParser):
    """Inline scripts the policy does not allow, event-handler and style attributes of one page."""

    def __init__(self, policy: str):
        super().__init__(convert_charrefs=False)
        self.policy = policy
        self.found: list[str] = []
        self.script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        """Note each piece of markup a strict policy would block."""
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") != "application/json":
            self.script = []
        if tag == "style":
            self.found.append(f"<style> at line {self.getpos()[0]}")
        for name in names:
            if name == "style" or name.startswith("on"):
                self.found.append(f"{name}= on <{tag}> at line {self.getpos()[0]}")

    def handle_data(self, data):
        """Keep the text of an inline script."""
        if self.script is not None:
            self.script.append(data)

    def handle_endtag(self, tag):
        """Check an inline script's hash against the policy."""
        if tag == "script" and self.script is not None:
            if source_hash("".join(self.script)) not in self.policy:
                self.found.append(f"inline <script> not in the policy at line {self.getpos()[0]}")
            self.script = None


def test_every_inline_script_is_allowed_by_its_hash_and_no_page_has_inline_style(
    site_dir, center_dir
):
    found, inline = [], 0
    for folder in (site_dir, center_dir):
        for edition in ("", "es/"):  # and the Spanish edition's pages
            for relative in [*built_pages(folder / edition), "404.html"]:
                parser = _InlineCode(content_security_policy())
                text = (folder / edition / relative).read_text(encoding="utf-8")
                parser.feed(text)
                inline += text.count("<script>") + text.count("<script data-")
                found += [f"{folder.name}/{edition}{relative}: {item}" for item in parser.found]
    assert found == []
    assert inline, "the pages carry Material's inline scripts"


DENY_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""


def test_the_palette_works_when_storage_is_denied(server, page):
    page.add_init_script(DENY_STORAGE)
    page.goto(server.url, wait_until="networkidle")
    page.locator("label[for^='__palette']:visible").first.click()
    scheme = page.evaluate(
        "document.body.dataset.mdColorMedia || document.body.dataset.mdColorScheme"
    )
    assert scheme
    assert page.watch.errors == []


# At each change of the scheme, the transition a content link has at that moment.
RECORD_SWITCH = """
window.nrSwitches = [];
new MutationObserver(() => {
  const link = document.querySelector(".md-content a[href]");
  window.nrSwitches.push(getComputedStyle(link).transitionDuration);
}).observe(document, {
  subtree: true, attributes: true, attributeFilter: ["data-md-color-scheme"],
});
"""


def test_colors_switch_at_once_and_loading_restyles_nothing_for_it(server, page):
    page.add_init_script(RECORD_SWITCH)
    page.goto(server.url, wait_until="networkidle")
    keyed = page.evaluate(
        """[...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
             .map((rule) => rule.cssText).filter((text) => text.includes("color-switching"))"""
    )
    assert keyed == []  # Material sets that attribute on every load: nothing may restyle on it.
    link = page.locator(".md-content a[href]").first
    assert link.evaluate("(node) => getComputedStyle(node).transitionDuration") != "0s"
    page.evaluate("window.nrSwitches = []")
    page.locator("label[for^='__palette']:visible").first.click()
    page.wait_for_function("window.nrSwitches.length > 0")
    assert set(page.evaluate("window.nrSwitches")) == {"0s"}
    page.wait_for_function("!('nrSwitching' in document.body.dataset)")
    assert link.evaluate("(node) => getComputedStyle(node).transitionDuration") != "0s"
    assert page.watch.errors == []
