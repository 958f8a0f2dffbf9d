"""The days of a dated plan: the `when:` and `remind:` options of a checklist.

A checklist of a plan says which days it covers, counted from the day the
reader starts (day 1), and may carry one reminder sentence with one day in it:

    /// checklist | Week 1
        id: plan-week-1
        when: days 3 to 7
        remind: Send your one reply by business day 3.

`days 3 to 7` counts calendar days; `business day 3` counts Monday to Friday
only, after the start date, as the guides do where they say "business days".
A Spanish page writes the same phrases in Spanish: `días 3 a 7`, `día hábil 3`.
`docs/javascripts/checklists.js` reads the same phrase (the regex in its
`span`) to show dates and write the calendar file. Pure functions over the
option values.
"""

from __future__ import annotations

import re

from nextround.text import control_characters, control_names

OPTIONS = ("when", "remind")
MAX_DAY = 60
MAX_REMIND_CHARS = 120
# One day phrase, in English or Spanish: 'business ' (or 'hábil') for Monday to Friday,
# a first day, maybe a last day (groups 3 and 4).
PHRASE = re.compile(r"(?:(business )?days? |días? (hábil(?:es)? )?)(\d+)(?: (?:to|a) (\d+))?")
_DAY_ONE = "(day 1 is the day the reader starts)"


def option_problem(key: str, value: object) -> str:
    """Why the plan option `key: value` cannot be read, or ''."""
    if not isinstance(value, str):
        return f"Checklist option '{key}' should be text, like 'days 3 to 7' {_DAY_ONE}."
    if chars := control_characters(value):
        return (
            f"Checklist option '{key}' holds a control character: {control_names(chars)}. "
            "It would break the line in readers' calendar files; delete it (a YAML escape "
            "such as '\\r' or a character reference such as '&#13;' counts too)."
        )
    if key == "when":
        if found := PHRASE.fullmatch(value.strip()):
            return _days_problem(key, value, found)
        return (
            f"Checklist option 'when: {value[:40]}' is not a span of plan days; write it "
            f"like 'days 3 to 7' {_DAY_ONE} or 'business days 1 to 3'."
        )
    phrases = list(PHRASE.finditer(value))
    if len(phrases) != 1 or phrases[0].group(4):
        return (
            f"Checklist option 'remind: {value[:40]}' should name exactly one day, as in "
            f"'Send your one reply by business day 3.' {_DAY_ONE}."
        )
    if len(value) > MAX_REMIND_CHARS:
        return (
            f"Checklist option 'remind' has {len(value)} characters; "
            f"keep it to one short sentence of at most {MAX_REMIND_CHARS}."
        )
    return _days_problem(key, value, phrases[0])


def _days_problem(key: str, value: str, found: re.Match) -> str:
    first = int(found.group(3))
    last = int(found.group(4) or first)
    if not 1 <= first <= last <= MAX_DAY:
        return (
            f"Checklist option '{key}: {value[:40]}' counts days {first} to {last}; "
            f"plan days run from 1 to {MAX_DAY}, the first one first."
        )
    return ""
