"""The calibration page: a millimetre grid numbered from the paper's corner and two crosses at
known places, printed once per printer to measure how far it shifts what it prints."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from emulation_desktop.documents.certificates.fitting import MM, Fitter
from emulation_desktop.documents.fonts import SERIF, SERIF_BOLD
from emulation_desktop.domain.autofit import LEADING, fit_text
from emulation_desktop.domain.certificate_layout import Paper
from emulation_desktop.domain.errors import UserError

CROSS_MM = 20.0  # both crosses lie this far from their corner's two edges
LABEL_MM = 7.5  # the numbers sit this far in: most printers cannot print the outer 5 mm
_GRID = ((1, 0.88, 0.2), (5, 0.6, 0.35), (10, 0.3, 0.6))  # step mm, grey, line width pt


def instructions(paper: Paper) -> list[str]:
    size = f"{paper.width_mm:g} × {paper.height_mm:g} mm".replace(".", ",")
    c = f"{CROSS_MM:g}"
    return [
        "TRANG CĂN CHỈNH MÁY IN",
        f"In trang này đúng cỡ thật (100 %, không chọn «Vừa khổ giấy») trên máy in và khổ giấy "
        f"{paper.name} {size} dùng để in giấy khen.",
        f"1. Dùng thước đo từ mép trái và mép trên của tờ giấy tới tâm dấu chữ thập ở góc trên "
        f"bên trái: đúng ra là {c} mm và {c} mm. Các số trên lưới là khoảng cách (mm) tính từ "
        "góc giấy khi máy in không lệch.",
        f"2. Độ lệch X = {c} trừ số đo từ mép trái; độ lệch Y = {c} trừ số đo từ mép trên. Ví dụ "
        "đo được 22 mm thì nhập −2; đo được 19 mm thì nhập 1.",
        "3. Cũng có thể đặt tờ này chồng lên một tờ phôi, soi lên ánh sáng và đọc trên lưới "
        "khoảng lệch giữa dấu chữ thập và vị trí mong muốn.",
        f"4. Dấu chữ thập ở góc dưới bên phải cũng phải cách mép phải và mép dưới {c} mm; nếu "
        "lệch khác góc trên, máy in đang co giãn trang: hãy tắt chế độ co giãn rồi in lại.",
        "5. Nhập độ lệch X, Y cho máy in này trong chương trình, in lại trang này để kiểm tra.",
    ]


def write_calibration_pdf(out: Path | BinaryIO, paper: Paper) -> None:
    """One page the size of `paper`: grid, numbers, crosses and the instructions."""
    from reportlab.pdfgen import canvas

    w, h = paper.width_mm * MM, paper.height_mm * MM
    fitter = Fitter()
    target = str(out) if isinstance(out, str | Path) else out
    c = canvas.Canvas(target, pagesize=(w, h), initialFontName=SERIF)
    c.setTitle(f"Trang căn chỉnh máy in – {paper.name}")
    c.setCreator("Thi đua – Khen thưởng")
    for step, grey, width in _GRID:
        c.setStrokeGray(grey)
        c.setLineWidth(width)
        xs = [i * step * MM for i in range(int(paper.width_mm // step) + 1)]
        ys = [h - i * step * MM for i in range(int(paper.height_mm // step) + 1)]
        c.lines([(x, 0, x, h) for x in xs] + [(0, y, w, y) for y in ys])
    c.setFont(SERIF, 7)
    for i in range(10, int(paper.width_mm) + 1, 10):
        if i <= paper.width_mm - 3:
            _number(c, i * MM, h - LABEL_MM * MM, str(i))
    for i in range(10, int(paper.height_mm) + 1, 10):
        if i <= paper.height_mm - 3:
            _number(c, LABEL_MM * MM, h - i * MM - 2.4, str(i))
    _instructions(c, fitter, paper)
    _cross(c, CROSS_MM * MM, h - CROSS_MM * MM, f"X {CROSS_MM:g} mm; Y {CROSS_MM:g} mm")
    _cross(c, w - CROSS_MM * MM, CROSS_MM * MM, "")
    c.showPage()
    try:
        c.save()
    except OSError as e:
        raise UserError(
            "Không ghi được trang căn chỉnh: thư mục không tồn tại, không có quyền ghi hoặc tệp "
            "đang được mở trong chương trình khác."
        ) from e


def _number(c, x: float, y: float, text: str) -> None:  # type: ignore[no-untyped-def]
    """A grid number centred on `x`, on white so the grid lines do not cross it."""
    width = c.stringWidth(text, SERIF, 7)
    c.setFillGray(1)
    c.rect(x - width / 2 - 0.8, y - 1.8, width + 1.6, 7.6, stroke=0, fill=1)
    c.setFillGray(0)
    c.drawCentredString(x, y, text)


def _cross(c, x: float, y: float, label: str) -> None:  # type: ignore[no-untyped-def]
    arm = 6 * MM
    c.setFillGray(1)
    c.circle(x, y, 4 * MM, stroke=0, fill=1)
    c.setStrokeGray(0)
    c.setLineWidth(0.9)
    c.line(x - arm, y, x + arm, y)
    c.line(x, y - arm, x, y + arm)
    c.circle(x, y, 2.5 * MM, stroke=1, fill=0)
    if label:
        c.setFont(SERIF_BOLD, 8)
        width = c.stringWidth(label, SERIF_BOLD, 8)
        c.setFillGray(1)
        c.rect(x + 4 * MM - 1, y + 3 * MM - 2.5, width + 2, 10.5, stroke=0, fill=1)
        c.setFillGray(0)
        c.drawString(x + 4 * MM, y + 3 * MM, label)


def _instructions(c, fitter: Fitter, paper: Paper) -> None:  # type: ignore[no-untyped-def]
    """A white panel in the middle, clear of the crosses, the text shrunk to fit small paper."""
    w, h = paper.width_mm * MM, paper.height_mm * MM
    clear = 2 * (CROSS_MM + 8) * MM  # the crosses and their labels stay uncovered
    pw = max(min(w * 0.6, w - clear), w * 0.45)  # tiny paper: the crosses are drawn over it
    ph = max(min(h * 0.5, h - clear), h * 0.35)
    x0, y0 = (w - pw) / 2, (h - ph) / 2
    c.setFillGray(1)
    c.setStrokeGray(0)
    c.setLineWidth(0.8)
    c.rect(x0, y0, pw, ph, stroke=1, fill=1)
    pad = min(pw, ph) * 0.06
    paragraphs = instructions(paper)
    size = min(12.0, ph / 14)
    while True:
        blocks = [fit_text(p, pw - 2 * pad, 10_000, size, size,
                           fitter.measure(SERIF_BOLD if i == 0 else SERIF))
                  for i, p in enumerate(paragraphs)]  # fmt: skip
        lines = sum(len(b.lines) for b in blocks) + len(blocks)
        if lines * size * LEADING <= ph - 2 * pad or size <= 4:
            break
        size -= 0.5
    c.saveState()
    panel = c.beginPath()
    panel.rect(x0, y0, pw, ph)
    c.clipPath(panel, stroke=0, fill=0)  # on tiny paper the words may not all fit
    c.setFillGray(0)
    y = y0 + ph - pad - size
    for i, block in enumerate(blocks):
        c.setFont(SERIF_BOLD if i == 0 else SERIF, size)
        for line in block.lines:
            if i == 0:
                c.drawCentredString(w / 2, y, line)
            else:
                c.drawString(x0 + pad, y, line)
            y -= size * LEADING
        y -= size * LEADING * 0.5
    c.restoreState()
