"""Pages are written without the templates' indentation, and show exactly the same."""

from __future__ import annotations

from nextround.render.compact_html import compact

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


def test_indentation_goes_and_what_shows_white_space_keeps_it():
    written = compact(PAGE)
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


def test_the_real_guide_is_written_without_indentation(site_dir):
    written = (site_dir / "guides" / "process-the-news" / "index.html").read_text()
    assert "\n " not in written.split("<article", 1)[0], "no indented line before the content"
