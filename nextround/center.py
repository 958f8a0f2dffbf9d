"""A career center's branding and contacts, read from `extra.center` in its `mkdocs.yml`.

`read_center` turns the raw mapping into a `Center`, or raises `CenterError`
with one line per wrong value: the setting, what was found, and the fix. Paths
(logo, favicon, pages) are relative to the center's own config file and must
stay inside its folder, links followed; menu entries name pages inside the
docs. An address must say where it leads: https, a plain host, no user name
before an `@`, no spaces or control characters. Plain Python: no engine, no
network.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from nextround.text import control_characters, printable

PREFIX = "extra.center"
IMAGE_TYPES = (".svg", ".png", ".webp", ".jpg", ".jpeg")
FAVICON_TYPES = (*IMAGE_TYPES, ".ico")
WHITE = "#ffffff"
# Header text is white on the primary color; links use it on white pages.
MIN_CONTRAST_PRIMARY = 4.5
# The accent marks hover and keyboard focus: a non-text color, 3:1 is enough.
MIN_CONTRAST_ACCENT = 3.0

# A hex color as CSS writes it: #rgb or #rrggbb.
_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# One address: a local part of letters, digits and . _ + ' -, then a domain of
# dotted labels. Nothing a mail link reads as more headers (?, &, %0A, a second @).
_EMAIL = re.compile(
    r"[A-Za-z0-9._+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
# What people write in a phone number: digits, +, spaces, dashes, dots, brackets.
_PHONE = re.compile(r"\+?[0-9 ().-]+")
# A host name as browsers show it: letters, digits, hyphens and dots (IDNs in punycode).
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?")

# What a path setting looks like, for messages.
_EXAMPLES = {"logo": "brand/logo.svg", "favicon": "brand/favicon.svg", "pages": "pages"}
_CONTACT_KEYS = ("name", "phone", "email", "url", "hours")
_KEYS = (
    "name",
    "logo",
    "favicon",
    "colors",
    "booking_url",
    "booking_label",
    "email",
    "phone",
    "hours",
    "wellbeing",
    "crisis",
    "pages",
    "add_to_nav",
    "hide_from_nav",
)


class CenterError(Exception):
    """One or more wrong values under `extra.center`; `problems` holds one line each."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Contact:
    """A person or service to reach: a name and at least one way to reach it."""

    name: str
    phone: str = ""
    email: str = ""
    url: str = ""
    hours: str = ""


@dataclass(frozen=True)
class Center:
    """A career center's branding and contacts, every value checked."""

    name: str
    booking_url: str = ""
    booking_label: str = ""
    email: str = ""
    phone: str = ""
    hours: str = ""
    logo: Path | None = None
    favicon: Path | None = None
    primary: str = ""
    accent: str = ""
    wellbeing: Contact | None = None
    crisis: tuple[Contact, ...] = ()
    pages: Path | None = None
    add_to_nav: tuple[tuple[str, str], ...] = ()
    hide_from_nav: tuple[str, ...] = ()


