"""On a phone (390 x 844): each guide's first steps fit the first screen, no title band.

No page's title leaves an empty band under it.
"""

from __future__ import annotations

import pytest
from conftest import built_pages

PHONE = {"width": 390, "height": 844}
# Process the news opens with where to find help now, before its first steps.
GUIDES = [
    "guides/ask-for-feedback/",
    "guides/evaluate-and-reflect/",
    "guides/keep-a-positive-mindset/",
    "guides/keep-networking/",
]
# The height of a title's box beyond the lines its words take up (a line is about 40 px).
TITLE_SPACE = """() => {
  const title = document.querySelector("article h1");
  const words = document.createRange();
  words.selectNodeContents(title.firstChild);
  return title.getBoundingClientRect().height - words.getBoundingClientRect().height;
}"""
# The bottom of the list under "Do this now".
DO_THIS_NOW_BOTTOM = """() => {
  const heading = document.getElementById("do-this-now");
  return heading.nextElementSibling.getBoundingClientRect().bottom;
}"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("guide", GUIDES)
def test_a_guides_first_steps_fit_the_first_screen_of_a_phone(phone, server, guide):
    phone.goto(server.url + guide, wait_until="networkidle")
    assert phone.evaluate(DO_THIS_NOW_BOTTOM) <= PHONE["height"]


def test_no_title_leaves_an_empty_band_under_it(phone, server, site_dir):
    bands = {}
    for page in built_pages(site_dir):
        phone.goto(server.url + page.removesuffix("index.html"), wait_until="domcontentloaded")
        space = phone.evaluate(TITLE_SPACE)
        if space > 20:
            bands[page] = round(space)
    assert bands == {}
