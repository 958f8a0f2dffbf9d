"""Fill the career center's slots with its contacts, and write its colors as CSS.

A slot is an empty `<div class="nr-centre-slot" data-centre-slot="NAME"></div>`
in a page or a template. `fill_slots` puts the center's contacts for NAME
inside it; without a center, or with nothing to say for NAME, the slot stays
empty and the stylesheet hides it. Every value is escaped. Slots:

- `booking`: the band above the footer of every page;
- `crisis`: the crisis help in "Process the news" (wellbeing and crisis lines);
- `adviser`: the step in "Ask for feedback" that suggests an adviser reads the email;
- `contacts`: every contact, on "For career centers" and the center's own pages.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from nextround.center import Center, Contact, contrast

# Dark scheme (Material's "slate") background, for lighter link colors there.
SLATE_BACKGROUND = "#1e2129"


def fill_slots(html: str, center: Center | None) -> str:
    """`html` with each empty slot holding the center's contacts for its name."""
    if center is None or "data-centre-slot" not in html:
        return html
    finder = _SlotFinder(html)
    for end, name in reversed(finder.slots):
        inner = render_slot(name, center)
        if inner:
            html = html[:end] + inner + html[end:]
    return html


def render_slot(name: str, center: Center) -> str:
    """The HTML a slot holds for `center`; empty when there is nothing to show."""
    renderer = _RENDERERS.get(name)
    return renderer(center) if renderer else ""


def center_css(center: Center) -> str:
    """The center's colors as CSS custom properties, light and dark scheme."""
    rules: list[str] = []
    if center.primary:
        rules.append(
            ":root > * {\n"
            f"  --md-primary-fg-color: {center.primary};\n"
            f"  --md-primary-fg-color--light: {center.primary};\n"
            f"  --md-primary-fg-color--dark: {center.primary};\n"
            f"  --md-typeset-a-color: {center.primary};\n"
            "}\n"
            '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {\n'
            f"  --md-typeset-a-color: {readable_on_dark(center.primary)};\n"
            "}\n"
        )
    if center.accent:
        dark = readable_on_dark(center.accent)
        rules.append(
            ":root > * {\n"
            f"  --md-accent-fg-color: {center.accent};\n"
            f"  --md-accent-fg-color--transparent: {center.accent}1a;\n"
            "}\n"
            '[data-md-color-scheme="slate"][data-md-color-primary="custom"] {\n'
            f"  --md-accent-fg-color: {dark};\n"
            f"  --md-accent-fg-color--transparent: {dark}1a;\n"
            "}\n"
        )
    return "/* The career center's colors, written by the build from extra.center.colors. */\n" + (
        "".join(rules)
    )


def readable_on_dark(color: str) -> str:
    """`color` mixed with white until it reads on the dark scheme (4.5:1)."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    rgb = [int(digits[i : i + 2], 16) for i in (0, 2, 4)]
    for step in range(11):
        mixed = "#" + "".join(f"{round(c + (255 - c) * step / 10):02x}" for c in rgb)
        if contrast(mixed, SLATE_BACKGROUND) >= 4.5:
            return mixed
    return "#ffffff"


def _booking(center: Center) -> str:
    parts = [f"<strong>{escape(center.name)}</strong>"]
    if center.booking_url:
        parts.append(f'<a href="{escape(center.booking_url)}">Book an appointment</a>')
    parts += _reach(center.email, center.phone)
    if center.hours:
        parts.append(escape(center.hours))
    return '<p class="nr-center__line">' + " · ".join(parts) + "</p>"


def _crisis(center: Center) -> str:
    items = [f"<li>{_contact_line(contact)}</li>" for contact in center.crisis]
    if center.wellbeing:
        items.append(f"<li>To talk it through: {_contact_line(center.wellbeing)}</li>")
    if not items:
        return ""
    return (
        f"<p><strong>From {escape(center.name)}:</strong></p>"
        f'<ul class="nr-center__list">{"".join(items)}</ul>'
    )


def _adviser(center: Center) -> str:
    ways = []
    if center.booking_url:
        ways.append(f'<a href="{escape(center.booking_url)}">book an appointment</a>')
    ways += [f"write to {link}" for link in _reach(center.email, "")]
    ways += [f"call {link}" for link in _reach("", center.phone)]
    return (
        f"<p>An adviser at {escape(center.name)} can read your email before you send it: "
        f"{' or '.join(ways)}.</p>"
    )


def _contacts(center: Center) -> str:
    rows = []
    if center.booking_url:
        link = f'<a href="{escape(center.booking_url)}">Book an appointment</a>'
        rows.append(("Appointments", link))
    if center.email:
        rows.append(("Email", _reach(center.email, "")[0]))
    if center.phone:
        rows.append(("Phone", _reach("", center.phone)[0]))
    if center.hours:
        rows.append(("Opening hours", escape(center.hours)))
    if center.wellbeing:
        rows.append(("Wellbeing and counseling", _contact_line(center.wellbeing)))
    for contact in center.crisis:
        rows.append(("Crisis line", _contact_line(contact)))
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<p><strong>{escape(center.name)}</strong></p><dl class="nr-center__card">{body}</dl>'


def _contact_line(contact: Contact) -> str:
    parts = [escape(contact.name)]
    parts += _reach(contact.email, contact.phone)
    if contact.url:
        parts.append(f'<a href="{escape(contact.url)}">{escape(_short(contact.url))}</a>')
    if contact.hours:
        parts.append(escape(contact.hours))
    return ", ".join(parts)


def _reach(email: str, phone: str) -> list[str]:
    links = []
    if email:
        links.append(f'<a href="mailto:{escape(email)}">{escape(email)}</a>')
    if phone:
        dial = ("+" if phone.startswith("+") else "") + "".join(c for c in phone if c.isdigit())
        links.append(f'<a href="tel:{dial}">{escape(phone)}</a>')
    return links


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
        """Keep each `div` with a `data-centre-slot` that is closed at once."""
        name = dict(attrs).get("data-centre-slot")
        if tag != "div" or not name:
            return
        line, column = self.getpos()
        start = self._line_starts[line - 1] + column
        end = start + len(self.get_starttag_text() or "")
        if self._html.startswith("</div>", end):
            self.slots.append((end, name))