def read_center(raw: object, config_dir: Path) -> Center | None:
    """The center described by `raw` (the value of `extra.center`), or None when there is none."""
    if raw is None:
        return None
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise CenterError([f"{PREFIX}: expected a list of settings (name, booking_url, ...)."])
    _unknown_keys(raw, _KEYS, PREFIX, problems)
    name = _text(raw, "name", PREFIX, problems, required=True)
    colors = raw.get("colors") or {}
    if not isinstance(colors, dict):
        problems.append(f"{PREFIX}.colors: expected `primary:` and `accent:` under it.")
        colors = {}
    _unknown_keys(colors, ("primary", "accent"), f"{PREFIX}.colors", problems)
    center = Center(
        name=name,
        booking_url=_https(raw, "booking_url", PREFIX, problems),
        booking_label=_text(raw, "booking_label", PREFIX, problems),
        email=_email(raw, PREFIX, problems),
        phone=_phone(raw, PREFIX, problems),
        hours=_text(raw, "hours", PREFIX, problems),
        logo=_file(raw, "logo", IMAGE_TYPES, config_dir, problems),
        favicon=_file(raw, "favicon", FAVICON_TYPES, config_dir, problems),
        primary=_color(colors, "primary", MIN_CONTRAST_PRIMARY, problems),
        accent=_color(colors, "accent", MIN_CONTRAST_ACCENT, problems),
        wellbeing=_contact(raw.get("wellbeing"), f"{PREFIX}.wellbeing", problems),
        crisis=_crisis(raw.get("crisis"), problems),
        pages=_folder(raw, "pages", config_dir, problems),
        add_to_nav=_nav_entries(raw.get("add_to_nav"), problems),
        hide_from_nav=_page_paths(raw.get("hide_from_nav"), problems),
    )
    if not (center.booking_url or center.email or center.phone):
        problems.append(
            f"{PREFIX}: no way to reach the center. Add booking_url, email or phone, "
            "so readers can book a time with an adviser."
        )
    if center.booking_label and not raw.get("booking_url"):
        problems.append(
            f"{PREFIX}.booking_label: a label with no booking_url to put it on. Add "
            "booking_url, or remove booking_label."
        )
    if problems:
        raise CenterError(problems)
    return center


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two hex colors, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rgb(color: str) -> tuple[int, int, int]:
    """The red, green and blue of a hex color (#rgb or #rrggbb), each 0 to 255."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return red, green, blue


def _luminance(color: str) -> float:
    channels = [c / 255 for c in rgb(color)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _unknown_keys(raw: dict, known: tuple[str, ...], where: str, problems: list[str]) -> None:
    for key in raw:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1)
        hint = f" Did you mean `{close[0]}`?" if close else f" Known settings: {', '.join(known)}."
        problems.append(f"{where}.{key}: not a setting Next Round knows.{hint}")


def _text(raw: dict, key: str, where: str, problems: list[str], required: bool = False) -> str:
    value = raw.get(key)
    if value is None or value == "":
        if required:
            problems.append(f"{where}.{key}: missing. Add it, e.g. `{key}: Riverside Careers`.")
        return ""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        problems.append(f"{where}.{key}: expected text, found {value!r}. Write it as text.")
        return ""
    text = str(value).strip()
    if control_characters(text):
        problems.append(
            f"{where}.{key}: '{printable(text)}' holds a line break or another control "
            "character. Write it on one line."
        )
        return ""
    return text


def _https(raw: dict, key: str, where: str, problems: list[str]) -> str:
    value = _text(raw, key, where, problems)
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - urlsplit checks the port only when asked
    except ValueError:
        parts = urlsplit("")
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() for c in value):
        problems.append(
            f"{where}.{key}: {value!r} is not an https:// address. Use the full https:// "
            "link (readers' browsers block or warn about plain http)."
        )
        return ""
    host = parts.netloc.rpartition(":")[0] if parts.port else parts.netloc
    if "@" in parts.netloc or "\\" in value:
        problems.append(
            f"{where}.{key}: {value!r} has a user name before '@', so it leads to "
            f"{parts.hostname!r}, not to the host it seems to name. Remove everything "
            "between 'https://' and '@'."
        )
        return ""
    if not _HOST.fullmatch(host.lower()):
        problems.append(
            f"{where}.{key}: {value!r} does not name a plain host after 'https://'. Write "
            "the host in letters, digits, hyphens and dots (punycode for other scripts)."
        )
        return ""
    return value


def _email(raw: dict, where: str, problems: list[str]) -> str:
    value = _text(raw, "email", where, problems)
    if value and not _EMAIL.fullmatch(value):
        problems.append(
            f"{where}.email: {value!r} is not an email address. Write it as name@example.edu."
        )
        return ""
    return value


def _phone(raw: dict, where: str, problems: list[str]) -> str:
    value = _text(raw, "phone", where, problems)
    if value and (not _PHONE.fullmatch(value) or sum(c.isdigit() for c in value) < 3):
        problems.append(
            f"{where}.phone: {value!r} is not a phone number. Use digits, spaces and +, "
            'in quotes, e.g. "+1 555 0100".'
        )
        return ""
    return value


def _color(colors: dict, key: str, minimum: float, problems: list[str]) -> str:
    value = colors.get(key)
    where = f"{PREFIX}.colors.{key}"
    if value is None:
        return ""
    if not isinstance(value, str) or not _HEX_COLOR.fullmatch(value):
        problems.append(
            f"{where}: {value!r} is not a color. Write a hex code in quotes, "
            'e.g. "#0b5d57" (YAML reads an unquoted # as a comment).'
        )
        return ""
    ratio = contrast(value, WHITE)
    if ratio < minimum:
        problems.append(
            f"{where}: {value} is too light: {ratio:.1f}:1 against white, at least "
            f"{minimum:g}:1 is needed to read it. Choose a darker shade."
        )
        return ""
    return value.lower()


def _file(
    raw: dict, key: str, types: tuple[str, ...], config_dir: Path, problems: list[str]
) -> Path | None:
    value = _text(raw, key, PREFIX, problems)
    if not value:
        return None
    path = _inside(value, key, config_dir, problems)
    if path is None:
        return None
    if path.suffix.lower() not in types:
        problems.append(
            f"{PREFIX}.{key}: {value!r} is not an image this site can show. "
            f"Use a {', '.join(types)} file."
        )
        return None
    if not path.is_file():
        problems.append(
            f"{PREFIX}.{key}: {value!r} does not exist (looked for {path}). "
            "Give the path relative to your mkdocs.yml."
        )
        return None
    return path


def _folder(raw: dict, key: str, config_dir: Path, problems: list[str]) -> Path | None:
    value = _text(raw, key, PREFIX, problems)
    if not value:
        return None
    path = _inside(value, key, config_dir, problems)
    if path is None:
        return None
    if not path.is_dir():
        problems.append(
            f"{PREFIX}.{key}: the folder {value!r} does not exist (looked for {path}). "
            "Give the folder of your own pages relative to your mkdocs.yml."
        )
        return None
    if path == Path(os.path.realpath(config_dir)):
        problems.append(
            f"{PREFIX}.{key}: {value!r} is the center's own folder, so mkdocs.yml and every "
            "other file in it would be published. Put your pages in a folder of their own, "
            "such as `pages`."
        )
        return None
    for link in _links_leaving(path):
        problems.append(
            f"{PREFIX}.{key}: {link.relative_to(path).as_posix()!r} in {value!r} is a link to "
            f"{os.path.realpath(link)}, outside the folder, which would be published. Copy the "
            "file into the folder instead of linking to it."
        )
    return path


def _inside(value: str, key: str, config_dir: Path, problems: list[str]) -> Path | None:
    """The path `value`, from `config_dir`, every link followed, if it stays inside that folder."""
    folder = Path(os.path.realpath(config_dir))
    path = Path(os.path.realpath(folder / value))
    if os.path.isabs(value) or not path.is_relative_to(folder):
        problems.append(
            f"{PREFIX}.{key}: {value!r} is outside the center's folder ({folder}). Copy it "
            f"into that folder and give its path from there, e.g. `{_EXAMPLES[key]}`."
        )
        return None
    return path


def _links_leaving(folder: Path) -> list[Path]:
    """The links under `folder` (to files or folders) whose target is outside it."""
    root = Path(os.path.realpath(folder))
    leaving = []
    for parent, folders, files in os.walk(folder):
        for name in sorted([*folders, *files]):
            path = Path(parent) / name
            if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
                leaving.append(path)
    return leaving


def _contact(raw: object, where: str, problems: list[str]) -> Contact | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(f"{where}: expected settings under it: {', '.join(_CONTACT_KEYS)}.")
        return None
    _unknown_keys(raw, _CONTACT_KEYS, where, problems)
    contact = Contact(
        name=_text(raw, "name", where, problems, required=True),
        phone=_phone(raw, where, problems),
        email=_email(raw, where, problems),
        url=_https(raw, "url", where, problems),
        hours=_text(raw, "hours", where, problems),
    )
    if not (contact.phone or contact.email or contact.url):
        problems.append(f"{where}: add a phone, email or url, so readers can reach it.")
    return contact


def _crisis(raw: object, problems: list[str]) -> tuple[Contact, ...]:
    if raw is None:
        return ()
    where = f"{PREFIX}.crisis"
    if not isinstance(raw, list):
        problems.append(f"{where}: expected a list, one `- name: ... phone: ...` per line.")
        return ()
    found = (_contact(item, f"{where}[{index}]", problems) for index, item in enumerate(raw))
    return tuple(contact for contact in found if contact)


def _nav_entries(raw: object, problems: list[str]) -> tuple[tuple[str, str], ...]:
    where = f"{PREFIX}.add_to_nav"
    if raw is None:
        return ()
    entries = raw if isinstance(raw, list) else [None]
    found = []
    for entry in entries:
        pair = next(iter(entry.items())) if isinstance(entry, dict) and len(entry) == 1 else None
        if pair is None or not all(isinstance(v, str) for v in pair):
            problems.append(
                f"{where}: expected a list of `- Menu title: page.md` lines, found {entry!r}."
            )
        elif problem := _page_problem(pair[1]):
            problems.append(
                f"{where}: {printable(pair[1])!r} {problem}. Name a page of your pages folder "
                "(or of ours) from that folder, such as `visit-us.md`."
            )
        elif any(char in pair[0] for char in "<>") or control_characters(pair[0]):
            problems.append(
                f"{where}: the menu title {printable(pair[0])!r} holds markup or a control "
                "character, which the menu would show as HTML. Write it as plain text."
            )
        else:
            found.append(pair)
    return tuple(found)


def _page_paths(raw: object, problems: list[str]) -> tuple[str, ...]:
    where = f"{PREFIX}.hide_from_nav"
    if raw is None:
        return ()
    paths = raw if isinstance(raw, list) else [raw]
    bad = [path for path in paths if not isinstance(path, str) or _page_problem(path)]
    if bad:
        problems.append(
            f"{where}: expected a list of our pages such as `- faq.md`, found {bad[0]!r}."
        )
        return ()
    return tuple(paths)


def _page_problem(path: str) -> str:
    """Why `path` does not name a Markdown page inside the docs (or the center's pages), or ''."""
    plain = posixpath.normpath(path)
    if not path.endswith(".md"):
        return "is not a Markdown page (a .md file)"
    if ":" in path or "\\" in path or control_characters(path):
        return "is an address, not a page path"
    if any(char in path for char in "*?["):
        return "is a pattern (it would match many pages), not a page path"
    if path.startswith("/") or plain == ".." or plain.startswith("../"):
        return "is outside the docs"
    return ""
