"""Fitting a text into its box on a certificate: shrink, wrap, never overflow.

Pure: the width of a string at a size comes from the `measure` function the renderer passes in
(reportlab's stringWidth on the bundled font), so this module knows no font library.

The rule, from the largest size down in half points: the first size at which the text fits the
box, on one line or wrapped into as many lines as the box's height holds. A one-line box (a
name) therefore shrinks first and wraps only when two small lines fit; a tall box (an
achievement) wraps at its own size first. Below the layout's minimum the text still shrinks to
`FLOOR` but is flagged, so the officer is told before printing; a text that does not fit even
then is cut and flagged as overflowing, and the renderer draws nothing outside the box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Measure = Callable[[str, float], float]  # (text, size in pt) -> width in pt

LEADING = 1.2  # line height as a multiple of the font size
FLOOR = 5.0  # the smallest size ever drawn; below the layout's minimum is flagged
STEP = 0.5


@dataclass(frozen=True, slots=True)
class Fitted:
    lines: tuple[str, ...]
    size: float
    below_min: bool = False  # smaller than the layout's minimum size
    overflow: bool = False  # did not fit even at FLOOR: `lines` is cut to what fits

    @property
    def line_height(self) -> float:
        return self.size * LEADING


def fit_text(
    text: str, width: float, height: float, size: float, min_size: float, measure: Measure
) -> Fitted:
    """Fit `text` ("\\n" forces a line break) into a box `width` × `height` points."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    if not any(paragraphs):
        return Fitted((), size)
    min_size = min(min_size, size)
    current = size
    while current >= FLOOR - 1e-9:
        lines = _wrap_all(paragraphs, width, current, measure)
        if len(lines) * current * LEADING <= height + 1e-6 or (
            len(lines) == 1 and current <= height + 1e-6
        ):
            return Fitted(tuple(lines), current, below_min=current < min_size - 1e-9)
        current = round(current - STEP, 2)
    lines = _wrap_all(paragraphs, width, FLOOR, measure)
    room = max(1, int(height // (FLOOR * LEADING)))
    return Fitted(tuple(lines[:room]), FLOOR, below_min=True, overflow=True)


def _wrap_all(paragraphs: list[str], width: float, size: float, measure: Measure) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        out.extend(wrap(p, width, size, measure) if p else [""])
    return out


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Greedy word wrap; a word wider than the box is broken between letters."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if measure(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while measure(word, size) > width and len(word) > 1:
            cut = _longest_prefix(word, width, size, measure)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _longest_prefix(word: str, width: float, size: float, measure: Measure) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(word[:mid], size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo
