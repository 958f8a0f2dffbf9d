"""What the build adds for print: addresses and QR codes, the booklet, marked external links."""

from __future__ import annotations

import re

import pytest
import segno
import tiny_site
from tiny_site import page

from nextround.render.handouts import MARKER as BOOKLET
from nextround.render.online import online_address, render_online

CHECKLIST = "/// checklist | Week one\n    id: week-one\n\n- [ ] Read the guide.\n///\n"
PLAN = "/// checklist | Days 1 to 2\n    id: plan-days\n\n- [ ] Rest & *breathe*.\n///\n"
FILES = {
    "docs/index.md": page(
        "Home",
        "# Home\n\n[Elsewhere](https://example.com/a?b=1) [Plan](next-30-days.md)\n\n" + CHECKLIST,
    ),
    "docs/next-30-days.md": page(
        "Your next 30 days", "# Your next 30 days\n\n" + PLAN, last_reviewed="2026-11-01"
    ),
    "docs/handouts.md": page("Handouts", "# Handouts\n\n" + BOOKLET + "\n"),
}


def written(folder, path: str) -> str:
    return (folder / "site" / path).read_text(encoding="utf-8")


def test_an_address_needs_a_site_url():
    assert online_address("", "guides/a/", "checklist-b") == ""
    assert render_online("", "This checklist online:") == ""
    assert (
        online_address("https://uni.example.edu/careers/", "guides/a/", "checklist-b")
        == "https://uni.example.edu/careers/guides/a/#checklist-b"
    )


def test_the_printed_address_is_escaped():
    block = render_online("https://example.org/?a=1&b=<2>", "This checklist online:")
    assert "https://example.org/?a=1&amp;b=&lt;2&gt;" in block
    assert block.count("<svg") == 1


def modules_drawn(svg: str) -> list[list[int]]:
    """The dark modules an SVG QR code draws: its path's runs, read back into a grid."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, dx, dy, run in re.findall(r"([Mm])(-?[\d.]+) (-?[\d.]+)h(\d+)", svg):
        x, y = (float(dx), float(dy)) if command == "M" else (x + float(dx), y + float(dy))
        for column in range(int(x), int(x) + int(run)):
            grid[int(y)][column] = 1
        x += int(run)
    return grid


@pytest.mark.parametrize(
    "address",
    [
        "https://nextround.example.org/#checklist-week-one",
        "https://uni.example.edu/careers/next-round/guides/keep-networking/#checklist-keep-in-touch",
    ],
)
def test_the_qr_code_draws_exactly_the_modules_of_its_address(address):
    drawn = modules_drawn(render_online(address, "This checklist online:"))
    expected = [list(row) for row in segno.make(address, error="m", mask=0, micro=False).matrix]
    assert drawn == expected


def test_a_short_address_gets_a_full_qr_code_which_phone_cameras_read():
    block = render_online("HTTPS://A.EU/", "This checklist online:")
    assert 'viewBox="0 0 21 21"' in block  # version 1: a Micro QR code is at most 17 wide


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The folder of the tiny site of FILES, built once for the tests that only read it."""
    folder = tmp_path_factory.mktemp("print")
    tiny_site.write_site(folder, FILES)
    result = tiny_site.build(folder)
    assert result.returncode == 0, result.output
    return folder


def test_checklists_and_the_booklet_carry_their_address_and_qr_code(built):
    home = written(built, "index.html")
    assert "data-nr-online" not in home
    assert f"{tiny_site.SITE_URL}#checklist-week-one</span>" in home
    assert 'class="nr-online__code"' in home
    booklet = written(built, "handouts/index.html")
    assert booklet.count('<section class="nr-handout') == 3  # the plan, then both checklists
    assert '<h2 class="nr-handout__title">Your next 30 days: the plan on one page</h2>' in booklet
    assert "Rest &amp; breathe." in booklet
    assert f"{tiny_site.SITE_URL}handouts/</span>" in booklet
    assert f"{tiny_site.SITE_URL}next-30-days/#checklist-plan-days</span>" in booklet


def test_without_a_site_url_nothing_prints_a_wrong_address(tmp_path):
    config = tiny_site.write_site(tmp_path, FILES)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f"site_url: {tiny_site.SITE_URL}\n", ""), encoding="utf-8")
    result = tiny_site.build(tmp_path)
    assert result.returncode == 0, result.output
    for path in ("index.html", "handouts/index.html"):
        html = written(tmp_path, path)
        assert [
            x for x in ("<svg aria-hidden", "nr-online", "nextround.example") if x in html
        ] == []
    assert written(tmp_path, "handouts/index.html").count('<section class="nr-handout') == 3


def test_links_to_other_sites_are_marked_for_print(built):
    home = written(built, "index.html")
    assert '<a class="nr-external" href="https://example.com/a?b=1">Elsewhere</a>' in home
    assert '<a href="next-30-days/">Plan</a>' in home
