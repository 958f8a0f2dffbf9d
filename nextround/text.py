"""Small helpers for the words that reports and pages show."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """`count` and `noun`, with an 's' unless the count is one: '1 problem', '2 problems'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
