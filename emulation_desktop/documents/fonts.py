"""The bundled serif (Liberation Serif: Times New Roman metrics, full Vietnamese) in reportlab."""

from __future__ import annotations

from pathlib import Path

from emulation_desktop.paths import resource_path

SERIF = "TNR"
SERIF_BOLD = "TNR-B"
SERIF_ITALIC = "TNR-I"
SERIF_BOLD_ITALIC = "TNR-BI"
FONT_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


def font_file(name: str) -> Path:
    return resource_path("fonts", FONT_FILES[name])


def register_serif() -> str:
    """Register the four styles once per process; returns the family name for reportlab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if SERIF not in pdfmetrics.getRegisteredFontNames():
        for name in FONT_FILES:
            pdfmetrics.registerFont(TTFont(name, str(font_file(name))))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
        )
    return SERIF
