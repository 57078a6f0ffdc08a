"""The decorative border of a certificate printed on plain paper (full mode).

A traditional double frame in red and gold about 10 mm inside the paper: a heavy red line, a
gold line, and a thin red inner line whose corners curve inward around an ornament (a gold
diamond and two gold flourishes along the edges). Everything is drawn with reportlab paths in
units of the A4 design, scaled to the paper, so A3 and custom sizes keep the proportions.
"""

from __future__ import annotations

from emulation_desktop.documents.certificates.fitting import MM, rgb
from emulation_desktop.domain.certificate_layout import RED

GOLD = "#C9A227"
PALE_GOLD = "#F6E7B8"
MARGIN_MM = 10.0  # outer line from the paper's edge, on A4
_A4 = (297.0, 210.0)


def draw_border(c, width: float, height: float) -> None:  # type: ignore[no-untyped-def]
    """Draw the frame on a page `width` × `height` points (bottom-left origin)."""
    f = min(width / (_A4[0] * MM), height / (_A4[1] * MM))
    u = MM * f  # one millimetre of the A4 design
    red, gold = rgb(RED), rgb(GOLD)
    c.saveState()
    c.setLineJoin(1)
    outer = MARGIN_MM * u
    c.setStrokeColorRGB(*red)
    c.setLineWidth(2.6 * f)
    c.rect(outer, outer, width - 2 * outer, height - 2 * outer, stroke=1, fill=0)
    band = outer + 1.9 * u
    p = c.beginPath()
    p.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    p.rect(band, band, width - 2 * band, height - 2 * band)
    c.setFillColorRGB(*rgb(PALE_GOLD))
    c.drawPath(p, stroke=0, fill=1, fillMode=0)
    c.setStrokeColorRGB(*gold)
    c.setLineWidth(1.1 * f)
    c.rect(band, band, width - 2 * band, height - 2 * band, stroke=1, fill=0)
    inner = outer + 3.8 * u
    notch = 6.5 * u
    c.setStrokeColorRGB(*red)
    c.setLineWidth(0.7 * f)
    _notched_rect(c, inner, inner, width - inner, height - inner, notch)
    corners = ((inner, inner, 0), (width - inner, inner, 90),
               (width - inner, height - inner, 180), (inner, height - inner, 270))  # fmt: skip
    for x, y, angle in corners:
        c.saveState()
        c.translate(x, y)
        c.rotate(angle)
        _corner(c, u, notch, red, gold)
        c.restoreState()
    for x, y in ((width / 2, band), (width / 2, height - band), (band, height / 2),
                 (width - band, height / 2)):  # fmt: skip
        _diamond(c, x, y, 1.7 * u, red, gold, 0.6 * f)
    c.restoreState()


def _notched_rect(c, x0: float, y0: float, x1: float, y1: float, r: float) -> None:  # type: ignore[no-untyped-def]
    """A rectangle whose four corners are quarter circles curving into the page."""
    p = c.beginPath()
    p.moveTo(x0 + r, y0)
    p.lineTo(x1 - r, y0)
    p.arcTo(x1 - r, y0 - r, x1 + r, y0 + r, 180, -90)
    p.lineTo(x1, y1 - r)
    p.arcTo(x1 - r, y1 - r, x1 + r, y1 + r, 270, -90)
    p.lineTo(x0 + r, y1)
    p.arcTo(x0 - r, y1 - r, x0 + r, y1 + r, 0, -90)
    p.lineTo(x0, y0 + r)
    p.arcTo(x0 - r, y0 - r, x0 + r, y0 + r, 90, -90)
    p.close()
    c.drawPath(p, stroke=1, fill=0)


def _corner(c, u: float, notch: float, red, gold) -> None:  # type: ignore[no-untyped-def]
    """One corner ornament; the inner frame's corner is the origin, the page lies at +x, +y."""
    _diamond(c, 0.36 * notch, 0.36 * notch, 2.4 * u, red, gold, 0.6 * u / MM)
    _diamond(c, 0.36 * notch, 0.36 * notch, 0.9 * u, red, red, 0.1 * u / MM)
    c.setStrokeColorRGB(*gold)
    c.setFillColorRGB(*gold)
    c.setLineWidth(0.8 * u / MM)
    for swap in (False, True):

        def pt(x: float, y: float, swap: bool = swap) -> tuple[float, float]:
            return (y * u, x * u) if swap else (x * u, y * u)

        n = notch / u
        p = c.beginPath()
        # A scroll: a long wave along the edge ending in a curl, and a short leaf under it.
        p.moveTo(*pt(n + 0.8, 1.4))
        p.curveTo(*pt(n + 5, 5.0), *pt(n + 10, 0.4), *pt(n + 15, 2.6))
        p.curveTo(*pt(n + 17, 3.6), *pt(n + 18.6, 2.4), *pt(n + 17.6, 1.3))
        p.curveTo(*pt(n + 16.8, 0.5), *pt(n + 15.6, 1.2), *pt(n + 16.2, 2.0))
        p.moveTo(*pt(n + 4.6, 3.4))
        p.curveTo(*pt(n + 6.5, 6.2), *pt(n + 9.5, 5.8), *pt(n + 10.5, 4.6))
        c.drawPath(p, stroke=1, fill=0)
        for x, y, r in ((n + 10.5, 4.6, 0.55), (n + 2.6, 4.2, 0.45), (n + 7.2, 2.0, 0.4)):
            c.circle(*pt(x, y), r * u, stroke=0, fill=1)


def _diamond(c, x: float, y: float, r: float, red, gold, line: float) -> None:  # type: ignore[no-untyped-def]
    p = c.beginPath()
    p.moveTo(x, y - r)
    p.lineTo(x + r, y)
    p.lineTo(x, y + r)
    p.lineTo(x - r, y)
    p.close()
    c.setFillColorRGB(*gold)
    c.setStrokeColorRGB(*red)
    c.setLineWidth(line)
    c.drawPath(p, stroke=1, fill=1)
