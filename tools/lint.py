"""Run the Markdown linter or the spelling check and say each problem in plain words.

Usage: `python tools/lint.py markdown|spelling [FILE ...]`

Without files, checks the whole tree (what `make lint` does); pre-commit
passes the files of the commit. Each problem is one line: the file, the line,
what is wrong and how to fix it. Exit status 1 when there is a problem.

- `markdown`: pymarkdownlnt with `.pymarkdown.yml` (set up for MkDocs and
  Material syntax) over Markdown files.
- `spelling`: codespell with `.codespellrc` and the word list
  `.codespell-words.txt` over every text file, then a US English pass
  (UK spellings such as "organisation") over the Markdown and YAML that
  readers and contributors read.

Per language: the text of a translated edition (`docs/xx/`, `includes/xx/`
for each language of `extra.languages` after the first) gets the Markdown
linter without MD051, because its headings keep the English anchors as
`{#anchor}`, which the linter does not read (the build checks every anchor);
codespell's lists are English, so they read only English text. A translation's
words are checked by its own words-we-use list.
"""

from __future__ import annotations

import argparse
import functools
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the `nextround` package

from nextround.editions import SOURCE, Edition, language_of  # noqa: E402
from nextround.engine.site_config import ConfigError, read_site_config  # noqa: E402

BIN = Path(sys.executable).parent
# Where readers' and contributors' words live: these folders and the top-level files.
TEXT_FOLDERS = ["docs", "includes", ".github"]
SUFFIXES = {".md", ".yml", ".yaml"}
# Outside git (a plain copy), skip what .gitignore would.
SKIP_PARTS = {".git", ".venv", "site", ".cache", ".ruff_cache", ".pytest_cache", "__pycache__"}
WORD_LIST = ".codespell-words.txt"
# The "words we use" table names the UK spellings on purpose, as what not to write.
WORDS_WE_USE = Path("includes/words-we-use.md")

# `docs/x.md:12:3: MD025: Multiple top-level headings ... (single-title,single-h1)`
_PYMARKDOWN = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<rule>MD\d+): (?P<text>.*?)(?: \(.*\))?$"
)
# `docs/x.md:12: found ==> fix` (several fixes: `a ==> b, c`; a reason may follow after `|`)
_CODESPELL = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.*)$")

# How to fix what the Markdown linter finds, for the rules a page meets most.
MARKDOWN_FIXES = {
    "MD001": "go down one heading level at a time (## then ###, never ## then ####).",
    "MD003": "write every heading with # marks at the start of the line.",
    "MD004": "start every bullet of a list with the same mark; use '-'.",
    "MD005": "indent every item of one list by the same number of spaces.",
    "MD007": "indent a nested list by four spaces under its parent item.",
    "MD009": "delete the spaces at the end of the line.",
    "MD010": "replace the tab with spaces.",
    "MD011": "write a link as [text](address), square brackets first.",
    "MD012": "keep one blank line; delete the others.",
    "MD018": "put a space after the # marks of the heading.",
    "MD019": "keep one space after the # marks of the heading.",
    "MD022": "put a blank line above and below the heading.",
    "MD023": "start the heading at the beginning of the line, with no spaces before it.",
    "MD024": "give the two headings different words; the site links to headings by their words.",
    "MD025": "keep one '# Title' heading per page; make the others '##'.",
    "MD026": "delete the punctuation at the end of the heading (a '.' or '?' is fine).",
    "MD027": "keep one space after '>' in a quote.",
    "MD029": "number an ordered list 1. 2. 3. in order.",
    "MD031": "put a blank line before and after the ``` code block.",
    "MD032": "put a blank line before and after the list.",
    "MD033": "write Markdown instead of HTML here; the site's styles and checks expect it.",
    "MD034": "write the web address as a link: [words that say where it goes](https://...).",
    "MD035": "write every horizontal line as ---.",
    "MD037": "delete the spaces just inside the * or _ marks.",
    "MD038": "delete the spaces just inside the `backticks`.",
    "MD039": "delete the spaces just inside the [link text].",
    "MD040": "name the language after the opening ```, like ```text or ```markdown.",
    "MD042": "give the link a real address.",
    "MD045": "describe the image in its [alt text] for readers who cannot see it.",
    "MD047": "end the file with one empty line.",
    "MD049": "use the same mark for emphasis everywhere in the file: *words*.",
    "MD050": "use the same mark for bold everywhere in the file: **words**.",
    "MD059": "make the link text say where it goes (not 'here', 'link' or 'more').",
}


