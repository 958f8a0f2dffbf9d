"""Build-time benchmark of the link and content checks: `make bench`.

Generates a synthetic site into `bench-out/` (pages of about 30 links each, a
third with `#fragments`, plus raw HTML links, images, downloads, external links
and 100 checklists; every link valid), then builds it with the real site's
theme, Markdown extensions and validation, timing each build (one
`python -m mkdocs build` each) by the wall clock and by the CPU time of the
build process (user + system), which a busy machine disturbs less:

- without our hooks (only the two functions our templates call,
  `templates_only.py`), with our hooks (every entry of `hooks:` in mkdocs.yml),
  with only the rendering hook (checklists, reading time; no checks), and with
  mkdocs-htmlproofer-plugin 1.6.0 checking the same site offline, at 1,000
  pages;
- without and with our hooks at 500, 1,000 and 2,000 pages, to show how the
  cost grows.

Builds run in pairs, a plain build and one other variant at the same time,
one on each core, `--repeat` times (3): a slow moment of a shared machine then
slows both builds of a pair alike, and a variant's cost is the median of its
pairs' ratios to their plain build. (Taking turns instead, the plain build alone
moved by 10 to 35% from one run to the next on a 2-core virtual machine, more
than the target.)

Then one build with our hooks at 1,000 pages runs under py-spy, and the share
of its samples that ran our code (`hooks/`, `nextround/`) is printed: a figure
from one process, which a shared machine moves far less than the pairs, but
which leaves out the work our code causes elsewhere (the engine writing and
indexing what we add, the garbage collector). `--no-sample` skips it.

Targets, judged on CPU time: our hooks add at most 5% to the plain build at
1,000 pages, and from 1,000 to 2,000 pages their build grows no more than the
plain one (their ratio to the plain build at 2,000 pages is no higher than at
1,000). This is a benchmark, not a test: it prints figures and never fails on
them. The file name keeps pytest from collecting it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench-out"
SIZES = (500, 1000, 2000)
REFERENCE = 1000
PAGES_PER_SECTION = 100
LINKS_PER_PAGE = 30
HEADINGS_PER_PAGE = 8
CHECKLISTS = 100
PLUGIN_VARIANTS = ("plain", "hooks", "render", "htmlproofer")
OVERHEAD_TARGET = 0.05
SAMPLE_RATE = 200  # py-spy samples a second
# The "render" variant: our rendering hook alone, so "hooks" minus "render" is what checking costs.
RENDER_HOOKS = ("render.py",)
# The other variants: only the functions our templates call (`nr_assets`, `nr_inline_script`).
TEMPLATES_ONLY = Path(__file__).resolve().parent / "templates_only.py"
# Blocks of the real mkdocs.yml the bench writes itself (`watch:` names real folders).
SKIPPED_BLOCKS = ("nav", "hooks", "plugins", "watch")
# A top-level key of mkdocs.yml starts a block (`hooks:`, `nav:`, `plugins:`).
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_]+):")

WORDS = [
    *("feedback", "interview", "offer", "role", "team", "manager", "network", "plan"),
    *("skill", "goal", "week", "review", "application", "employer", "reply", "thank"),
    *("note", "practice", "story", "example", "result", "search"),
]


@dataclass(frozen=True)
class Timing:
    """One build: the site size, the variant, its pair, wall and CPU seconds, whether it passed."""

    pages: int
    variant: str
    pair: int
    seconds: float
    cpu: float
    ok: bool
    output: str


def main(argv: list[str] | None = None) -> int:
    """Generate the sites, time the builds, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--reference", type=int, default=REFERENCE)
    parser.add_argument("--no-htmlproofer", action="store_true")
    parser.add_argument("--no-sample", action="store_true", help="skip the py-spy sampling")
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds per size and variant; the median counts"
    )
    args = parser.parse_args(argv)
    compile_our_code()
    timings: list[Timing] = []
    for pages in args.sizes:
        folder = OUT / f"site-{pages}"
        generate_site(folder, pages)
        variants = ["hooks"]  # Each built beside a plain build.
        if pages == args.reference:
            variants.append("render")
            if not args.no_htmlproofer:
                variants.append("htmlproofer")
        # htmlproofer, many times slower, is built once.
        for round_number in range(args.repeat):
            for variant in variants:
                if variant == "htmlproofer" and round_number:
                    continue
                pair = time_pair(folder, pages, variant, len(timings))
                timings += pair
                for timing in pair:
                    state = "ok" if timing.ok else "FAILED"
                    print(
                        f"  built {pages:>5} pages, {timing.variant:<11} {timing.seconds:7.1f} s, "
                        f"CPU {timing.cpu:6.1f} s  {state}"
                    )
                    if not timing.ok:
                        print(timing.output[-3000:])
                        return 1
    print()
    print(format_figures(timings, args.reference))
    if not args.no_sample and args.reference in args.sizes:
        print()
        print(format_share(sample_share(OUT / f"site-{args.reference}"), args.reference))
    return 0


