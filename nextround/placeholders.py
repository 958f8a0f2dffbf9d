"""The placeholders a message template may use: one list for the check, the build and the form.

A placeholder is the text in square brackets inside a template's code block
(`includes/templates/*.md`), such as `[Their name]`. The build refuses any
other (`check/placeholders.py`), and marks each one in the rendered page
(`render/details.py`) so the reader's details can fill it in.

`field` is the name of the "Your details" form field that fills the
placeholder, and the key it is saved under in the reader's browser
(`docs/javascripts/progress-store.js`, section `details`). The form shows its
fields in this order, each labelled with the placeholder's name. A
placeholder without a field is left for the reader to fill in by hand.

To add a placeholder, add one line here, in the style of the others (a capital
first letter, then lowercase words). Never change a field name: readers'
details are saved under it.
"""

from __future__ import annotations

from typing import NamedTuple


class Placeholder(NamedTuple):
    """One placeholder: its name (without brackets) and the form field that fills it."""

    name: str
    field: str = ""


PLACEHOLDERS = (
    # Filled in by the "Your details" form, in the form's order.
    Placeholder("Your name", "you"),
    Placeholder("Their name", "them"),
    Placeholder("Job title", "job"),
    Placeholder("Organization", "org"),
    Placeholder("Interview date", "date"),
    Placeholder("One thing I learned", "learned"),
    # Filled in by hand.
    Placeholder("Their subject line"),
    Placeholder("Reference number"),
    Placeholder("Your phone number"),
    Placeholder("Your email"),
    Placeholder("Your profile link"),
    Placeholder("Your current team"),
    Placeholder("Date of my email"),
    Placeholder("Date they told me"),
    Placeholder("Offer date"),
    Placeholder("Month I applied"),
    Placeholder("Stage I reached"),
    Placeholder("One piece of feedback"),
    Placeholder("One action I will take"),
    Placeholder("One line about me"),
    Placeholder("Something new since then"),
    Placeholder("How I found you"),
    Placeholder("Their advice"),
    Placeholder("Contact's name"),
    Placeholder("Field"),
    Placeholder("Skill or area"),
)

BY_NAME = {placeholder.name: placeholder for placeholder in PLACEHOLDERS}
FORM_FIELDS = tuple(placeholder for placeholder in PLACEHOLDERS if placeholder.field)
