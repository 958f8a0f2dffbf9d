"""An RFC 5545 check of an iCalendar file, stricter than a parser that forgives.

`icalendar` reads files that break the format (bare line feeds, long lines,
unescaped commas); calendar apps are not all that kind. `rfc5545_problems`
lists each rule of RFC 5545 that a file breaks, one line per problem.
"""

from __future__ import annotations

import re

_DATE_TIME_UTC = re.compile(r"\d{8}T\d{6}Z")
_DATE = re.compile(r"\d{8}")
# A TEXT value: escapes are \\ \; \, \n or \N; a bare ; or , is not allowed.
_TEXT = re.compile(r"(?:[^\\;,]|\\[\\;,nN])*")
_TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "UID"}
_REQUIRED = {
    "VCALENDAR": {"VERSION", "PRODID"},
    "VEVENT": {"UID", "DTSTAMP", "DTSTART"},
    # Our alarms are ACTION:DISPLAY, which needs a DESCRIPTION.
    "VALARM": {"ACTION", "TRIGGER", "DESCRIPTION"},
}


def rfc5545_problems(raw: bytes) -> list[str]:
    """Every way `raw` breaks RFC 5545's line, structure and value rules that we use."""
    problems = []
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    physical = raw.split(b"\r\n")[:-1]
    for number, line in enumerate(physical, start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {number}: a line break that is not CRLF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets; at most 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number}: folded inside a character")
    unfolded = re.sub(r"\r\n[ \t]", "", raw.decode("utf-8", "replace")).split("\r\n")[:-1]
    return problems + _structure_problems(unfolded)


def _structure_problems(lines: list[str]) -> list[str]:
    problems, stack, uids = [], [], set()
    if not lines or lines[0] != "BEGIN:VCALENDAR" or lines[-1] != "END:VCALENDAR":
        problems.append("the file is not one VCALENDAR")
    for line in lines:
        name_params, _, value = line.partition(":")
        name, *params = name_params.split(";")
        if name == "BEGIN":
            stack.append((value, set()))
            continue
        if name == "END":
            if not stack or stack[-1][0] != value:
                problems.append(f"END:{value} closes nothing open")
                continue
            component, seen = stack.pop()
            problems += [
                f"{component} lacks {need}"
                for need in sorted(_REQUIRED.get(component, set()) - seen)
            ]
            continue
        if not stack:
            problems.append(f"{name} is outside any component")
            continue
        component, seen = stack[-1]
        if name in seen:
            problems.append(f"{component} has {name} twice")
        seen.add(name)
        problems += _value_problems(component, name, params, value, uids)
    if stack:
        problems.append(f"{stack[-1][0]} is never closed")
    return problems


def _value_problems(component, name, params, value, uids) -> list[str]:
    problems = []
    if name in _TEXT_PROPERTIES and not _TEXT.fullmatch(value):
        problems.append(f"{component} {name}: unescaped text {value[:40]!r}")
    if name == "UID" and component == "VEVENT":
        if value in uids:
            problems.append(f"UID {value} is used twice")
        uids.add(value)
    if name == "DTSTAMP" and not _DATE_TIME_UTC.fullmatch(value):
        problems.append(f"DTSTAMP {value!r} is not a UTC date-time")
    if name in {"DTSTART", "DTEND"} and "VALUE=DATE" in params and not _DATE.fullmatch(value):
        problems.append(f"{name} {value!r} is not a DATE")
    if name == "VERSION" and value != "2.0":
        problems.append(f"VERSION is {value!r}, not 2.0")
    if name == "ACTION" and value == "DISPLAY" and component != "VALARM":
        problems.append("ACTION outside a VALARM")
    return problems
