"""Small helpers for the words that reports and pages show."""

from __future__ import annotations

import unicodedata
from html import unescape

# Names of the control characters people meet, for messages.
_CONTROL_NAMES = {
    "\n": "line feed",
    "\r": "carriage return",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x00": "null",
    "\x7f": "delete",
    "\x85": "next line",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
}


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


def control_characters(text: str) -> list[str]:
    """The control characters in `text`, character references decoded as a browser does.

    Every C0 control but tab, DEL, every C1 control, U+2028 and U+2029: each
    breaks a line, or hides, in a calendar file or a page. Each is listed once.
    """
    decoded = unescape(text) if "&" in text else text
    found: list[str] = []
    for char in decoded:
        if _is_control(char) and char not in found:
            found.append(char)
    return found


def control_names(chars: list[str]) -> str:
    """'U+000D (carriage return)', for each of `chars`, joined with commas."""
    return ", ".join(f"U+{ord(char):04X} ({_CONTROL_NAMES.get(char, 'control')})" for char in chars)


def _is_control(char: str) -> bool:
    return char != "\t" and (unicodedata.category(char) == "Cc" or char in "\u2028\u2029")


def not_utf8(path: str, data: bytes, error: UnicodeDecodeError) -> str:
    """The message for a file that is not UTF-8 text: where the first bad byte is, and the fix."""
    before = data[: error.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return (
        f"{path}:{line}: the file is not UTF-8 text (byte 0x{data[error.start]:02x} at column "
        f"{column}); save it as UTF-8 (in most editors: Save with encoding, UTF-8)."
    )
