"""One vocabulary for problems: the `Finding` record and the `Report` that collects them.

Every check returns findings; the engine adapters and the command line only
collect them into a `Report` and print it. Nothing here imports an engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextround.text import plural

REVIEW_MONTHS = 12


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in a source file, at a 1-based line: what is wrong, and how to fix it."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} {self.hint}" if self.hint else text


@dataclass(frozen=True, order=True)
class ReviewDue:
    """A guide whose last review is more than `REVIEW_MONTHS` months old: a note, not a problem."""

    path: str
    line: int
    last_reviewed: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: due for review: last reviewed {self.last_reviewed}, "
            f"more than {plural(REVIEW_MONTHS, 'month')} ago."
        )


@dataclass
class Report:
    """Everything one build or check run found."""

    findings: list[Finding] = field(default_factory=list)
    review_due: list[ReviewDue] = field(default_factory=list)

    def add(self, findings: list[Finding]) -> list[Finding]:
        """Record `findings` and return them, for logging by the caller."""
        self.findings.extend(findings)
        return findings

    def lines(self) -> list[str]:
        """Every finding as `path:line: message`, in file and line order."""
        return [str(finding) for finding in sorted(self.findings)]

    def abort_message(self) -> str:
        """The message that stops a build with findings."""
        return f"Aborted: {plural(len(self.findings), 'content problem')} found."
