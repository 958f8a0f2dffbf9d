"""Pages are written without the templates' indentation, and show exactly the same."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from nextround.render.compact_html import CompactLoader, compact_template

PAGE = """<body>
    <div class="md-content">

        <p>Two
           lines</p>
        <pre><code>def reply():
    return "thanks"
</code></pre>
        <p>Type <code>a
    b</code> and <kbd>Ctrl
  C</kbd></p>
        <textarea>
  kept</textarea>
        <script>const text = `a
    b`;</script>
    </div>
</body>"""

TEMPLATE = """<ul>
  {% for name in names %}
    {# One item a name. #}
    <li>{{ name }}</li>
  {% endfor %}
  {% set last = names[-1] %}
  {% if last %}
    <li>Last: <b>{{ last }}</b>
      {% include "icon.html" %}
    </li>
  {% endif %}
</ul>
<pre>
  {% if names %}
  indented
  {% endif %}
</pre>
"""


def test_indentation_goes_and_what_shows_white_space_keeps_it():
    written = compact_template(PAGE)
    assert written.startswith('<body>\n<div class="md-content">\n<p>Two\nlines</p>\n<pre>')
    for kept in (
        '<pre><code>def reply():\n    return "thanks"\n</code></pre>',
        "<code>a\n    b</code>",
        "<kbd>Ctrl\n  C</kbd>",
        "<textarea>\n  kept</textarea>",
        "<script>const text = `a\n    b`;</script>",
    ):
        assert kept in written
    assert written.endswith("</script>\n</div>\n</body>")


def test_templates_load_compacted_and_lines_of_silent_tags_leave_no_empty_line():
    loaders = {"page.html": TEMPLATE, "icon.html": "<svg>\n  <path/>\n</svg>\n"}
    plain = Environment(loader=DictLoader(loaders))
    compacted = Environment(loader=CompactLoader(DictLoader(loaders)))
    written = compacted.get_template("page.html").render(names=["Ana", "Sam"])
    assert written == (
        "<ul>\n<li>Ana</li>\n<li>Sam</li>\n"
        "<li>Last: <b>Sam</b>\n<svg>\n<path/>\n</svg>\n</li>\n</ul>\n"
        "<pre>\n  \n  indented\n  \n</pre>"
    )
    assert written.split() == plain.get_template("page.html").render(names=["Ana", "Sam"]).split()


def test_the_real_guide_is_written_without_indentation(site_dir):
    written = (site_dir / "guides" / "process-the-news" / "index.html").read_text()
    assert "\n " not in written.split("<article", 1)[0], "no indented line before the content"
