"""The handout booklet: every checklist of the site on its own printed page, and the plan on one.

A page asks for it with the marker `<div class="nr-handouts" data-nr-handouts></div>`;
the build replaces it with `render_handouts`, made from the same parsed
checklists (and the same `Entry` records) as the "My progress" list. The
booklet's boxes are drawn, not inputs: it is a blank handout to fill in by
hand, and the guides keep the boxes that save ticks. The one-page plan lists
the items of every checklist of the 30-day plan page, without their hints.
"""

from __future__ import annotations

from html import escape

from nextround.messages import Catalog
from nextround.parse.checklists import Checklist, id_problem
from nextround.render.online import online_address, render_online
from nextround.render.progress_registry import Entry, plain_text

MARKER = '<div class="nr-handouts" data-nr-handouts></div>'
# The page whose checklists make up the 30-day plan.
PLAN_PAGE = "next-30-days.md"


def render_handouts(
    booklet_url: str,
    entries: list[Entry],
    plan: list[Entry],
    site: tuple[str, str],
    catalog: Catalog,
) -> str:
    """The booklet's own address, the plan on one page, then each checklist on a page of its own.

    `booklet_url` is the path of the booklet's page from the site root; `site` is the
    site's name and address (`site_url`).
    """
    entries = [entry for entry in entries if not id_problem(entry.checklist.options.get("id", ""))]
    plan = [entry for entry in plan if entry in entries]
    booklet = online_address(site[1], booklet_url)
    sections = [render_online(booklet, catalog.t("online.booklet"))]
    if plan:
        sections.append(_plan_section(plan, site, catalog))
    sections += [_checklist_section(entry, site, catalog) for entry in entries]
    return f'<div class="nr-handouts" data-search-exclude>{"".join(sections)}</div>'


def _checklist_section(entry: Entry, site: tuple[str, str], catalog: Catalog) -> str:
    site_name, site_url = site
    checklist = entry.checklist
    address = online_address(site_url, entry.page_url, f"checklist-{checklist.id}")
    label = escape(catalog.t("print.note-line"))
    return (
        f'<section class="nr-handout" data-handout="{escape(checklist.id)}">'
        f"{_source_line(site_name, entry.page_title)}"
        f'<h2 class="nr-handout__title" data-nr-note-line="{label}">'
        f"{escape(plain_text(checklist.title))}</h2>"
        f"{_items(checklist, hints=True)}"
        f"{render_online(address, catalog.t('online.checklist'))}</section>"
    )


def _plan_section(plan: list[Entry], site: tuple[str, str], catalog: Catalog) -> str:
    site_name, site_url = site
    title = plan[0].page_title
    weeks = "".join(
        f'<div class="nr-handout__week"><h3>{escape(plain_text(entry.checklist.title))}</h3>'
        f"{_items(entry.checklist, hints=False)}</div>"
        for entry in plan
    )
    address = online_address(site_url, plan[0].page_url)
    return (
        '<section class="nr-handout nr-handout--plan" data-handout="plan">'
        f"{_source_line(site_name, title)}"
        f'<h2 class="nr-handout__title">{escape(catalog.t("handouts.plan-title", title=title))}'
        "</h2>"
        f'<div class="nr-handout__weeks">{weeks}</div>'
        f"{render_online(address, catalog.t('online.plan'))}</section>"
    )


def _source_line(site_name: str, page_title: str) -> str:
    return f'<p class="nr-handout__source">{escape(site_name)} · {escape(page_title)}</p>'


def _items(checklist: Checklist, hints: bool) -> str:
    rows = []
    for item in checklist.items:
        hint = plain_text(item.hint) if hints and item.hint.strip() else ""
        rows.append(
            f'<li class="nr-handout__item nr-handout__item--depth-{min(item.depth, 3)}">'
            '<span class="nr-handout__box" aria-hidden="true"></span>'
            f'<span class="nr-handout__text">{escape(plain_text(item.text))}'
            + (f'<span class="nr-handout__hint">{escape(hint)}</span>' if hint else "")
            + '</span><span class="nr-handout__note" aria-hidden="true"></span></li>'
        )
    return f'<ul class="nr-handout__items">{"".join(rows)}</ul>'
