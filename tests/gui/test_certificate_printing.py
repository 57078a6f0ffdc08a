"""Printing a PDF on paper through QtPdf and QPrinter (a PDF printer here: no CUPS): each page
on a sheet of its own size, drawn where the source put it; Hủy stops after the page being
printed; a printer that stops taking pages, or never starts, ends the job with the count of
sheets it took. The calibration dialog prints its grid without offset and keeps an offset per
printer; the blanks dialog adds to the stock."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from PySide6.QtPrintSupport import QPrinter

from emulation_desktop.domain.certificate_layout import A4_LANDSCAPE
from emulation_desktop.domain.certificates import BlankKind
from emulation_desktop.services.certificates import Offset
from tests.gui.tab_helpers import record_messages
from tests.gui.test_certificates_page import FailingPrinter, ink_box

from emulation_desktop.gui.certificates import calibration_dialog
from emulation_desktop.gui.certificates.blanks_dialog import BlanksDialog
from emulation_desktop.gui.certificates.calibration_dialog import DEFAULT_PRINTER, CalibrationDialog
from emulation_desktop.gui.certificates.printing import print_pdf, stopped_message
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

SIZES = [(297, 210), (420, 297), (297, 210)]  # A4 ngang, A3 ngang, A4 ngang


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """Three pages, one of them A3: a black box 20 mm from the top-left corner, 30 × 20 mm."""
    path = tmp_path / "nguon.pdf"
    c = canvas.Canvas(str(path))
    for w, h in SIZES:
        c.setPageSize((w * mm, h * mm))
        c.rect(20 * mm, (h - 40) * mm, 30 * mm, 20 * mm, stroke=0, fill=1)
        c.showPage()
    c.save()
    return path


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_every_page_on_a_sheet_of_its_size_where_the_source_put_it(  # type: ignore[no-untyped-def]
    qapp, source, tmp_path
) -> None:
    out = tmp_path / "in.pdf"
    outcome = print_pdf(source, pdf_printer(out))
    assert (outcome.sent, outcome.total, outcome.cancelled, outcome.error) == (3, 3, False, "")
    pages = PdfReader(str(out)).pages
    sizes = [(round(float(p.mediabox.width) / mm), round(float(p.mediabox.height) / mm))
             for p in pages]  # fmt: skip
    assert sizes == SIZES
    for i in range(3):
        # No margin, no scaling: the box is 20 mm (57 pt) from the paper's corner on paper too.
        assert ink_box(out, i) == pytest.approx(ink_box(source, i), abs=1)
        left, _top, right, _bottom = ink_box(out, i)
        assert abs(left - 20 * 72 / 25.4) <= 1 and abs(right - left - 30 * 72 / 25.4) <= 2


def test_cancel_stops_after_the_page_being_printed(qapp, source, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "huy.pdf"
    seen: list[tuple[int, int]] = []
    outcome = print_pdf(source, pdf_printer(out), lambda done, total: seen.append((done, total))
                        or done < 1)  # fmt: skip
    assert seen == [(1, 3)]
    assert (outcome.sent, outcome.cancelled, outcome.error) == (1, True, "")
    assert len(PdfReader(str(out)).pages) == 1


def test_a_printer_that_stops_taking_pages_counts_only_what_it_took(  # type: ignore[no-untyped-def]
    qapp, source, tmp_path
) -> None:
    outcome = print_pdf(source, FailingPrinter(tmp_path / "ngung.pdf", accepts=1))
    assert (outcome.sent, outcome.total) == (1, 3)
    assert outcome.error == stopped_message(1)
    assert outcome.error.startswith("Máy in ngừng nhận sau 1 tờ: ")


def test_a_printer_that_cannot_start_sends_nothing(qapp, qtlog, source, tmp_path) -> None:  # type: ignore[no-untyped-def]
    printer = pdf_printer(tmp_path / "khong-co-thu-muc" / "x.pdf")
    with qtlog.disabled():
        outcome = print_pdf(source, printer)
    assert (outcome.sent, outcome.error) == (0, stopped_message(0))


def test_a_file_that_is_not_a_pdf_is_not_printed(qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"not a pdf")
    outcome = print_pdf(bad, pdf_printer(tmp_path / "x.pdf"))
    assert outcome.sent == 0 and outcome.error.startswith("Không đọc được tệp PDF")


@pytest.fixture
def calibration(qtbot, demo_context, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(calibration_dialog.QPrinterInfo, "availablePrinterNames", lambda: [])
    dialog = CalibrationDialog(demo_context.services.certificates, SyncTaskRunner(), A4_LANDSCAPE)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_calibration_prints_the_grid_without_offset_and_keeps_one_per_printer(  # type: ignore[no-untyped-def]
    calibration, demo_context, monkeypatch, tmp_path
) -> None:
    said = record_messages(monkeypatch, calibration_dialog)
    service = demo_context.services.certificates
    service.save_calibration("", Offset(4.0, 0.0))  # offsets never move the grid itself
    calibration.dx.setValue(0)
    assert calibration.printer.itemText(0) == DEFAULT_PRINTER
    out = tmp_path / "luoi.pdf"

    def to_pdf(_parent, printer: QPrinter) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    calibration.choose_printer = to_pdf
    calibration.print_button.click()
    assert said[0].startswith("Đã in trang căn chỉnh.")
    assert len(PdfReader(str(out)).pages) == 1
    grid = tmp_path / "goc.pdf"
    service.write_calibration_page(A4_LANDSCAPE, grid)
    assert ink_box(out) == pytest.approx(ink_box(grid), abs=1)

    calibration.printer.addItem("HP LaserJet P2035", "HP LaserJet P2035")
    calibration.printer.setCurrentIndex(1)
    assert (calibration.dx.value(), calibration.dy.value()) == (0, 0)
    calibration.dx.setValue(1.5)
    calibration.dy.setValue(-2)
    calibration.save_button.click()
    assert service.calibration("HP LaserJet P2035") == Offset(1.5, -2.0)
    assert service.calibration("") == Offset(4.0, 0.0)
    assert "+ sang phải" in calibration.dx.suffix() and "+ xuống dưới" in calibration.dy.suffix()


def test_reopened_calibration_shows_the_saved_offset(calibration, demo_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    calibration.dx.setValue(-3.5)
    calibration.dy.setValue(2)
    calibration.save_button.click()
    again = CalibrationDialog(demo_context.services.certificates, SyncTaskRunner(), A4_LANDSCAPE)
    qtbot.addWidget(again)
    assert (again.dx.value(), again.dy.value()) == (-3.5, 2.0)


def test_blanks_received_add_to_the_stock(qtbot, demo_context) -> None:  # type: ignore[no-untyped-def]
    service = demo_context.services.certificates
    dialog = BlanksDialog(service, SyncTaskRunner(), BlankKind.GIAY_KHEN)
    qtbot.addWidget(dialog)
    assert "Phôi giấy khen: đã nhận 0 · đã dùng 0 · hỏng 0 · còn 0" in dialog.stock_label.text()
    dialog.save_button.click()  # nothing typed
    assert dialog.errors.message("quantity").startswith("Số phôi nhận phải từ 1 đến")
    dialog.quantity.setValue(200)
    dialog.day.setText("05/11/2026")
    dialog.note.setText("Nhận từ Ban Thi đua – Khen thưởng tỉnh")
    dialog.save_button.click()
    assert dialog.result() == BlanksDialog.DialogCode.Accepted
    stock = {s.blank: s for s in service.stock()}
    assert (stock[BlankKind.GIAY_KHEN].received, stock[BlankKind.GIAY_KHEN].left) == (200, 200)
    assert stock[BlankKind.CERTIFICATE].received == 0


def test_the_calibration_explanation_sits_below_the_offsets_in_full(calibration) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    explanation = calibration.findChild(QLabel, "explanation")
    dy_bottom = calibration.dy.mapTo(calibration, calibration.dy.rect().bottomLeft()).y()
    top = explanation.mapTo(calibration, explanation.rect().topLeft()).y()
    assert top > dy_bottom
    needed = explanation.heightForWidth(explanation.width())
    assert explanation.height() >= needed  # no line of the explanation is cut off
