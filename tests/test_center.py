"""A career center's branding and contacts from its own mkdocs.yml (examples/riverside).

The example builds, and its name, colors, logo, favicon and contacts show
where they help; the default build holds none of them; each planted bad value
stops the build with a message naming the setting and the fix, and no site.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE_CENTER, ROOT, build_site, built_pages, serve_folder

from nextround.center import CenterError, contrast, read_center

NAME = "Riverside Careers Service"
BOOKING = "https://careers.riverside.example/book"
# Every value of the example that must never reach the default build.
CENTER_VALUES = [
    NAME,
    "riverside.example",
    "555 0100",
    "Riverside Night Line",
    "Student Counseling",
    "center.css",
    "nr-center-footer",
]


def slot(html: str, name: str) -> str:
    """The text inside the slot `name` of a page, tags removed."""
    match = re.search(rf'data-centre-slot="{name}">(.*?)</div>', html, re.S)
    assert match, f"no slot {name!r}"
    return re.sub(r"<[^>]+>", "", match.group(1))


def read(folder: Path, path: str) -> str:
    return (folder / path).read_text(encoding="utf-8")


def test_the_footer_of_every_page_offers_an_appointment(center_dir):
    missing = [
        page
        for page in [*built_pages(center_dir), "404.html"]
        if "Book an appointment" not in slot(read(center_dir, page), "booking")
        or f'href="{BOOKING}"' not in read(center_dir, page)
    ]
    assert missing == []


def test_contacts_appear_where_they_help(center_dir):
    crisis = slot(read(center_dir, "guides/process-the-news/index.html"), "crisis")
    adviser = slot(read(center_dir, "guides/ask-for-feedback/index.html"), "adviser")
    contacts = slot(read(center_dir, "career-centers/index.html"), "contacts")
    own_page = slot(read(center_dir, "visit-us/index.html"), "contacts")
    assert "Riverside Night Line" in crisis and "+1 555 0199" in crisis
    assert "Riverside Student Counseling" in crisis
    assert f"An adviser at {NAME} can read your email" in adviser
    for text in (contacts, own_page):
        for value in ("careers@riverside.example", "+1 555 0100", "Monday to Friday"):
            assert value in text


def test_name_logo_favicon_and_nav_come_from_the_center(center_dir):
    home = read(center_dir, "index.html")
    assert " - Next Round at Riverside</title>" in home
    assert '<link rel="icon" href="assets/center/favicon.svg">' in home
    assert re.search(
        r'class="md-header__button md-logo"[^>]*>\s*<img src="assets/center/logo.svg"', home
    )
    assert (center_dir / "assets/center/logo.svg").read_bytes() == (
        ROOT / "examples/riverside/brand/logo.svg"
    ).read_bytes()
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', home)
    assert "visit-us/" in nav and "faq/" not in nav
    assert (center_dir / "faq/index.html").exists(), "a hidden page is still built"
    own = read(center_dir, "visit-us/index.html")
    assert "md-content__button" not in own, "no edit link into our repository for their page"
    assert "md-content__button" in read(center_dir, "faq/index.html")


def test_center_colors_reach_the_page_in_light_and_dark(center_dir, browser):
    httpd, served = serve_folder(center_dir)
    colors = {}
    try:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            page.goto(served.url + "guides/", wait_until="networkidle")
            colors[scheme] = page.evaluate(
                "[getComputedStyle(document.querySelector('.md-header')).backgroundColor,"
                " getComputedStyle(document.querySelector('.md-content p a')).color]"
            )
            context.close()
    finally:
        httpd.shutdown()
    header, link = colors["light"]
    assert header == "rgb(11, 93, 87)" and link == "rgb(11, 93, 87)"
    dark_header, dark_link = colors["dark"]
    assert dark_header == "rgb(11, 93, 87)"
    channels = [int(c) for c in re.findall(r"\d+", dark_link)[:3]]
    assert contrast("#" + "".join(f"{c:02x}" for c in channels), "#1e2129") >= 4.5


def test_the_default_build_holds_nothing_of_a_center(site_dir):
    found = []
    for page in [*built_pages(site_dir), "404.html"]:
        html = read(site_dir, page)
        found += [f"{page}: {value}" for value in CENTER_VALUES if value in html]
        found += [
            f"{page}: filled slot"
            for match in re.finditer(r'data-centre-slot="[a-z]+">(?!</div>)', html)
        ]
    assert found == []
    assert not (site_dir / "assets/center").exists()


# ---- bad values --------------------------------------------------------------------

PLANTED = [
    (
        '"#0b5d57"',
        '"teal"',
        "extra.center.colors.primary: 'teal' is not a color. Write a hex code in quotes",
    ),
    (
        '"#0b5d57"',
        '"#9fe3dc"',
        "extra.center.colors.primary: #9fe3dc is too light: 1.4:1 against white",
    ),
    (
        "brand/logo.svg",
        "brand/logo-new.svg",
        "extra.center.logo: 'brand/logo-new.svg' does not exist",
    ),
    (
        BOOKING,
        "http://careers.riverside.example/book",
        "extra.center.booking_url: 'http://careers.riverside.example/book' is not an "
        "https:// address. Use the full https:// link",
    ),
    (
        "    email: careers@riverside.example",
        "    e-mail: careers@riverside.example",
        "extra.center.e-mail: not a setting Next Round knows. Did you mean `email`?",
    ),
    (
        '    phone: "+1 555 0100"',
        "    phone: call us",
        "extra.center.phone: 'call us' is not a phone number.",
    ),
    (
        "      - faq.md",
        "      - faq",
        "extra.center.hide_from_nav: expected a list of our pages such as `- faq.md`, found 'faq'.",
    ),
]


def center_copy(folder: Path, old: str, new: str) -> Path:
    """The example center copied into `folder`: paths to Next Round absolute, one value changed."""
    shutil.copytree(EXAMPLE_CENTER.parent, folder / "center")
    config = folder / "center" / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../", f"{ROOT}/")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("old", "new", "message"),
    PLANTED,
    ids=["color-name", "color-too-light", "missing-logo", "http-booking", "typo", "phone", "nav"],
)
def test_a_bad_value_stops_the_build_with_its_fix(tmp_path, old, new, message):
    result = build_site(center_copy(tmp_path, old, new), tmp_path / "site")
    assert result.returncode == 1
    assert message in result.output
    assert "nothing was built" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "site").exists()


def test_the_example_copied_elsewhere_builds(tmp_path):
    result = build_site(center_copy(tmp_path, NAME, NAME), tmp_path / "site")
    assert result.returncode == 0, result.output


def test_every_problem_is_listed_at_once():
    raw = {"name": "", "colors": {"primary": "red"}, "booking_url": "ftp://x", "crisis": "911"}
    with pytest.raises(CenterError) as error:
        read_center(raw, ROOT)
    assert [line.split(":")[0] for line in error.value.problems] == [
        "extra.center.name",
        "extra.center.booking_url",
        "extra.center.colors.primary",
        "extra.center.crisis",
        "extra.center",
    ]


def test_no_center_is_no_center():
    assert read_center(None, ROOT) is None
