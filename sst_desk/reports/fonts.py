"""The one embedded font family of every SST Desk document, registered once per process.

DejaVu Sans (shipped in ``resources/fonts`` with its licence) covers Swedish and
the Latin, Greek and Cyrillic letters that appear in students' and guardians'
names (ł, ş, ő, ț …), which the Vera fonts inside reportlab lack. Characters the
font has no glyph for are replaced by U+FFFD rather than silently vanishing.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sst_desk.paths import resource

REGULAR = "SSTSans"
BOLD = "SSTSans-Bold"
ITALIC = "SSTSans-Oblique"
FAMILY = REGULAR
# The condensed cut sets table cells: more of a long Swedish compound fits a narrow column.
CONDENSED = "SSTSansCondensed"
CONDENSED_BOLD = "SSTSansCondensed-Bold"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
REPLACEMENT = "\ufffd"

_lock = threading.Lock()
_covered: frozenset[int] | None = None


def register_fonts() -> None:
    """Register the family with reportlab (idempotent and thread-safe)."""
    global _covered
    if _covered is not None:
        return
    with _lock:
        if _covered is not None:
            return
        fonts = {name: TTFont(name, str(resource("fonts", filename))) for name, filename in _FILES.items()}
        for font in fonts.values():
            pdfmetrics.registerFont(font)
        # <b> and <i> in Paragraph markup resolve through these mappings; there is
        # no bold-oblique file, so bold italic falls back to bold.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD)
        addMapping(CONDENSED, 0, 0, CONDENSED)
        addMapping(CONDENSED, 1, 0, CONDENSED_BOLD)
        addMapping(CONDENSED, 0, 1, CONDENSED)
        addMapping(CONDENSED, 1, 1, CONDENSED_BOLD)
        covered = set(fonts[REGULAR].face.charToGlyph)
        for font in fonts.values():
            covered &= set(font.face.charToGlyph)
        _covered = frozenset(covered)


def missing_glyphs(text: str) -> set[str]:
    """The printable characters of ``text`` that the family cannot draw."""
    register_fonts()
    assert _covered is not None
    return {ch for ch in text if ord(ch) not in _covered and ch not in "\n\r\t"}


def printable(text: str) -> str:
    """``text`` with every character the font lacks replaced by U+FFFD."""
    register_fonts()
    assert _covered is not None
    covered = _covered
    if all(ord(ch) in covered or ch in "\n\r\t" for ch in text):
        return text
    return "".join(ch if ord(ch) in covered or ch in "\n\r\t" else REPLACEMENT for ch in text)
