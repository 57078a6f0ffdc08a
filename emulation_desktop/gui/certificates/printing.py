"""Printing a certificates PDF on paper (tech-notes §3): each page rendered by QtPdf and drawn
over the whole sheet in full-page mode, so a millimetre in the layout is a millimetre from the
paper's corner (what a pre-printed blank needs); no scaling to the printer's margins.

A page counts as sent only once the printer took it: the next `newPage()` succeeded, or, for the
last page, `QPainter.end()` did. A printer that stops mid-job (switched off, out of paper,
unplugged) ends the job there and the caller records only the pages sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.certificate_layout import Paper

# Finer than any office printer places toner dots for text on a blank; above it QtPdf only
# spends memory (a 600-dpi A4 page is a 139 MB image).
DPI_CAP = 300
MM_PER_PT = 25.4 / 72

# (pages done, pages in all) -> False to stop after the page just drawn (Hủy).
Progress = Callable[[int, int], bool]
# Shows the print dialog for `printer`; False when the officer cancelled.
ChoosePrinter = Callable[[QWidget, QPrinter], bool]


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """sent: the pages the printer accepted, counted from the first; error: why it stopped
    early ("" when it did not)."""

    sent: int
    total: int
    cancelled: bool = False
    error: str = ""


def stopped_message(sent: int) -> str:
    return (
        f"Máy in ngừng nhận sau {sent} tờ: máy in có thể đã tắt, hết giấy, kẹt giấy hoặc mất "
        "kết nối. Chương trình chỉ ghi nhận những tờ đã gửi được; hãy kiểm tra máy in rồi in "
        "lại các tờ còn thiếu."
    )


def set_paper(printer: QPrinter, width_mm: float, height_mm: float) -> None:
    """The printer's page is the certificate's paper, with no margins, origin at its corner."""
    landscape = width_mm > height_mm
    portrait_size = QSizeF(min(width_mm, height_mm), max(width_mm, height_mm))
    # A fuzzy match makes 297 × 210 the printer's own A4 (drivers pick the tray by size).
    size = QPageSize(portrait_size, QPageSize.Unit.Millimeter)
    orientation = QPageLayout.Orientation.Portrait
    if landscape:
        orientation = QPageLayout.Orientation.Landscape
    layout = QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)
    printer.setFullPage(True)
    printer.setPageLayout(layout)
    printer.setFullPage(True)


def set_printer_paper(printer: QPrinter, paper: Paper) -> None:
    set_paper(printer, paper.width_mm, paper.height_mm)


def new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Giấy khen")
    return printer


def print_pdf(
    path: Path,
    printer: QPrinter,
    progress: Progress | None = None,
    *,
    dpi_cap: int = DPI_CAP,
) -> PrintOutcome:
    """Print every page of the PDF at `path` on `printer`, each on a sheet of its own size."""
    doc = QPdfDocument()
    doc.load(str(path))
    try:
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() == 0:
            return PrintOutcome(0, 0, error="Không đọc được tệp PDF để in; hãy tạo lại rồi in.")
        return _print_pages(doc, printer, progress, dpi_cap)
    finally:
        doc.close()


def _print_pages(
    doc: QPdfDocument, printer: QPrinter, progress: Progress | None, dpi_cap: int
) -> PrintOutcome:
    total = doc.pageCount()
    size = doc.pagePointSize(0)
    set_paper(printer, size.width() * MM_PER_PT, size.height() * MM_PER_PT)
    painter = QPainter()
    if not painter.begin(printer):
        return PrintOutcome(0, total, error=stopped_message(0))
    drawn = 0
    try:
        for i in range(total):
            if i:
                page = doc.pagePointSize(i)
                if page != size:
                    size = page  # a layout on other paper: the next sheet takes its size
                    set_paper(printer, size.width() * MM_PER_PT, size.height() * MM_PER_PT)
                if not printer.newPage():
                    # The page before was never confirmed: count only those before it.
                    return PrintOutcome(i - 1, total, error=stopped_message(i - 1))
            _draw_page(doc, i, printer, painter, dpi_cap)
            drawn = i + 1
            if progress is not None and not progress(drawn, total):
                break
    finally:
        ended = painter.end()
    if not ended:
        return PrintOutcome(drawn - 1, total, error=stopped_message(drawn - 1))
    return PrintOutcome(drawn, total, cancelled=drawn < total)


def _draw_page(doc: QPdfDocument, index: int, printer: QPrinter, painter: QPainter,
               dpi_cap: int) -> None:  # fmt: skip
    points = doc.pagePointSize(index)
    dpi = min(printer.resolution(), dpi_cap)
    image = doc.render(index, QSize(round(points.width() * dpi / 72),
                                    round(points.height() * dpi / 72)))  # fmt: skip
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)


def choose_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The system's print dialog; the paper and full-page mode are set again after it (a driver
    may reset them), since the sheet must match the layout millimetre for millimetre."""
    layout = printer.pageLayout()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In giấy khen")
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    size = layout.fullRect(QPageLayout.Unit.Millimeter)
    set_paper(printer, size.width(), size.height())
    return True
