"""Content problems: one record each, collected over a build, reported together.

Hook modules share one `Report` through `report.current()`; `on_config` of the
first hook starts a fresh one for each build, so `mkdocs serve` rebuilds start
clean. Nothing here imports MkDocs, so checks can run outside a build.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a source file, at a 1-based line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Report:
    """Every problem found in one build or check run."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, problems: list[Problem]) -> list[Problem]:
        """Record `problems` and return them, for logging by the caller."""
        self.problems.extend(problems)
        return problems


_current = Report()


def start() -> Report:
    """Begin a new report (one per build)."""
    global _current
    _current = Report()
    return _current


def current() -> Report:
    """The report of the build under way."""
    return _current
