"""The placeholders a message template may use: one list for the check, the build and the form.

A placeholder is the text in square brackets inside a template's code block
(`includes/templates/*.md`), such as `[Their name]`. The build refuses any
other (`check/placeholders.py`), and marks each one in the rendered page
(`render/details.py`) so the reader's details can fill it in.

Each placeholder is a key here, and its name in each language is the message
`placeholder.<key>` of that language's catalog (`includes/messages/en.yml`):
the text templates in that language write in brackets, and the label of its
field in the "Your details" form. A placeholder the form fills has its key as
the name of its form field, and the key it is saved under in the reader's
browser (`docs/javascripts/progress-store.js`, section `details`); the form
shows its fields in this order. A placeholder outside the form is left for the
reader to fill in by hand.

To add a placeholder, add one line here and its `placeholder.<key>` message to
every catalog, in the style of the others (a capital first letter, then
lowercase words). Never change the key of a form field: readers' details are
saved under it.
"""

from __future__ import annotations

from typing import NamedTuple

from nextround.messages import Catalog


class Placeholder(NamedTuple):
    """One placeholder: its key, and whether the "Your details" form fills it."""

    key: str
    in_form: bool = False

    @property
    def field(self) -> str:
        """The form field that fills it, and the key its text is saved under ('' if none)."""
        return self.key if self.in_form else ""


PLACEHOLDERS = (
    # Filled in by the "Your details" form, in the form's order.
    Placeholder("you", in_form=True),
    Placeholder("them", in_form=True),
    Placeholder("job", in_form=True),
    Placeholder("org", in_form=True),
    Placeholder("date", in_form=True),
    Placeholder("learned", in_form=True),
    # Filled in by hand.
    Placeholder("their-subject-line"),
    Placeholder("reference-number"),
    Placeholder("your-phone-number"),
    Placeholder("your-email"),
    Placeholder("your-profile-link"),
    Placeholder("your-current-team"),
    Placeholder("date-of-my-email"),
    Placeholder("date-they-told-me"),
    Placeholder("offer-date"),
    Placeholder("month-i-applied"),
    Placeholder("stage-i-reached"),
    Placeholder("one-piece-of-feedback"),
    Placeholder("one-action-i-will-take"),
    Placeholder("one-line-about-me"),
    Placeholder("something-new-since-then"),
    Placeholder("how-i-found-you"),
    Placeholder("their-advice"),
    Placeholder("contacts-name"),
    Placeholder("field"),
    Placeholder("skill-or-area"),
)
FORM_FIELDS = tuple(placeholder for placeholder in PLACEHOLDERS if placeholder.in_form)


def name(placeholder: Placeholder, catalog: Catalog) -> str:
    """The placeholder's name, as templates in the catalog's language write it."""
    return catalog.t(f"placeholder.{placeholder.key}")


def by_name(catalog: Catalog) -> dict[str, Placeholder]:
    """Every placeholder by its name in the catalog's language."""
    return {name(placeholder, catalog): placeholder for placeholder in PLACEHOLDERS}
