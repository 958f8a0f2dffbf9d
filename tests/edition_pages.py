"""Helpers for browser tests of the editions: the language switcher and a Spanish page."""

from __future__ import annotations

from playwright.sync_api import expect


def switch_language(page, code: str) -> None:
    """Open the header's language menu and choose the edition `code`."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang='{code}']").click()


def record_failures(page) -> list[str]:
    """Every request of `page` that failed or was answered with an error, as it happens."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    return failed


def in_spanish(page) -> None:
    """The page is marked Spanish and Material's interface speaks Spanish."""
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator(".md-header__option .md-select button")).to_have_attribute(
        "aria-label", "Seleccionar idioma"
    )
    expect(page.locator("input.md-search__input")).to_have_attribute("placeholder", "Búsqueda")


# A few Spanish pages every gate also checks (not all, to keep the run short): a guide
# with checklists, the templates with the details form, the progress page and the plan.
SPANISH_PAGES = {
    "es guide": "es/guides/process-the-news/",
    "es templates": "es/templates/",
    "es progress": "es/progress/",
    "es plan": "es/next-30-days/",
}
