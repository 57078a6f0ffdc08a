"""One field of a certificate fitted into its box: the font its style asks for, reportlab's
widths of the bundled font, `domain.autofit` for the size and lines, and where each line goes.

Positions are PDF points from the page's bottom-left corner, before the printer offset.
A `Fitter` lives for one PDF: it remembers widths and fitted fields, because the issuer, the
decision and the signer are the same on every sheet and a long name is measured at many sizes.
"""

from __future__ import annotations

from dataclasses import dataclass

from emulation_desktop.documents.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_BOLD_ITALIC,
    SERIF_ITALIC,
    register_serif,
)
from emulation_desktop.domain.autofit import LEADING, Measure, fit_text
from emulation_desktop.domain.certificate_layout import Align, FieldBox

MM = 72.0 / 25.4  # points per millimetre
_FONTS = {
    (False, False): SERIF,
    (True, False): SERIF_BOLD,
    (False, True): SERIF_ITALIC,
    (True, True): SERIF_BOLD_ITALIC,
}


def font_for(box: FieldBox) -> str:
    return _FONTS[(box.bold, box.italic)]


def rgb(colour: str) -> tuple[float, float, float]:
    """ "#C8102E" as reportlab's 0–1 floats (the layout checked the form already)."""
    value = int(colour[1:7], 16)
    return ((value >> 16) / 255.0, ((value >> 8) & 0xFF) / 255.0, (value & 0xFF) / 255.0)


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    x: float  # left end of the drawn text
    y: float  # baseline
    width: float


@dataclass(frozen=True, slots=True)
class FieldFit:
    box: FieldBox
    font: str
    size: float
    lines: tuple[Line, ...]
    below_min: bool = False
    overflow: bool = False  # lines were cut: the renderer also clips to the box

    @property
    def fill(self) -> tuple[float, float, float]:
        return rgb(self.box.colour)


class Fitter:
    """Fits fields for one PDF, with its own caches (a second PDF measures afresh)."""

    def __init__(self) -> None:
        register_serif()
        from reportlab.pdfbase import pdfmetrics

        self._fonts = {name: pdfmetrics.getFont(name) for name in _FONTS.values()}
        self._widths: dict[tuple[str, str], float] = {}
        self._fits: dict[tuple[FieldBox, str, float], FieldFit] = {}
        face = self._fonts[SERIF].face
        # Lines are centred on the capitals' middle: Vietnamese marks above balance descenders.
        self._cap_half = face.capHeight / 2000.0

    def width(self, text: str, font: str, size: float) -> float:
        key = (text, font)
        unit = self._widths.get(key)
        if unit is None:
            unit = self._widths[key] = self._fonts[font].stringWidth(text, 1.0)
        return unit * size

    def measure(self, font: str) -> Measure:
        return lambda text, size: self.width(text, font, size)

    def fit(self, box: FieldBox, text: str, page_height_pt: float) -> FieldFit:
        """`text` fitted into `box` on a page `page_height_pt` tall (text already NFC)."""
        key = (box, text, page_height_pt)
        done = self._fits.get(key)
        if done is None:
            done = self._fits[key] = self._fit(box, text, page_height_pt)
        return done

    def _fit(self, box: FieldBox, text: str, page_height: float) -> FieldFit:
        font = font_for(box)
        left, width = box.x_mm * MM, box.width_mm * MM
        top, height = page_height - box.y_mm * MM, box.height_mm * MM
        fitted = fit_text(text, width, height, box.size, box.min_size, self.measure(font))
        size = fitted.size
        overflow = fitted.overflow
        step = size * LEADING
        block = len(fitted.lines) * step
        if len(fitted.lines) == 1 and block > height:
            step = block = size  # a one-line box may be as tall as the letters only
        first = top - (height - block) / 2 - step / 2 - self._cap_half * size
        lines = []
        for i, raw in enumerate(fitted.lines):
            text_line, line_width = self._cut(raw, font, size, width)
            overflow = overflow or text_line != raw
            if not text_line:
                continue
            if box.align is Align.LEFT:
                x = left
            elif box.align is Align.RIGHT:
                x = left + width - line_width
            else:
                x = left + (width - line_width) / 2
            lines.append(Line(text_line, x, first - i * step, line_width))
        below = fitted.below_min or overflow
        return FieldFit(box, font, size, tuple(lines), below, overflow)

    def _cut(self, line: str, font: str, size: float, width: float) -> tuple[str, float]:
        """The line, shortened from the end when even one letter is wider than the box."""
        w = self.width(line, font, size)
        while line and w > width + 1e-6:
            line = line[:-1].rstrip()
            w = self.width(line, font, size)
        return line, w
