"""The days of a dated plan: the `when:` and `remind:` options of a checklist.

A checklist of a plan says which days it covers, counted from the day the
reader starts (day 1), and may carry one reminder sentence with one day in it:

    /// checklist | Week 1
        id: plan-week-1
        when: days 3 to 7
        remind: Send your one reply by business day 3.

`days 3 to 7` counts calendar days; `business day 3` counts Monday to Friday
only, after the start date, as the guides do where they say "business days".
`docs/javascripts/plan.js` reads the same phrase (the regex in its `span`)
to show dates and write the calendar file. `when:` is written in English in
every edition; `remind:` is a sentence in the page's language, so its day
phrase is read in that language (`REMIND_PHRASES`: `día hábil 3` in
Spanish), and `remind_day` gives the page the phrase and its English words,
which plan.js reads. Pure functions over the option values.
"""

from __future__ import annotations

import re

from nextround.text import control_characters, control_names

OPTIONS = ("when", "remind")
MAX_DAY = 60
MAX_REMIND_CHARS = 120
# One day phrase: 'business ' for Monday to Friday, a first day, maybe a last day.
PHRASE = re.compile(r"(business )?days? (\d+)(?: to (\d+))?")
# The day phrase of a reminder, and an example sentence, by language (English for any other).
REMIND_PHRASES = {
    "en": (PHRASE, "Send your one reply by business day 3."),
    "es": (
        re.compile(r"d[ií]as? (h[áa]bil(?:es)? )?(\d+)(?: a (\d+))?"),
        "Envía tu respuesta a más tardar el día hábil 3.",
    ),
}
_DAY_ONE = "(day 1 is the day the reader starts)"


def option_problem(key: str, value: object, language: str = "en") -> str:
    """Why the plan option `key: value` of a page in `language` cannot be read, or ''."""
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
    phrase, example = REMIND_PHRASES.get(language, REMIND_PHRASES["en"])
    phrases = list(phrase.finditer(value))
    if len(phrases) != 1 or phrases[0].group(3):
        return (
            f"Checklist option 'remind: {value[:40]}' should name exactly one day, as in "
            f"'{example}' {_DAY_ONE}."
        )
    if len(value) > MAX_REMIND_CHARS:
        return (
            f"Checklist option 'remind' has {len(value)} characters; "
            f"keep it to one short sentence of at most {MAX_REMIND_CHARS}."
        )
    return _days_problem(key, value, phrases[0])


def days(key: str, value: object, language: str = "en") -> tuple[bool, int, int] | None:
    """The days a readable plan option names: (business days?, first, last); else None."""
    if not isinstance(value, str) or option_problem(key, value, language):
        return None
    phrase = PHRASE if key == "when" else REMIND_PHRASES.get(language, REMIND_PHRASES["en"])[0]
    found = phrase.search(value)
    return bool(found.group(1)), int(found.group(2)), int(found.group(3) or found.group(2))


def remind_day(value: object, language: str) -> tuple[str, str] | None:
    """A translated reminder's day phrase as written, and in English; else None.

    ('día hábil 3', 'business day 3') for Spanish; None for an English reminder,
    a language whose phrase is the English one, or a reminder that cannot be read.
    """
    if language not in REMIND_PHRASES or language == "en":
        return None
    span = days("remind", value, language)
    if span is None:
        return None
    return REMIND_PHRASES[language][0].search(value).group(0), in_english(span)


def in_english(span: tuple[bool, int, int]) -> str:
    """A span of `days` as the English phrase names it: 'business day 3', 'days 3 to 7'."""
    business, first, last = span
    kind = "business " if business else ""
    return f"{kind}day {first}" if first == last else f"{kind}days {first} to {last}"


def _days_problem(key: str, value: str, found: re.Match) -> str:
    first = int(found.group(2))
    last = int(found.group(3) or first)
    if not 1 <= first <= last <= MAX_DAY:
        return (
            f"Checklist option '{key}: {value[:40]}' counts days {first} to {last}; "
            f"plan days run from 1 to {MAX_DAY}, the first one first."
        )
    return ""
