"""The placeholders of message templates: the check, and the marks the build adds for the form."""

from __future__ import annotations

import re
from pathlib import Path

from nextround import messages
from nextround.check.placeholders import TemplateCheck, check_template, placeholders
from nextround.check.raw_html import check_markup
from nextround.parse.html import BUILT_ATTRIBUTE, read_page
from nextround.placeholders import FORM_FIELDS, name
from nextround.render.details import add_details, has_form

ENGLISH = messages.load("en")

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = """\
Send this:

```text title="A reply"
Dear [Their name],

Thanks, [their  name]. See [Interveiw date] and [Pet name].
```

Not a placeholder: [a link](page.md) and - [ ] a box.
"""


def test_only_brackets_inside_code_blocks_are_placeholders():
    assert placeholders(TEMPLATE) == [
        (4, "Their name"),
        (6, "their  name"),
        (6, "Interveiw date"),
        (6, "Pet name"),
    ]


def test_unknown_and_misspelt_placeholders_name_file_line_and_fix():
    found = [
        str(f)
        for f in check_template("includes/templates/reply.md", TEMPLATE, ENGLISH, "docs/a.md:3")
    ]
    fix = (
        "Use a placeholder listed in includes/messages/en.yml (placeholder.*), spelled exactly, "
        "or add a new one (CONTRIBUTING.md, Templates)."
    )
    where = "in a message template (the template is included at docs/a.md:3)."
    assert found == [
        f"includes/templates/reply.md:6: Unknown placeholder '[their  name]' {where} "
        f"Did you mean '[Their name]'? {fix}",
        f"includes/templates/reply.md:6: Unknown placeholder '[Interveiw date]' {where} "
        f"Did you mean '[Interview date]'? {fix}",
        f"includes/templates/reply.md:6: Unknown placeholder '[Pet name]' {where} {fix}",
    ]


def test_a_template_is_checked_once_however_many_pages_include_it(tmp_path):
    template = tmp_path / "templates" / "reply.md"
    template.parent.mkdir()
    template.write_text(TEMPLATE)
    check = TemplateCheck(ENGLISH)
    page = 'Intro\n\n--8<-- "templates/reply.md"\n'
    read = {"templates/reply.md": TEMPLATE}.get
    first = check.check("docs/a.md", page, read, lambda name: tmp_path / name)
    again = check.check("docs/b.md", page, read, lambda name: tmp_path / name)
    assert [(f.line, "docs/a.md:3" in f.message) for f in first] == [(6, True)] * 3
    assert again == []


def test_every_template_of_the_site_uses_known_placeholders():
    found = []
    for path in sorted((ROOT / "includes" / "templates").glob("*.md")):
        found += check_template(path.name, path.read_text(encoding="utf-8"), ENGLISH)
    assert found == []


def test_the_build_marks_placeholders_in_code_and_writes_the_form_into_its_holder():
    html = (
        '<div data-nr-details="x" id="your-details"><p>Intro</p><div>x</div></div>'
        "<p>[Their name]</p>"
        '<div class="highlight"><pre><span></span><code>Dear [Their name], [Field] '
        "[Contact&#39;s name] [x]</code></pre></div>"
    )
    assert has_form(html)
    marked = add_details(html, "#your-details", ENGLISH)
    assert "<p>[Their name]</p>" in marked
    assert '<span class="nr-ph" data-nr-ph="them">[Their name]</span>' in marked
    assert '<span class="nr-ph">[Field]</span> <span class="nr-ph">[Contact&#39;s name]</span>' in (
        marked
    )
    assert "[x]</code></pre>" in marked
    assert marked.count('<a href="#your-details">Fill in your details</a>') == 1
    holder = marked.split('id="your-details">', 1)[1].split("</div></div><p>", 1)[0]
    assert holder.startswith("<p>Intro</p><div>x</div>"), "the form follows the holder's text"
    labels = re.findall(r'<label for="nr-detail-(\w+)">([^<]+)</label>', holder)
    assert labels == [(p.field, name(p, ENGLISH)) for p in FORM_FIELDS]
    assert [label for _field, label in labels][:2] == ["Your name", "Their name"]
    waiting = holder.count(" disabled>")
    assert waiting == len(FORM_FIELDS) + 1, "the fields and Clear wait for the script"
    assert ">Clear my details</button>" in holder
    assert not has_form(marked.replace("data-nr-details", "data-other"))


def test_the_check_of_a_written_page_skips_the_form_the_build_wrote_but_not_the_page_s_own():
    page = '<div data-nr-details id="your-details"><p>Intro</p></div><button>Mine</button>'
    written = read_page(add_details(page, "#your-details", ENGLISH)).markup
    assert ("input", "") not in written and ("p", "") in written
    assert {problem.message.split(" is ")[0] for problem in check_markup(written)} == {"<button>"}
    refused = check_markup({("div", ""), ("div", BUILT_ATTRIBUTE)})
    assert [problem.message for problem in refused] == [
        f"The attribute '{BUILT_ATTRIBUTE}' on <div> is not allowed: it marks markup that the "
        "build writes, which the checks skip. Remove it."
    ]
