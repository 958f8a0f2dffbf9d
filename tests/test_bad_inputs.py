"""Every bad input in `tests/bad_inputs/` is reported with its exact problem lines, three ways.

- built by MkDocs, the in-build checks fail the build;
- built by ProperDocs (a second engine), the same hooks fail it the same way;
- built by ProperDocs with the in-build checks off, `nextround.cli.check --site-dir`
  finds the same lines from the written pages and the Markdown sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import tiny_site

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
WAYS = ("mkdocs", "properdocs", "written-site")


def run_case(root: Path, case: str, way: str) -> tiny_site.Result:
    """Build (and, for 'written-site', check) one case in its own folder.

    A case with a translated edition's config (`mkdocs.xx.yml`, which INHERITs
    the `mkdocs.yml` written here) builds that edition.
    """
    folder = root / way / case
    shutil.copytree(CORPUS / case, folder, ignore=shutil.ignore_patterns("expected.txt"))
    tiny_site.write_site(folder)
    config = next((path.name for path in sorted(folder.glob("mkdocs.*.yml"))), "mkdocs.yml")
    if way != "written-site":
        return tiny_site.build(folder, engine=way, config_file=config)
    built = tiny_site.build(
        folder, "--quiet", engine="properdocs", checks=False, config_file=config
    )
    if built.returncode != 0:
        return built
    checked = subprocess.run(
        [sys.executable, "-m", "nextround.cli.check", "-f", config, "--site-dir", "site"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=tiny_site.build_env(),
        check=False,
    )
    return tiny_site.Result(checked.returncode, checked.stdout + checked.stderr)


@pytest.fixture(scope="session")
def corpus_builds(tmp_path_factory) -> dict[tuple[str, str], tiny_site.Result]:
    """Every case every way, two at a time (each build is its own process)."""
    root = tmp_path_factory.mktemp("bad-inputs")
    jobs = [(case, way) for way in WAYS for case in CASES]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = pool.map(lambda job: run_case(root, *job), jobs)
        return dict(zip(jobs, results, strict=True))


def test_the_corpus_has_at_least_20_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_with_its_exact_problems(case, way, corpus_builds):
    result = corpus_builds[case, way]
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    count, noun = len(expected), "problem" if len(expected) == 1 else "problems"
    assert result.returncode != 0, result.output
    assert result.problems == expected, result.output
    if way == "written-site":
        assert f"Check failed: {count} {noun}," in result.output
    else:
        assert f"Aborted: {count} content {noun} found." in result.output
    assert "Traceback" not in result.output
