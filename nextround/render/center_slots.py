"""Fill the career center's slots with its contacts, and write its colors as CSS.

A slot is an empty `<div class="nr-center-slot" data-center-slot="NAME"></div>`
in a page or a template. `fill_slots` puts the center's contacts for NAME
inside it; without a center, or with nothing to say for NAME, the slot stays
empty and the stylesheet hides it. Every value is escaped. Slots:

- `booking`: the band above the footer of every page;
- `crisis`: the crisis help in "Process the news" (wellbeing and crisis lines);
- `adviser`: the step in "Ask for feedback" that suggests an adviser reads the email;
- `contacts`: every contact, on "For career centers" and the center's own pages.

The words around the contacts are the build's language, from its message
catalog (`Catalog.markup`: the text escaped, the links put in); the booking
link reads the center's own `booking_label` where it gives one (an edition's
config gives its own, in its language). In a sentence ("adviser") the link
keeps the catalog's words, which fit there.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from nextround.center import Center, Contact, contrast, rgb
from nextround.messages import Catalog

# Dark scheme (Material's "slate") background, for lighter link colors there.
SLATE_BACKGROUND = "#1e2129"


def fill_slots(html: str, center: Center | None, catalog: Catalog) -> str:
    """`html` with each empty slot holding the center's contacts for its name."""
    if center is None or "data-center-slot" not in html:
        return html
    finder = _SlotFinder(html)
    for end, name in reversed(finder.slots):
        inner = render_slot(name, center, catalog)
        if inner:
            html = html[:end] + inner + html[end:]
    return html


def render_slot(name: str, center: Center, catalog: Catalog) -> str:
    """The HTML a slot holds for `center`; empty when there is nothing to show."""
    renderer = _RENDERERS.get(name)
    return renderer(center, catalog) if renderer else ""


def center_css(center: Center) -> str:
    """The center's colors as CSS custom properties, light and dark scheme."""
    rules: list[str] = []
    if center.primary:
        light = dict.fromkeys(_PRIMARY_PROPERTIES, center.primary)
        rules.append(
            _scheme_rules(light, {"--md-typeset-a-color": readable_on_dark(center.primary)})
        )
    if center.accent:
        dark = readable_on_dark(center.accent)
        rules.append(_scheme_rules(_accent_properties(center.accent), _accent_properties(dark)))
    return "/* The career center's colors, written by the build from extra.center.colors. */\n" + (
        "".join(rules)
    )


_PRIMARY_PROPERTIES = (
    "--md-primary-fg-color",
    "--md-primary-fg-color--light",
    "--md-primary-fg-color--dark",
    "--md-typeset-a-color",
)


def _accent_properties(color: str) -> dict[str, str]:
    return {"--md-accent-fg-color": color, "--md-accent-fg-color--transparent": color + "1a"}


def _scheme_rules(light: dict[str, str], dark: dict[str, str]) -> str:
    """One rule of custom properties for every scheme, one for the dark scheme."""
    return _rule(":root > *", light) + _rule(
        '[data-md-color-scheme="slate"][data-md-color-primary="custom"]', dark
    )


def _rule(selector: str, properties: dict[str, str]) -> str:
    body = "".join(f"  {name}: {value};\n" for name, value in properties.items())
    return f"{selector} {{\n{body}}}\n"


def readable_on_dark(color: str) -> str:
    """`color` mixed with white until it reads on the dark scheme (4.5:1)."""
    for step in range(11):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 10):02x}" for c in rgb(color))
        if contrast(mixed, SLATE_BACKGROUND) >= 4.5:
            return mixed
    return "#ffffff"


def _booking(center: Center, catalog: Catalog) -> str:
    parts = [f"<strong>{escape(center.name)}</strong>"]
    parts += _ways(center, _booking_label(center, catalog)).values()
    if center.hours:
        parts.append(escape(center.hours))
    return '<p class="nr-center__line">' + " · ".join(parts) + "</p>"


