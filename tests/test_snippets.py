"""Includes (`--8<--`) are judged before pymdownx.snippets reads them.

No traceback, no file from outside includes/, and a broken auto_append stops
the build with a clear message.

The cases of a page (outside, absolute, URL, typo, block form, section, folder,
nested) are in tests/bad_inputs/snippet-not-there; here are those a corpus
folder cannot hold (a link, a file that is not UTF-8) and the property that
no text makes pymdownx raise once refused includes are escaped.
"""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
import tiny_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.check.snippets import SnippetCheck, without_refused
from nextround.parse.snippets import Snippets, references


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder with includes/, a CONTRIBUTING.md beside it, and a secret outside."""
    (tmp_path / "project" / "includes" / "templates").mkdir(parents=True)
    (tmp_path / "project" / "includes" / "templates" / "reply.md").write_text("Thanks.\n")
    (tmp_path / "project" / "includes" / "license.md").write_text("CC BY 4.0\n")
    (tmp_path / "project" / "CONTRIBUTING.md").write_text("How to help.\n")
    (tmp_path / "project" / "README.md").write_text("Read me.\n")
    (tmp_path / "secret.txt").write_text("password\n")
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def problems(text: str, snippets: Snippets) -> list[str]:
    return [str(finding) for finding in SnippetCheck(snippets).check("docs/x.md", text)]


def test_a_link_in_includes_to_a_file_outside_is_refused(project):
    (project / "includes" / "notes.md").symlink_to(project.parent / "secret.txt")
    (project / "includes" / "elsewhere").symlink_to(project.parent, target_is_directory=True)
    snippets = Snippets(["includes"])
    text = '--8<-- "notes.md"\n\n--8<-- "elsewhere/secret.txt"\n'
    assert problems(text, snippets) == [
        "docs/x.md:1: Snippet 'notes.md' is a link to a file outside includes/. Put the text in "
        "a file under includes/ and include that file by its name there.",
        "docs/x.md:3: Snippet 'elsewhere/secret.txt' is a link to a file outside includes/. Put "
        "the text in a file under includes/ and include that file by its name there.",
    ]
    assert "password" not in without_refused(text, snippets).replace(";--8<--", "")
    assert snippets("notes.md") is None


def test_a_file_base_includes_that_one_file_only(project):
    snippets = Snippets(["includes", "CONTRIBUTING.md"])
    text = '--8<-- "CONTRIBUTING.md"\n--8<-- "README.md"\n'
    assert problems(text, snippets) == [
        "docs/x.md:2: Snippet 'README.md' does not exist in includes/ or CONTRIBUTING.md. "
        "The snippets are 'CONTRIBUTING.md', 'license.md', 'templates/reply.md'."
    ]
    assert snippets("CONTRIBUTING.md") == "How to help.\n"


def test_a_snippet_that_is_not_utf8_is_refused(project):
    (project / "includes" / "latin.md").write_bytes("Zo\xe9\n".encode("latin-1"))
    assert problems('--8<-- "latin.md"\n', Snippets(["includes"])) == [
        "docs/x.md:1: Snippet 'latin.md' is not UTF-8 text. Save the file as UTF-8."
    ]


def test_odd_names_and_files_are_refused_not_raised(project):
    os.mkfifo(project / "includes" / "pipe.md")  # pymdownx would wait on it for ever
    (project / "includes" / "loop.md").symlink_to("loop.md")
    long_name = "x" * 300 + ".md"
    text = f'--8<-- "pipe.md"\n--8<-- "{long_name}"\n--8<-- "a\x00b.md"\n--8<-- "loop.md"\n'
    found = problems(text, Snippets(["includes"]))
    assert [line.split(" Snippet ")[0] for line in found] == [
        f"docs/x.md:{n}:" for n in (1, 2, 3, 4)
    ]
    assert "'pipe.md' is not a regular file. Include a text file." in found[0]
    assert all("does not exist in includes/" in line for line in found[1:])


def test_the_notation_is_read_as_pymdownx_reads_it():
    text = "\n".join(
        [
            '--8<-- "a.md"',  # 1: one line
            "  -8<- 'b.md:3:9'",  # 2: indented, single quotes, a line range
            ';--8<-- "escaped.md"',  # 3: escaped, shown as text
            '--8<-- "trailing.md"  ',  # 4: spaces after the quote: plain text to pymdownx
            "--8<--",  # 5: a block opens
            "c.md:intro",  # 6
            ";commented.md",  # 7
            '--8<-- "ignored-in-a-block.md"',  # 8
            "",  # 9
            "--8<--",  # 10: the block closes
            "```",
            '--8<-- "in-code.md"',  # 12: pymdownx pastes snippets into code too
            "```",
        ]
    )
    assert [(ref.line, ref.name, ref.section) for ref in references(text)] == [
        (1, "a.md", ""),
        (2, "b.md", ""),
        (6, "c.md", "intro"),
        (12, "in-code.md", ""),
    ]


def test_a_broken_auto_append_stops_the_build_with_its_fix(tmp_path):
    folder = tmp_path / "site"
    tiny_site.write_site(folder, {"docs/index.md": tiny_site.page("Home", "# Home\n")})
    (folder / "includes" / "abbreviations.md").unlink()
    result = tiny_site.build(folder)
    assert result.returncode == 1
    assert (
        "the snippets that pymdownx.snippets adds to every page need a fix; nothing was built."
        in result.output
    )
    assert "auto_append: 'abbreviations.md' does not exist in includes/." in result.output
    assert "Traceback" not in result.output
    assert not (folder / "site").exists()


# Lines that meet at the edges of pymdownx's notation.
NAMES = st.sampled_from(
    [
        "license.md",
        "templates/reply.md",
        "templates/reply.md:1:2",
        "license.md:intro",
        "missing.md",
        "templates",
        "../secret.txt",
        "/etc/hostname",
        "https://example.com/a.md",
        "CONTRIBUTING.md",
        "README.md",
        ":3",
        "",
        " license.md ",
    ]
)
LINES = st.one_of(
    NAMES.map(lambda name: f'--8<-- "{name}"'),
    NAMES.map(lambda name: f"-8<- '{name}'"),
    NAMES,
    st.sampled_from(["--8<--", "---8<---", ";--8<--", "text", "", "```", "    --8<--"]),
)


@settings(
    max_examples=200,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(lines=st.lists(LINES, max_size=8))
def test_no_text_makes_pymdownx_raise_once_refused_includes_are_escaped(project, lines):
    (project / "includes" / "templates" / "reply.md").write_text('x\n--8<-- "gone.md"\n')
    bases = ["includes", "CONTRIBUTING.md"]
    text = "\n".join(lines)
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": bases, "check_paths": True}},
    )
    md.convert(without_refused(text, Snippets(bases)))