@dataclass(frozen=True)
class Share:
    """py-spy's samples of one build with our hooks: all of them, and those inside our code."""

    samples: int
    ours: int


def sample_share(folder: Path) -> Share:
    """Build `folder` with our hooks under py-spy; count the samples inside our code.

    A sample is ours when a frame of its stack runs a file of `hooks/` or
    `nextround/`. Both counts come from the same build on the same machine, so
    a slow moment of a shared machine moves them alike.
    """
    config = folder / "mkdocs-hooks.yml"
    with tempfile.TemporaryDirectory() as scratch:
        raw = Path(scratch) / "samples.txt"
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
        command = [
            *(str(Path(sys.executable).parent / "py-spy"), "record", "--format", "raw"),
            *("--rate", str(SAMPLE_RATE), "--full-filenames"),
            *("--output", str(raw), "--", *build, "-d", str(Path(scratch) / "site")),
        ]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
        lines = raw.read_text(encoding="utf-8").splitlines()
    our_folders = tuple(str(ROOT / name) + os.sep for name in ("hooks", "nextround"))
    samples = mine = 0
    for line in lines:
        stack, _, count = line.rpartition(" ")
        samples += (count := int(count))
        if any(our_folder in stack for our_folder in our_folders):
            mine += count
    if samples and not mine:  # a build with our hooks always runs them: the paths did not match
        raise SystemExit(
            f"py-spy named no file under {our_folders[0]} or {our_folders[1]} in "
            f"{samples:,} samples (it names each by the path Python loaded it from), so our "
            "share cannot be counted. Skip the sample with --no-sample."
        )
    return Share(samples, mine)


def format_share(share: Share, pages: int) -> str:
    """The sampled share of our code, and what it adds to the rest of the build."""
    part = share.ours / share.samples
    added = part / (1 - part)
    return (
        f"Sampled with py-spy, one build of {pages:,} pages with our hooks: {share.ours:,} of "
        f"{share.samples:,} samples ({part:.1%}) ran our code, which so adds {added:+.1%}"
        "\nto the rest of the build (not counted: the engine's and the garbage collector's work"
        "\non what our code adds)."
    )


