"""Printing in real Chromium (`page.pdf()`, print media): checklists alone, guides, the booklet.

Every checklist is printed alone once per paper size, as its Print button
prints it (`nextround.cli.handouts.print_checklist`, also what `make handouts`
runs), and the PDFs are shared by the tests below.
"""

from __future__ import annotations

import pytest
from print_pdfs import one_line, page_texts, qr_codes
from tiny_site import ROOT

from nextround.cli.handouts import (
    PAPERS,
    checklist_pages,
    offline,
    print_checklist,
    print_edition,
)
from nextround.engine.site_config import read_site_config

pytestmark = pytest.mark.browser

SITE_URL = read_site_config(ROOT / "mkdocs.yml").site_url
BOOKLET = "handouts/"
GUIDE = "guides/ask-for-feedback/"
# Text that only the site's chrome holds: the skip link, search, the footer's links.
CHROME = ("Skip to content", "Previous", "Made with")


@pytest.fixture(scope="module")
def print_page(browser, server):
    """One page, reused by every test here, that can reach nothing but the test server."""
    context = offline(browser.new_context(viewport={"width": 1280, "height": 900}), server.url)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def site_name(print_page, server) -> str:
    """The site's name, as the header of every page shows it."""
    print_page.goto(server.url)
    return one_line(print_page.locator(".md-header__topic").first.inner_text())


@pytest.fixture(scope="module")
def printed(print_page, server):
    """Every checklist printed alone on each paper: a dict of what each printout needs."""
    results = []
    for checklist_id, url in checklist_pages(print_page, server.url + "progress/"):
        print_page.goto(url)
        list_ = print_page.locator(f"#checklist-{checklist_id}")
        results.append(
            {
                "id": checklist_id,
                "path": url.removeprefix(server.url),
                "title": one_line(list_.locator(".nr-checklist__title").inner_text()),
                "items": [
                    one_line(t) for t in list_.locator(".nr-checklist__text").all_inner_texts()
                ],
                "own_text": one_line(list_.inner_text()),
                "guide": heading(print_page.locator("h1")),
                "nav": nav_labels(print_page),
                "pdfs": {
                    name: print_checklist(print_page, checklist_id, paper)
                    for name, paper in PAPERS.items()
                },
            }
        )
    return results


def heading(locator) -> str:
    """A heading's text without its permalink sign."""
    return one_line(locator.inner_text()).removesuffix("¶").rstrip()


def nav_labels(page) -> set[str]:
    """The text of every navigation link of the open page (site navigation and contents)."""
    return {one_line(text) for text in page.locator(".md-nav__link").all_inner_texts()} - {""}


def test_the_site_has_checklists_to_print(printed):
    assert len(printed) >= 10


def test_every_checklist_prints_alone_on_one_page_of_a4_and_of_letter(printed):
    pages = {
        f"{entry['id']} ({paper})": len(page_texts(pdf))
        for entry in printed
        for paper, pdf in entry["pdfs"].items()
    }
    assert {name: count for name, count in pages.items() if count != 1} == {}


def test_a_printed_checklist_holds_its_title_items_guide_and_site_and_no_navigation(
    printed, site_name
):
    problems = []
    for entry in printed:
        expected = [entry["title"], entry["guide"], site_name, *entry["items"]]
        # Labels that the checklist or its print header also show are not evidence of nav.
        header = f"{site_name} {entry['guide']} {entry['own_text']}"
        nav_only = {label for label in entry["nav"] if label not in header}
        for paper, pdf in entry["pdfs"].items():
            text = " ".join(page_texts(pdf))
            problems += [f"{entry['id']} ({paper}) lacks {x!r}" for x in expected if x not in text]
            problems += [
                f"{entry['id']} ({paper}) shows {x!r}" for x in (*nav_only, *CHROME) if x in text
            ]
    assert problems == []


def test_the_qr_code_on_a_printed_checklist_opens_that_checklist_online(printed):
    problems = []
    for entry in printed:
        address = f"{SITE_URL}{entry['path']}#checklist-{entry['id']}"
        for paper, pdf in entry["pdfs"].items():
            codes = qr_codes(pdf)
            if codes != [address]:
                problems.append(f"{entry['id']} ({paper}): {codes} != [{address!r}]")
            if address not in " ".join(page_texts(pdf)).replace(" ", ""):
                problems.append(f"{entry['id']} ({paper}) does not print {address}")
    assert problems == []


def test_boxes_ticked_on_screen_print_ticked(print_page, server):
    print_page.goto(server.url + GUIDE)
    checklist = print_page.locator(".nr-checklist").first
    checklist_id = checklist.get_attribute("data-checklist")
    boxes = checklist.locator("input.nr-checklist__box")
    blank = page_texts(print_checklist(print_page, checklist_id, "A4"))[0]
    boxes.nth(0).check()
    boxes.nth(2).check()
    ticked = page_texts(print_checklist(print_page, checklist_id, "A4"))[0]
    assert (blank.count("✓"), ticked.count("✓")) == (0, 2)
    # Ticked on screen is shown struck through; on paper it stays readable.
    item = one_line(checklist.locator(".nr-checklist__text").nth(0).inner_text())
    assert item in ticked


