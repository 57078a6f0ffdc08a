"""Text widths in points, measured on Liberation Serif (the metrics of Times New Roman), so the
header rules come out exactly as long as NĐ 30 asks."""

from __future__ import annotations

from functools import lru_cache

from emulation_desktop.documents.fonts import SERIF, SERIF_BOLD, register_serif


@lru_cache(maxsize=256)
def text_width_pt(text: str, size: float, *, bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_serif()
    return stringWidth(text, SERIF_BOLD if bold else SERIF, size)
