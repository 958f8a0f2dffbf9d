"""The `/// checklist | Title` block: Markdown task lists rendered as checklists.

A pymdownx Blocks extension. It works on the block's raw Markdown (before
inline parsing), so item ids come from `parse.checklists.item_id` applied to
the very text the source parser sees; in a translated edition, `item_ids`
gives the ids of the source page's checklist of the same id, which item N
takes by position (`parse.checklists.carry_ids`). A block whose id breaks
`parse.checklists.id_problem` is not rendered at all (the checks report it).
The output is plain HTML that works without JavaScript: real checkboxes whose
label is the item text, then `online.marker(id)` for the printed address. The
title carries the heading of the printed "Date or note" line, in the build's
language (`note_line`, shown by the print styles with `attr()`).
A plan's `when:` and `remind:` options (`parse.plan_days`) become `data-when`
and `data-remind`, which `plan.js` turns into dates; a reminder in another
language also gets its day phrase as written (`data-remind-phrase`) and in
English (`data-remind-day`), the words plan.js reads.

pymdownx Blocks tests every block of a document for an opening `///`, which
was most of what the checklist block cost on a page without one. So the
block joins a document's parser only once a preprocessor, after snippets are
included and before fenced code is set aside, has seen `///` in it; without
`///` no block can open, so the page renders the same either way.
"""

from __future__ import annotations

from typing import ClassVar
from xml.etree import ElementTree

from markdown.preprocessors import Preprocessor
from pymdownx import util
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from nextround.parse.checklists import id_problem, item_id
from nextround.parse.plan_days import OPTIONS as PLAN
from nextround.parse.plan_days import remind_day

_MARKERS = ("[ ]", "[x]", "[X]")
# After `pymdownx.snippets` (32) and whitespace normalization (30), before
# `pymdownx.superfences` stashes fenced code (25).
GATE_PRIORITY = 27


class ChecklistBlock(Block):
    """`/// checklist | Title` with an `id:` option and a task list inside."""

    NAME = "checklist"
    ARGUMENT = None
    OPTIONS: ClassVar = {name: ("", lambda value: value) for name in ("id", *PLAN)}

    def on_validate(self, parent):
        """Render only a block whose id follows the one id rule."""
        return not id_problem(self.options["id"])

    def on_create(self, parent):
        """Open the checklist container with its title."""
        checklist_id = self.options["id"]
        container = ElementTree.SubElement(
            parent,
            "div",
            {
                "class": "nr-checklist",
                "id": f"checklist-{checklist_id}",
                "data-checklist": checklist_id,
                **{f"data-{key}": str(self.options[key]) for key in PLAN if self.options[key]},
            },
        )
        if day := remind_day(self.options["remind"], self.config["language"]):
            container.set("data-remind-phrase", day[0])
            container.set("data-remind-day", day[1])
        title = ElementTree.SubElement(container, "p", {"class": "nr-checklist__title"})
        if self.config["note_line"]:
            title.set("data-nr-note-line", self.config["note_line"])
        title.text = self.argument or ""
        return container

    def on_end(self, block):
        """Turn every task item into a labelled checkbox with a stable id."""
        checklist_id = block.get("data-checklist", "")
        for task_list in (*block.iter("ul"), *block.iter("ol")):
            task_list.set("class", "nr-checklist__items")
        carried = self.config["item_ids"](checklist_id)
        position = 0
        for item in block.iter("li"):
            own = carried[position] if position < len(carried) else None
            position += _render_item(item, checklist_id, own)
        # Where the build puts the printed address and QR code (`render/online.py`).
        ElementTree.SubElement(block, "div", {"class": "nr-online", "data-nr-online": checklist_id})


def _render_item(item: ElementTree.Element, checklist_id: str, carried: str | None) -> bool:
    """Render a task item with the id `carried` (or its words' id); False if it is no task."""
    holder = item[0] if len(item) and item[0].tag == "p" else item
    raw = (holder.text or "").lstrip()
    if not raw.startswith(_MARKERS):
        return False
    text, _, hint = raw[3:].strip().partition("\n")
    identifier = carried or item_id(text)
    item.set("class", "nr-checklist__item")
    item.set("data-item", identifier)
    holder.text = None
    label = ElementTree.Element("label", {"class": "nr-checklist__label"})
    box = ElementTree.SubElement(label, "input", {"type": "checkbox", "class": "nr-checklist__box"})
    words = ElementTree.SubElement(label, "span", {"class": "nr-checklist__text"})
    words.text = text
    holder.insert(0, label)
    if hint.strip():
        hint_id = f"hint-{checklist_id}-{identifier}"
        box.set("aria-describedby", hint_id)
        note = ElementTree.Element("span", {"class": "nr-checklist__hint", "id": hint_id})
        note.text = " ".join(hint.split())
        holder.insert(1, note)
    return True


class ChecklistExtension(BlocksExtension):
    """Registers the checklist block with pymdownx Blocks, for documents that have `///`."""

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        r"""Let `\/` escape a slash, as pymdownx Blocks does; add the block on pages with `///`."""
        util.escape_chars(md, ["/"])
        md.preprocessors.register(_Gate(md, self), "nr-checklist-gate", GATE_PRIORITY)

    def __init__(self, *args, **kwargs):
        """Take `note_line`, `item_ids` and `language`.

        `note_line` is the printed heading of the line beside each item ('' for none);
        `item_ids` maps a checklist id to the item ids a translation carries (none by default);
        `language` is the language of the pages' reminders.
        """
        self.config = {
            "note_line": ["", "The printed heading of the line beside each item."],
            "item_ids": [_no_ids, "A checklist id -> the item ids its items take by position."],
            "language": ["en", "The language the pages' reminders are written in."],
        }
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr):  # noqa: N802 - pymdownx's name
        """Add the block."""
        block_mgr.register(ChecklistBlock, self.getConfigs())


def _no_ids(checklist_id: str) -> tuple[str, ...]:
    """In the source edition no item takes its id from another page."""
    return ()


class _Gate(Preprocessor):
    """Adds the checklist block to the parser the first time a document has `///`."""

    def __init__(self, md, extension: ChecklistExtension):
        super().__init__(md)
        self.extension = extension
        self.added = False

    def run(self, lines):
        if not self.added and any("///" in line for line in lines):
            self.added = True
            BlocksExtension.extendMarkdown(self.extension, self.md)
        return lines
