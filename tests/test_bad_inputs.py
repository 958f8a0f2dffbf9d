"""Every bad input in `tests/bad_inputs/` fails the build with its exact problem lines."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import tiny_site

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


@pytest.fixture(scope="session")
def corpus_builds(tmp_path_factory) -> dict[str, tiny_site.Result]:
    """Build every case once, two at a time (each build is its own process)."""
    root = tmp_path_factory.mktemp("bad-inputs")

    def build(case: str) -> tuple[str, tiny_site.Result]:
        folder = root / case
        shutil.copytree(CORPUS / case, folder, ignore=shutil.ignore_patterns("expected.txt"))
        tiny_site.write_site(folder)
        return case, tiny_site.build(folder)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(pool.map(build, CASES))


def test_the_corpus_has_at_least_20_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES)
def test_bad_input_fails_with_its_exact_problems(case, corpus_builds):
    result = corpus_builds[case]
    expected = (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    count = len(expected)
    assert result.returncode != 0, result.output
    assert result.problems == expected, result.output
    assert f"Aborted: {count} content problem{'s' if count != 1 else ''} found." in result.output
    assert "Traceback" not in result.output
