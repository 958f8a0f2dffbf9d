"""A date as the build's language writes it: "November 27, 2026", "27 de noviembre de 2026".

The month names and the order come from the message catalog (`date.months`,
`date.long`), so a language needs no locale installed and no Babel.
"""

from __future__ import annotations

from datetime import date

from nextround.messages import Catalog

MONTHS = 12


def month_names(catalog: Catalog) -> list[str]:
    """The twelve month names of `catalog`, January first (fewer when the message is wrong)."""
    return [name.strip() for name in catalog.t("date.months").split(",")]


def long_date(day: date, catalog: Catalog) -> str:
    """`day` written out in the catalog's language; ISO form if its month names are not twelve."""
    names = month_names(catalog)
    if len(names) != MONTHS:
        return day.isoformat()  # The check names the message to fix.
    return catalog.t("date.long", day=day.day, month=names[day.month - 1], year=day.year)
