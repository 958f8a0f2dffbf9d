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

from nextround import messages
from nextround.center import CenterError, contrast, read_center
from nextround.render.center_slots import render_slot

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
    match = re.search(rf'data-center-slot="{name}">(.*?)</div>', html, re.S)
    assert match, f"no slot {name!r}"
    return re.sub(r"<[^>]+>", "", match.group(1))


def read(folder: Path, path: str) -> str:
    return (folder / path).read_text(encoding="utf-8")


def test_the_footer_of_every_page_offers_an_appointment(center_dir):
    missing = [
        page
        for page in [*built_pages(center_dir), "404.html"]
        if "Book a careers appointment" not in slot(read(center_dir, page), "booking")
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
            for match in re.finditer(r'data-center-slot="[a-z]+">(?!</div>)', html)
        ]
    assert found == []
    assert not (site_dir / "assets/center").exists()


# ---- languages: the center's own list, its texts in each ------------------------------

# Riverside's English contact texts, which its Spanish pages must not show.
ENGLISH_ONLY = ["Book a careers appointment", "Monday to Friday", "Night Line", "Counseling"]


def spanish_pages(site: Path) -> list[str]:
    """Every HTML page of the Spanish edition, from the site root (es/...)."""
    return sorted(path.relative_to(site).as_posix() for path in (site / "es").rglob("*.html"))


def test_the_spanish_edition_shows_the_centers_texts_in_spanish(center_dir):
    home = slot(read(center_dir, "es/index.html"), "booking")
    crisis = slot(read(center_dir, "es/guides/process-the-news/index.html"), "crisis")
    contacts = slot(read(center_dir, "es/career-centers/index.html"), "contacts")
    assert "Pide una cita de orientación" in home
    assert "De lunes a viernes, de 9:00 a 17:00" in home
    assert "Línea nocturna de Riverside" in crisis and "+1 555 0199" in crisis
    assert "Para hablarlo con alguien: Atención psicológica de Riverside" in crisis
    assert "Horario de atención" in contacts and "careers@riverside.example" in contacts
    english = [
        f"{page}: {text}"
        for page in spanish_pages(center_dir)
        for text in ENGLISH_ONLY
        if text in read(center_dir, page)
    ]
    assert english == []


def test_the_centers_switcher_links_each_page_to_the_other_language(center_dir):
    english = read(center_dir, "guides/process-the-news/index.html")
    spanish = read(center_dir, "es/guides/process-the-news/index.html")
    assert 'href="../../es/guides/process-the-news/" hreflang="es"' in english
    assert 'href="../../../guides/process-the-news/" hreflang="en"' in spanish


def test_a_center_that_serves_english_only_builds_no_spanish_site_and_no_switcher(tmp_path):
    config = center_copy(tmp_path, "    - code: es\n      name: Español\n", "")
    assert config.with_name("mkdocs.es.yml").is_file(), "the list decides, not the file"
    result = build_site(config, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert not (tmp_path / "site/es").exists()
    pages = [*built_pages(tmp_path / "site"), "404.html"]
    switcher = [page for page in pages if "md-select" in read(tmp_path / "site", page)]
    assert len(pages) > 10 and switcher == []
    assert "hreflang" not in read(tmp_path / "site", "sitemap.xml")
    assert "Book a careers appointment" in slot(read(tmp_path / "site", "index.html"), "booking")


def test_without_a_booking_label_the_link_reads_the_editions_words():
    center = read_center({**REACHABLE, "booking_url": BOOKING}, EXAMPLE_DIR)
    assert "Pide una cita" in render_slot("booking", center, messages.load("es"))
    assert "Book an appointment" in render_slot("contacts", center, messages.load("en"))


def test_a_booking_label_needs_a_booking_link():
    with pytest.raises(CenterError) as error:
        read_center({**REACHABLE, "booking_label": "Book a time"}, EXAMPLE_DIR)
    assert error.value.problems == [
        "extra.center.booking_label: a label with no booking_url to put it on. Add "
        "booking_url, or remove booking_label."
    ]


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
    (
        BOOKING,
        "https://careers.riverside.example@evil.example/book",
        "extra.center.booking_url: 'https://careers.riverside.example@evil.example/book' has a "
        "user name before '@', so it leads to 'evil.example'",
    ),
]