def compile_our_code() -> None:
    """Write the bytecode of our hooks and package, as any build after the first finds it.

    Where PYTHONDONTWRITEBYTECODE is set, every build would compile our code
    again, while the engine's and the theme's come compiled with their install.
    """
    for folder in ("hooks", "nextround", "tests/bench"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def generate_site(folder: Path, pages: int) -> None:
    """Write a valid synthetic site of `pages` pages (plus a home page) into `folder`."""
    if folder.exists():
        shutil.rmtree(folder)
    docs = folder / "docs"
    rng = random.Random(pages)
    names = [_page_name(index) for index in range(pages)]
    sections = sorted({name.split("/")[0] for name in names})
    checklist_pages = set(rng.sample(range(pages), min(CHECKLISTS, pages)))
    for index, name in enumerate(names):
        text = _page(index, name, names, rng, index in checklist_pages)
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for section in sections:
        (docs / section / "index.md").write_text(
            _front("Section " + section, "One section of the benchmark site.")
            + f"# Section {section}\n\nSee [the first page](p0000.md).\n",
            encoding="utf-8",
        )
    (docs / "index.md").write_text(
        _front("Benchmark", "A synthetic site for timing the checks.")
        + "# Benchmark\n\n"
        + "".join(f"- [Section {s}]({s}/index.md)\n" for s in sections),
        encoding="utf-8",
    )
    (docs / "img").mkdir(parents=True)
    (docs / "files").mkdir()
    for number in range(5):
        (docs / "img" / f"chart-{number}.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n', encoding="utf-8"
        )
    (docs / "files" / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    for asset in ("stylesheets", "javascripts"):
        if (ROOT / "docs" / asset).is_dir():
            shutil.copytree(ROOT / "docs" / asset, docs / asset)
    for variant in PLUGIN_VARIANTS:
        (folder / f"mkdocs-{variant}.yml").write_text(
            bench_config(variant, sections), encoding="utf-8"
        )


def bench_config(variant: str, sections: list[str]) -> str:
    """The real mkdocs.yml, adapted: absolute paths, a short nav, and per-variant hooks/plugins.

    The nav lists the home page and the section pages; the other pages are
    `not_in_nav`, so every page's sidebar stays the same size and the build
    itself grows linearly.
    """
    lines = []
    block = ""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        key = _TOP_LEVEL_KEY.match(line)
        if key:
            block = key.group(1)
            if block in SKIPPED_BLOCKS:
                continue
        if block in SKIPPED_BLOCKS:
            continue
        line = line.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
        line = line.replace("base_path: [includes]", f"base_path: [{ROOT / 'includes'}]")
        lines.append(line)
    lines += ["plugins:", "  - search"]
    if variant == "htmlproofer":
        lines += [
            "  - htmlproofer:",
            "      validate_external_urls: false",
            "      raise_error_after_finish: true",
        ]
    if variant in ("hooks", "render"):
        hooks = [ROOT / hook for hook in _real_hooks()]
        if variant == "render":
            hooks = [hook for hook in hooks if hook.name in RENDER_HOOKS]
    else:
        hooks = [TEMPLATES_ONLY]  # What our templates call, none of our hooks' work.
    lines.append("hooks:")
    lines += [f"  - {hook}" for hook in hooks]
    lines += ["not_in_nav: |", "  /s*/p*.md", "nav:", "  - Home: index.md"]
    lines += [f"  - Section {s}: {s}/index.md" for s in sections]
    return "\n".join(lines) + "\n"


def time_pair(folder: Path, pages: int, variant: str, pair: int) -> tuple[Timing, Timing]:
    """Build the site in `folder` plain and as `variant` at the same time; time both."""
    with tempfile.TemporaryFile("w+") as plain_log, tempfile.TemporaryFile("w+") as other_log:
        builds = [_Build(folder, "plain", plain_log), _Build(folder, variant, other_log)]
        while not all(build.done for build in builds):
            for build in builds:
                build.poll()
            time.sleep(0.02)
        return tuple(build.timing(pages, pair) for build in builds)


class _Build:
    """One `mkdocs build` of `folder` with the `variant` config, running in the background."""

    def __init__(self, folder: Path, variant: str, log) -> None:
        self.variant = variant
        self.site = folder / f"site-{variant}"
        self.log = log
        config = folder / f"mkdocs-{variant}.yml"
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.start = time.perf_counter()
        self.process = subprocess.Popen(
            [*command, "-d", str(self.site)], cwd=ROOT, stdout=self.log, stderr=self.log, env=env
        )
        self.done = False

    def poll(self) -> None:
        """Note the end of the build, with its own CPU time, if it has ended."""
        if self.done:
            return
        pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
        if pid == 0:
            return
        self.seconds = time.perf_counter() - self.start
        self.cpu = usage.ru_utime + usage.ru_stime
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self.done = True

    def timing(self, pages: int, pair: int) -> Timing:
        """The finished build's figures; its site is removed."""
        shutil.rmtree(self.site, ignore_errors=True)
        self.log.seek(0)
        output = self.log.read()
        ok = self.process.returncode == 0
        return Timing(pages, self.variant, pair, self.seconds, self.cpu, ok, output)


def format_figures(timings: list[Timing], reference: int) -> str:
    """The side-by-side table and the growth table, wall and CPU, with the two targets."""
    wall, cpu = _medians(timings, "seconds"), _medians(timings, "cpu")
    added = {"wall": _paired_costs(timings, "seconds"), "CPU": _paired_costs(timings, "cpu")}
    pairs = max((len(found) for found in _pairs(timings, "cpu").values()), default=1)
    lines = [
        f"Synthetic site: about {LINKS_PER_PAGE} links a page (a third with #fragments), "
        f"{CHECKLISTS} checklists; {os.cpu_count()} CPU cores.",
        f"Seconds of `mkdocs build`, median of {pairs} (htmlproofer: 1 build), by the wall",
        "clock and in CPU time (user + system); each variant built beside a plain build,",
        "and what it adds is the median of its ratios to the plain build beside it",
        "(so a row's seconds and its percentage come from different medians).",
        "",
    ]
    if (reference, "plain") in wall:
        title = f"Build of {reference:,} pages"
        lines.append(f"{title:<36}{'wall':>8}{'CPU':>18}")
        for variant, label in (
            ("plain", "without our hooks"),
            ("hooks", "with our hooks"),
            ("render", "with the rendering hook only"),
            ("htmlproofer", "with htmlproofer 1.6.0 (offline)"),
        ):
            if (reference, variant) in wall:
                cells = "".join(
                    _cell(figures[(reference, variant)], added[name].get((reference, variant)))
                    for name, figures in (("wall", wall), ("CPU", cpu))
                )
                lines.append(f"  {label:<34}{cells}".rstrip())
        lines.append("")
    sizes = sorted({t.pages for t in timings})
    header = "".join(f"{size:>10,}" for size in sizes)
    lines.append(f"Growth {'':<27}{header}  pages")
    for name, figures in (("wall", wall), ("CPU", cpu)):
        for variant, label in (("plain", "without our hooks"), ("hooks", "with our hooks")):
            cells = "".join(
                f"{figures[(size, variant)]:>8.1f} s"
                if (size, variant) in figures
                else f"{'-':>10}"
                for size in sizes
            )
            lines.append(f"  {label + ', ' + name:<32}{cells}")
        overheads = "".join(
            f"{added[name][(size, 'hooks')]:>+10.1%}"
            if (size, "hooks") in added[name]
            else f"{'-':>10}"
            for size in sizes
        )
        lines.append(f"  {'hooks add, ' + name:<32}{overheads}")
    lines.append("")
    cost = added["CPU"]
    if (reference, "hooks") in cost:
        overhead = cost[(reference, "hooks")]
        lines.append(
            f"Target: hooks add at most {OVERHEAD_TARGET:.0%} CPU at {reference:,} pages -> "
            f"{overhead:+.1%} ({'met' if overhead <= OVERHEAD_TARGET else 'MISSED'})"
        )
    if (reference, "hooks") in cost and (2 * reference, "hooks") in cost:
        at_reference, at_double = cost[(reference, "hooks")], cost[(2 * reference, "hooks")]
        lines.append(
            f"Target: {reference:,} to {2 * reference:,} pages grows no more with hooks (CPU) -> "
            f"they add {at_double:+.1%} at {2 * reference:,} against {at_reference:+.1%} "
            f"({'met' if at_double <= at_reference else 'MISSED'})"
        )
    return "\n".join(lines)


def _medians(timings: list[Timing], measure: str) -> dict[tuple[int, str], float]:
    """The median of `measure` ('seconds' or 'cpu') for each size and variant."""
    values: dict[tuple[int, str], list[float]] = {}
    for t in timings:
        values.setdefault((t.pages, t.variant), []).append(getattr(t, measure))
    return {key: statistics.median(found) for key, found in values.items()}


def _pairs(timings: list[Timing], measure: str) -> dict[tuple[int, str], list[float]]:
    """For each size and variant but plain, its `measure` over the plain build's, pair by pair."""
    plain = {t.pair: getattr(t, measure) for t in timings if t.variant == "plain"}
    ratios: dict[tuple[int, str], list[float]] = {}
    for t in timings:
        if t.variant != "plain":
            ratios.setdefault((t.pages, t.variant), []).append(getattr(t, measure) / plain[t.pair])
    return ratios


def _paired_costs(timings: list[Timing], measure: str) -> dict[tuple[int, str], float]:
    """What each variant adds to the plain build beside it (0.05 is 5%), median over pairs."""
    return {key: statistics.median(found) - 1 for key, found in _pairs(timings, measure).items()}


def _cell(seconds: float, added: float | None) -> str:
    """`12.3 s` and, beside all but the plain build, what the variant adds to it."""
    extra = "" if added is None else f"{added:+.1%}"
    return f"{seconds:8.1f} s {extra:>7}"


def _real_hooks() -> list[str]:
    """The `hooks:` entries of the real mkdocs.yml, in order."""
    hooks = []
    inside = False
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        key = _TOP_LEVEL_KEY.match(line)
        if key:
            inside = key.group(1) == "hooks"
            continue
        entry = line.strip()
        if inside and entry.startswith("- "):
            hooks.append(entry[2:].strip())
    return hooks


def _page_name(index: int) -> str:
    return f"s{index // PAGES_PER_SECTION:02d}/p{index % PAGES_PER_SECTION:04d}.md"


def _front(title: str, description: str) -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n---\n\n"


def _sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _page(index: int, name: str, names: list[str], rng: random.Random, checklist: bool) -> str:
    """One page: headings `topic-1`..`topic-8`, about 30 valid links, maybe a checklist."""
    here = name.rsplit("/", 1)[0]
    links = []
    for number in range(LINKS_PER_PAGE):
        target = names[rng.randrange(len(names))]
        relative = _relative_md(target, here)
        fragment = f"#topic-{rng.randint(1, HEADINGS_PER_PAGE)}" if number % 3 == 0 else ""
        kind = number % 10
        if kind == 1:
            url = _relative_md(target, here).removesuffix(".md") + "/"
            links.append(f'<a href="../{url}{fragment}">raw {number}</a>')
        elif kind == 2:
            links.append(f"![Chart {number}](../img/chart-{number % 5}.svg)")
        elif kind == 4:
            links.append(f"[external {number}](https://www.example.org/{index}/{number})")
        elif kind == 7:
            links.append("[the plan](../files/plan.pdf)")
        else:
            links.append(f"[{rng.choice(WORDS)} {number}]({relative}{fragment})")
    body = [f"# Page {index}", "", _sentence(rng, 20), ""]
    per_heading = -(-len(links) // HEADINGS_PER_PAGE)
    for heading in range(1, HEADINGS_PER_PAGE + 1):
        body += [f"## Topic {heading}", ""]
        chunk = links[(heading - 1) * per_heading : heading * per_heading]
        for link in chunk:
            body += [f"{_sentence(rng)} {link} {_sentence(rng, 8)}", ""]
    if checklist:
        body += [f"/// checklist | Steps for page {index}", f"    id: bench-{index}", ""]
        body += [f"- [ ] Step {step}: {_sentence(rng, 6)}" for step in range(1, 6)]
        body += ["///", ""]
    title = f"Page {index}"
    return _front(title, f"Synthetic page {index} of the benchmark site.") + "\n".join(body)


def _relative_md(target: str, here: str) -> str:
    """`target` (docs-relative) as a Markdown link from a page in folder `here`."""
    folder, file = target.rsplit("/", 1)
    return file if folder == here else f"../{folder}/{file}"


if __name__ == "__main__":
    sys.exit(main())