def test_the_print_button_prints_its_checklist_alone_then_restores_the_page(print_page, server):
    print_page.goto(server.url + GUIDE)
    print_page.evaluate(
        "() => { window.printed = [];"
        " window.print = () => window.printed.push(document.documentElement.className); }"
    )
    checklist = print_page.locator(".nr-checklist").nth(1)
    checklist.get_by_role("button", name="Print").click()
    classes = print_page.evaluate("window.printed")
    assert len(classes) == 1
    assert "nr-print-one" in classes[0].split()
    assert checklist.evaluate("list => list.classList.contains('nr-print-target')")
    print_page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert print_page.locator(".nr-print-one, .nr-print-target, .nr-print-path").count() == 0


def test_a_guide_prints_its_title_and_content_without_navigation(print_page, server, site_name):
    print_page.goto(server.url + GUIDE)
    title = heading(print_page.locator("h1"))
    headings = [heading(h) for h in print_page.locator("article h2").all()]
    article = one_line(print_page.locator("article").inner_text())
    nav_only = {
        label
        for label in nav_labels(print_page.locator(".md-sidebar--primary"))
        if label not in article
    }
    for paper in PAPERS.values():
        text = " ".join(page_texts(print_page.pdf(format=paper)))
        assert [x for x in (title, site_name, SITE_URL + GUIDE, *headings) if x not in text] == []
        assert [x for x in (*nav_only, *CHROME) if x in text] == []


def test_the_booklet_has_one_checklist_a_page_and_the_plan_on_one_page(printed, print_page, server):
    print_page.goto(server.url + BOOKLET)
    sections = print_page.locator(".nr-handout[data-handout]")
    ids = sections.evaluate_all("all => all.map((s) => s.dataset.handout)")
    assert ids == ["plan", *(entry["id"] for entry in printed)]
    plan = sections.nth(0)
    plan_items = [one_line(t) for t in plan.locator(".nr-handout__text").all_inner_texts()]
    assert len(plan_items) >= 10
    for paper in PAPERS.values():
        pages = page_texts(print_page.pdf(format=paper))
        assert len(pages) == 2 + len(printed), paper
        assert [item for item in plan_items if item not in pages[1]] == []
        for entry, text in zip(printed, pages[2:], strict=True):
            assert [x for x in (entry["title"], *entry["items"]) if x not in text] == [], paper
            # Each checklist's heading carries one "Date or note" column label.
            assert text.count("Date or note") == 1, (paper, entry["id"])
        assert qr_codes(print_page.pdf(format=paper), page=1) == [SITE_URL + BOOKLET]


def test_print_only_parts_stay_off_screen_and_print_sits_beside_reset(print_page, server):
    print_page.goto(server.url + GUIDE)
    assert (
        print_page.locator(".nr-online, .nr-print-header").evaluate_all(
            "all => all.filter((node) => node.getClientRects().length).length"
        )
        == 0
    )
    tools = print_page.locator(".nr-checklist__tools").first
    assert tools.get_by_role("button").all_inner_texts() == ["Print", "Reset"]


# ---- the Spanish edition, printed as `make handouts` prints it into handouts/es/ ----------

SPANISH_URL = read_site_config(ROOT / "mkdocs.es.yml").site_url
SPANISH_GUIDE = "guides/process-the-news/"


@pytest.fixture(scope="module")
def spanish_handouts(print_page, server, site_dir, tmp_path_factory) -> dict[str, bytes]:
    """Every handout of the Spanish edition (site/es/), by file name, as `make handouts` writes."""
    out = tmp_path_factory.mktemp("handouts") / "es"
    written = list(print_edition(print_page, server.url, site_dir, "es", out))
    assert all(path.parent == out for path, _pages in written)
    return {path.name: path.read_bytes() for path, _pages in written}


def spanish_checklist(print_page, server) -> tuple[str, str]:
    """The id and the title, as the Spanish page shows it, of the first checklist of a guide."""
    print_page.goto(server.url + "es/" + SPANISH_GUIDE)
    checklist = print_page.locator(".nr-checklist").first
    title = one_line(checklist.locator(".nr-checklist__title").inner_text())
    return checklist.get_attribute("data-checklist"), title


def test_a_spanish_checklist_prints_in_spanish_pointing_to_the_spanish_page(
    spanish_handouts, print_page, server
):
    checklist_id, title = spanish_checklist(print_page, server)
    address = f"{SPANISH_URL}{SPANISH_GUIDE}#checklist-{checklist_id}"
    assert address.startswith(SITE_URL + "es/")
    for paper in PAPERS:
        pdf = spanish_handouts[f"{checklist_id}-{paper}.pdf"]
        pages = page_texts(pdf)
        assert len(pages) == 1, paper
        assert title in pages[0], paper
        assert "Esta lista en internet" in pages[0], paper
        assert address in pages[0].replace(" ", ""), paper
        assert qr_codes(pdf) == [address], paper


def test_every_spanish_handout_is_written_and_each_checklist_fits_one_page(
    spanish_handouts, print_page, server
):
    english = checklist_pages(print_page, server.url + "progress/")
    names = {f"{checklist_id}-{paper}.pdf" for checklist_id, _url in english for paper in PAPERS}
    assert set(spanish_handouts) == names | {f"booklet-{paper}.pdf" for paper in PAPERS}
    assert {n: len(page_texts(spanish_handouts[n])) for n in names} == dict.fromkeys(names, 1)


def test_the_spanish_booklet_cover_is_in_spanish_with_the_spanish_address(spanish_handouts):
    for paper in PAPERS:
        pdf = spanish_handouts[f"booklet-{paper}.pdf"]
        cover = page_texts(pdf)[0]
        assert "Listas para imprimir" in cover, paper
        assert "Printable checklists" not in cover, paper
        assert qr_codes(pdf, page=1) == [SPANISH_URL + BOOKLET], paper