def center_copy(folder: Path, old: str, new: str) -> Path:
    """The example center copied into `folder`: paths to Next Round absolute, one value changed."""
    shutil.copytree(EXAMPLE_CENTER.parent, folder / "center")
    config = folder / "center" / "mkdocs.yml"
    spanish = config.with_name("mkdocs.es.yml")
    spanish.write_text(spanish.read_text(encoding="utf-8").replace("../../", f"{ROOT}/"))
    text = config.read_text(encoding="utf-8").replace("../../", f"{ROOT}/")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    return config


@pytest.mark.parametrize(
    ("old", "new", "message"),
    PLANTED,
    ids=[
        "color-name",
        "color-too-light",
        "missing-logo",
        "http-booking",
        "typo",
        "phone",
        "nav",
        "user-in-booking-url",
    ],
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


# ---- hostile values, as an attacker would write them -----------------------------

EXAMPLE_DIR = EXAMPLE_CENTER.parent
REACHABLE = {"name": NAME, "phone": "+1 555 0100"}
HOSTILE = [
    (
        {"booking_url": "https://careers.riverside.example@evil.example/book"},
        "extra.center.booking_url: 'https://careers.riverside.example@evil.example/book' has a "
        "user name before '@', so it leads to 'evil.example', not to the host it seems to name.",
    ),
    (
        {"booking_url": "https://careers.riverside.example\\@evil.example/"},
        "extra.center.booking_url: 'https://careers.riverside.example\\\\@evil.example/' has a "
        "user name before '@'",
    ),
    (
        {"wellbeing": {"name": "Counseling", "url": "https://help:me@evil.example/"}},
        "extra.center.wellbeing.url: 'https://help:me@evil.example/' has a user name before '@'",
    ),
    (
        {"crisis": [{"name": "Night line", "url": "https://line.example@evil.example/"}]},
        "extra.center.crisis[0].url: 'https://line.example@evil.example/' has a user name",
    ),
    (
        {"booking_url": "https://careers.riverside.example/book\nnow"},
        "extra.center.booking_url: 'https://careers.riverside.example/book\\nnow' holds a line "
        "break or another control character. Write it on one line.",
    ),
    (
        {"phone": "+1 555\n0100", "email": "careers@riverside.example"},
        "extra.center.phone: '+1 555\\n0100' holds a line break",
    ),
    ({"phone": "+1 555 0100%0A"}, "extra.center.phone: '+1 555 0100%0A' is not a phone number."),
    ({"phone": "javascript:alert(1)", "email": "careers@riverside.example"}, "is not a phone"),
    (
        {"email": "careers@riverside.example\nbcc: all@evil.example"},
        "extra.center.email: 'careers@riverside.example\\nbcc: all@evil.example' holds a line "
        "break",
    ),
    (
        {"email": "careers%0Abcc:all@riverside.example"},
        "extra.center.email: 'careers%0Abcc:all@riverside.example' is not an email address.",
    ),
    (
        {"email": "careers@riverside.example?bcc=all@evil.example"},
        "extra.center.email: 'careers@riverside.example?bcc=all@evil.example' is not an email",
    ),
    ({"email": "careers@riverside.example?cc=x"}, "is not an email address"),
    ({"colors": {"primary": "url(https://evil.example/x.png)"}}, "is not a color."),
    ({"colors": {"accent": "#b4461a;}*{display:none"}}, "is not a color."),
    (
        {"logo": "../../tests/bad_inputs/broken-image/docs/img/charts.svg"},
        "extra.center.logo: '../../tests/bad_inputs/broken-image/docs/img/charts.svg' is "
        "outside the center's folder",
    ),
    ({"favicon": str(EXAMPLE_DIR / "brand/favicon.svg")}, "is outside the center's folder"),
    ({"pages": "/etc"}, "extra.center.pages: '/etc' is outside the center's folder"),
    ({"pages": "../.."}, "extra.center.pages: '../..' is outside the center's folder"),
    ({"pages": "."}, "extra.center.pages: '.' is the center's own folder"),
    (
        {"add_to_nav": [{"Read me": "../../README.md"}]},
        "extra.center.add_to_nav: '../../README.md' is outside the docs.",
    ),
    ({"add_to_nav": [{"Sub": "pages/../../x.md"}]}, "'pages/../../x.md' is outside the docs."),
    ({"add_to_nav": [{"Root": "/etc/passwd.md"}]}, "'/etc/passwd.md' is outside the docs."),
    (
        {"add_to_nav": [{"Visit": "javascript:alert(1).md"}]},
        "extra.center.add_to_nav: 'javascript:alert(1).md' is an address, not a page path.",
    ),
    (
        {"add_to_nav": [{"<img src=x onerror=alert(1)>": "visit-us.md"}]},
        "extra.center.add_to_nav: the menu title '<img src=x onerror=alert(1)>' holds markup",
    ),
    ({"hide_from_nav": ["../mkdocs.md"]}, "extra.center.hide_from_nav: expected a list"),
    ({"hide_from_nav": ["*.md"]}, "extra.center.hide_from_nav: expected a list of our pages"),
    ({"add_to_nav": [{"All": "guides/*.md"}]}, "'guides/*.md' is a pattern"),
]


@pytest.mark.parametrize(("values", "message"), HOSTILE, ids=[str(v) for v, _ in HOSTILE])
def test_a_hostile_value_is_refused_with_its_setting_and_fix(values, message):
    with pytest.raises(CenterError) as error:
        read_center({**REACHABLE, **values}, EXAMPLE_DIR)
    assert any(message in problem for problem in error.value.problems), error.value.problems


def test_links_out_of_the_centers_folder_are_refused(tmp_path):
    folder = tmp_path / "center"
    (folder / "pages").mkdir(parents=True)
    (folder / "pages" / "visit-us.md").write_text("# Visit us\n")
    (folder / "pages" / "secret.md").symlink_to(ROOT / "mkdocs.yml")
    (folder / "pages" / "more").symlink_to(ROOT / "docs", target_is_directory=True)
    (folder / "logo.svg").symlink_to(ROOT / "examples/riverside/brand/logo.svg")
    with pytest.raises(CenterError) as error:
        read_center({**REACHABLE, "pages": "pages", "logo": "logo.svg"}, folder)
    assert [problem.split(" is ")[0] for problem in error.value.problems] == [
        "extra.center.logo: 'logo.svg'",
        "extra.center.pages: 'more' in 'pages'",
        "extra.center.pages: 'secret.md' in 'pages'",
    ]


def test_a_looping_link_is_a_message_not_a_traceback(tmp_path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "self").symlink_to("self")
    (tmp_path / "logo.svg").symlink_to("logo.svg")
    with pytest.raises(CenterError) as error:
        read_center({**REACHABLE, "pages": "pages", "logo": "logo.svg"}, tmp_path)
    assert [problem.split(" (")[0] for problem in error.value.problems] == [
        "extra.center.logo: 'logo.svg' does not exist"
    ]


def test_markup_in_contacts_shows_as_text():
    center = read_center(
        {
            **REACHABLE,
            "hours": "<b onclick=alert(1)>Mon</b> & Tue",
            "wellbeing": {"name": "<img src=x onerror=alert(2)>", "phone": "+1 555 0123"},
            "crisis": [{"name": "<script>alert(3)</script>", "phone": "911", "hours": '"><i>'}],
        },
        EXAMPLE_DIR,
    )
    english = messages.load("en")
    html = "".join(render_slot(n, center, english) for n in ("booking", "crisis", "contacts"))
    assert "&lt;b onclick=alert(1)&gt;Mon&lt;/b&gt; &amp; Tue" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;i&gt;" in html
    assert not re.search(r"<(?:b|img|script|i)[ >]", html)
