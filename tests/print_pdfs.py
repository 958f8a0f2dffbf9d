"""Helpers for the print tests: PDF text, page counts and QR codes of printed pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

from conftest import missing_tool

_AFTER_HYPHEN = re.compile(r"- ")


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page of a PDF, as `one_line` writes it."""
    from pypdf import PdfReader

    return [one_line(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def one_line(text: str) -> str:
    """`text` on one line, to compare screen and PDF text.

    White space becomes one space, and none is kept after a hyphen: a printed
    line may break after one ("follow-" then "ups").
    """
    return _AFTER_HYPHEN.sub("-", " ".join(text.split()))


def qr_codes(pdf: bytes, page: int = 1) -> list[str]:
    """The text of every QR code on one page of a PDF: rendered by pdftoppm, read by zxing-cpp."""
    if shutil.which("pdftoppm") is None:
        missing_tool("pdftoppm not found. Install Debian's package: apt-get install poppler-utils")
    import zxingcpp
    from PIL import Image

    command = ["pdftoppm", "-r", "150", "-gray", "-png", "-singlefile"]
    png = subprocess.run(
        [*command, "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