def main(argv: list[str] | None = None) -> int:
    """Run one check and print its problems; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("check", choices=["markdown", "spelling"])
    parser.add_argument("files", nargs="*", help="default: the whole tree")
    args = parser.parse_args(argv)
    files = [Path(f) for f in args.files]
    if args.check == "markdown":
        problems, checked = markdown_problems(files)
        name = "Markdown"
    else:
        problems, checked = spelling_problems(files)
        name = "Spelling"
    for problem in problems:
        print(problem)
    print(f"{name} check: {len(problems)} problem(s) in {checked} file(s).")
    return 1 if problems else 0


def markdown_problems(files: list[Path]) -> tuple[list[str], int]:
    """Plain-words problems of the Markdown linter, and how many files it read."""
    targets = _markdown_files(files)
    source = [name for name in targets if _is_source_text(Path(name))]
    translated = [name for name in targets if name not in source]
    result = ""
    for names, disabled in ((source, []), (translated, ["--disable-rules", "md051"])):
        if names:
            command = [str(BIN / "pymarkdown"), "--config", ".pymarkdown.yml", *disabled]
            result += _run([*command, "scan", *names])
    problems = []
    for line in result.splitlines():
        match = _PYMARKDOWN.match(line)
        if match is None:
            if line.strip():
                problems.append(f"Markdown linter: {line.strip()}")
            continue
        rule = match["rule"]
        fix = MARKDOWN_FIXES.get(
            rule,
            f"see https://pymarkdown.readthedocs.io/en/latest/plugins/rule_{rule.lower()}/",
        )
        text = match["text"].split(" [", 1)[0].rstrip(".")
        problems.append(f"{_shown(match['path'])}:{match['line']}: {text} ({rule}). Fix: {fix}")
    return problems, len(targets)


def spelling_problems(files: list[Path]) -> tuple[list[str], int]:
    """Plain-words problems of the spelling check and the US English pass, on English text."""
    everything = [str(f) for f in files or _tree_files() if _is_source_text(f)]
    found = _run([str(BIN / "codespell"), *everything]) if everything else ""
    problems = [
        _spelling_line(line, us_english=False) for line in found.splitlines() if line.strip()
    ]
    text_files = _text_files(files)
    if text_files:
        us_pass = [str(BIN / "codespell"), "--builtin", "en-GB_to_en-US", *text_files]
        problems += [
            _spelling_line(line, us_english=True)
            for line in _run(us_pass).splitlines()
            if line.strip()
        ]
    return problems, len(everything)


def _spelling_line(line: str, us_english: bool) -> str:
    match = _CODESPELL.match(line)
    if match is None:
        return f"Spelling check: {line.strip()}"
    where = f"{_shown(match['path'])}:{match['line']}"
    word = match["word"]
    fix = match["fix"].split("|")[0].strip().rstrip(",")
    if us_english:
        return f"{where}: '{word}' is UK spelling; the site uses US English. Fix: write '{fix}'."
    return (
        f"{where}: '{word}' looks misspelled. Fix: write '{fix}'. If '{word}' is right, "
        f"add it in lowercase on its own line to {WORD_LIST}."
    )


def _markdown_files(files: list[Path]) -> list[str]:
    return [str(f) for f in files or _tree_files() if f.suffix == ".md" and _readers_text(f)]


def _text_files(files: list[Path]) -> list[str]:
    return [
        str(f)
        for f in files or _tree_files()
        if f.suffix in SUFFIXES and _readers_text(f) and f != WORDS_WE_USE and _is_source_text(f)
    ]


def _is_source_text(path: Path) -> bool:
    """Whether `path` is in the source language (English), not in a translated edition."""
    known = _editions()
    return language_of(PurePosixPath(_shown(str(path))), known) == known[0].code


@functools.cache
def _editions() -> tuple[Edition, ...]:
    """The site's editions, from mkdocs.yml; English alone when it cannot be read."""
    try:
        return read_site_config(ROOT / "mkdocs.yml").editions
    except ConfigError:
        return (SOURCE,)


def _readers_text(path: Path) -> bool:
    """Whether `path` is in the places readers and contributors read (not test fixtures)."""
    if len(path.parts) == 1:
        return True
    return any(Path(place) in path.parents for place in TEXT_FOLDERS)


def _tree_files() -> list[Path]:
    """The repository's files (tracked or new, not ignored), relative to the root."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode == 0:
        names = [Path(name) for name in listed.stdout.split("\0") if name]
        return sorted(name for name in names if (ROOT / name).is_file())
    return sorted(
        path.relative_to(ROOT)
        for path in ROOT.rglob("*")
        if path.is_file() and not SKIP_PARTS & set(path.relative_to(ROOT).parts)
    )


def _run(command: list[str]) -> str:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def _shown(path: str) -> str:
    """A path as the contributor knows it: relative to the repository."""
    candidate = Path(path)
    if candidate.is_absolute() and candidate.is_relative_to(ROOT):
        return candidate.relative_to(ROOT).as_posix()
    return path.removeprefix("./")


if __name__ == "__main__":
    sys.exit(main())
