"""Small helpers for the words that reports and pages show."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """`count` and `noun`, with an 's' unless the count is one: '1 problem', '2 problems'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def printable(text: str) -> str:
    r"""`text` on one line, as a message shows it: each control or invisible character escaped.

    A tab shows as '\t', a carriage return as '\r', U+2028 as '\u2028'.
    """
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escaped(char) for char in text)


def _escaped(char: str) -> str:
    return repr(char)[1:-1] if char in "\t\n\r" else f"\\u{ord(char):04x}"