def _crisis(center: Center, catalog: Catalog) -> str:
    items = [f"<li>{_contact_line(contact)}</li>" for contact in center.crisis]
    if center.wellbeing:
        talk = catalog.markup("center.talk", contact=_contact_line(center.wellbeing))
        items.append(f"<li>{talk}</li>")
    if not items:
        return ""
    return (
        f"<p><strong>{catalog.markup('center.from', name=escape(center.name))}</strong></p>"
        f'<ul class="nr-center__list">{"".join(items)}</ul>'
    )


def _adviser(center: Center, catalog: Catalog) -> str:
    ways = _ways(center, catalog.markup("center.book-in-a-sentence"))
    phrases = {
        "booking": ways.get("booking", ""),
        "email": catalog.markup("center.write-to", email=ways.get("email", "")),
        "phone": catalog.markup("center.call", phone=ways.get("phone", "")),
    }
    chosen = [phrases[kind] for kind in ways]
    joined = chosen[0] if chosen else ""
    for phrase in chosen[1:]:
        joined = catalog.markup("center.or", first=joined, second=phrase)
    adviser = catalog.markup("center.adviser", name=escape(center.name), ways=joined)
    return f"<p>{adviser}</p>"


def _contacts(center: Center, catalog: Catalog) -> str:
    labels = {
        "booking": catalog.markup("center.appointments"),
        "email": catalog.markup("center.email"),
        "phone": catalog.markup("center.phone"),
    }
    ways = _ways(center, _booking_label(center, catalog))
    rows = [(labels[kind], link) for kind, link in ways.items()]
    if center.hours:
        rows.append((catalog.markup("center.hours"), escape(center.hours)))
    if center.wellbeing:
        rows.append((catalog.markup("center.wellbeing"), _contact_line(center.wellbeing)))
    for contact in center.crisis:
        rows.append((catalog.markup("center.crisis-line"), _contact_line(contact)))
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<p><strong>{escape(center.name)}</strong></p><dl class="nr-center__card">{body}</dl>'


def _contact_line(contact: Contact) -> str:
    parts = [escape(contact.name)]
    if contact.email:
        parts.append(_email_link(contact.email))
    if contact.phone:
        parts.append(_phone_link(contact.phone))
    if contact.url:
        parts.append(_link(contact.url, escape(_short(contact.url))))
    if contact.hours:
        parts.append(escape(contact.hours))
    return ", ".join(parts)


def _booking_label(center: Center, catalog: Catalog) -> str:
    """The booking link's text (HTML): the center's `booking_label`, else the catalog's."""
    return escape(center.booking_label) if center.booking_label else catalog.markup("center.book")


def _ways(center: Center, booking: str) -> dict[str, str]:
    """The center's links, by kind: 'booking' (its text `booking`, HTML), 'email', 'phone'."""
    ways = {}
    if center.booking_url:
        ways["booking"] = _link(center.booking_url, booking)
    if center.email:
        ways["email"] = _email_link(center.email)
    if center.phone:
        ways["phone"] = _phone_link(center.phone)
    return ways


def _email_link(email: str) -> str:
    return _link(f"mailto:{email}", escape(email))


def _phone_link(phone: str) -> str:
    dial = ("+" if phone.startswith("+") else "") + "".join(c for c in phone if c.isdigit())
    return _link(f"tel:{dial}", escape(phone))


def _link(href: str, text: str) -> str:
    """An `<a>` to `href` (escaped here) around `text` (already HTML)."""
    return f'<a href="{escape(href)}">{text}</a>'


def _short(url: str) -> str:
    return url.removeprefix("https://").rstrip("/")


_RENDERERS = {"booking": _booking, "crisis": _crisis, "adviser": _adviser, "contacts": _contacts}


class _SlotFinder(HTMLParser):
    """The empty slots of a page: (end of the opening tag, name), in page order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.slots: list[tuple[int, str]] = []
        self._line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self._line_starts.append(index + 1)
        self._html = html
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        """Keep each `div` with a `data-center-slot` that is closed at once."""
        name = dict(attrs).get("data-center-slot")
        if tag != "div" or not name:
            return
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        end = start + len(self.get_starttag_text() or "")
        if self._html.startswith("</div>", end):
            self.slots.append((end, name))
