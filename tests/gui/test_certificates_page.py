"""Giấy khen & In on the demo commune: the decision's sheets in the order names are read out or in
the list's order, the preview, printing to a PDF printer (one record per sheet sent, blanks
counted only on blanks), a printer that stops mid-job, a reprint, a spoiled sheet, the checks
before printing and the printer's calibration offset on paper."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from emulation_desktop.domain.certificates import CertificateKind, FieldKey, PrintMode
from emulation_desktop.services.certificates import Offset
from emulation_desktop.store.award_models import NominationRow
from emulation_desktop.store.models import AwardRow
from tests.gui.tab_helpers import drive, record_messages, tab_in_page

from emulation_desktop.gui.certificates import page_actions, print_job
from emulation_desktop.gui.certificates.page import CertificatesPage
from emulation_desktop.gui.certificates.preview import PreviewDialog
from emulation_desktop.gui.certificates.spoil_dialog import SpoilDialog
from emulation_desktop.gui.decisions.register_tabs import AwardRegisterTab
from emulation_desktop.gui.pages.base import Action
from emulation_desktop.gui.sections import SECTION_BY_KEY
from emulation_desktop.gui.tasks import SyncTaskRunner

pytestmark = pytest.mark.gui

GIAY_KHEN = "121/QĐ-UBND"  # 2026: Tập thể Công an xã, Bà Đỗ Giang, Ông Đỗ Văn Hòa
CSTD = "217/QĐ-UBND"  # 2025: 16 Giấy chứng nhận "Chiến sĩ thi đua cơ sở"
HOUSEHOLDS = "166/QĐ-UBND"  # 2026: Gia đình văn hóa, no sheet unless asked


@pytest.fixture
def page(qtbot, demo_context) -> CertificatesPage:  # type: ignore[no-untyped-def]
    p = CertificatesPage(SECTION_BY_KEY["certificates"], demo_context.services, SyncTaskRunner())
    qtbot.addWidget(p)
    p.resize(760, 600)
    p.set_year(2026)
    p.show()
    qtbot.waitExposed(p)
    p.activated()
    return p


def choose(page: CertificatesPage, number: str, year: int = 2026) -> None:
    if page.year != year:
        page.set_year(year)
    index = page.decision.findText(number, Qt.MatchFlag.MatchStartsWith)
    assert index >= 0, number
    page.decision.setCurrentIndex(index)


def names(page: CertificatesPage) -> list[str]:
    m = page.model
    return [m.data(m.index(r, 1)) for r in range(m.rowCount())]


def column(page: CertificatesPage, c: int) -> list[str]:
    m = page.model
    return [m.data(m.index(r, c)) for r in range(m.rowCount())]


def to_pdf(path: Path):  # type: ignore[no-untyped-def]
    """The print dialog, answered with a PDF printer writing to `path`."""

    def choose_printer(_parent, printer: QPrinter) -> bool:  # type: ignore[no-untyped-def]
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return True

    return choose_printer


class FailingPrinter(QPrinter):
    """Takes `accepts` sheets, then the next page is refused (switched off mid-job)."""

    def __init__(self, path: Path, accepts: int) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(str(path))
        self.accepts = accepts
        self.calls = 0

    def newPage(self) -> bool:
        self.calls += 1
        return self.calls <= self.accepts and super().newPage()


def ink_box(pdf: Path, page: int = 0, dpi: int = 72) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of what is printed on the page (pixels at `dpi`)."""
    doc = QPdfDocument()
    doc.load(str(pdf))
    size = doc.pagePointSize(page)
    image = doc.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
    doc.close()
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)  # what QtPdf leaves blank is transparent
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    xs, ys = [], []
    for y in range(paper.height()):
        for x in range(paper.width()):
            if paper.pixelColor(x, y).lightness() < 160:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_the_decisions_sheets_in_ceremony_order_then_in_the_lists_order(  # type: ignore[no-untyped-def]
    page, demo_context
) -> None:
    choose(page, GIAY_KHEN)
    assert names(page) == ["Tập thể Công an xã", "Bà Đỗ Giang", "Ông Đỗ Văn Hòa"]
    assert column(page, 0) == ["1", "2", "3"]
    assert column(page, 4) == ["1/2026", "2/2026", "3/2026"]
    # The round's list put the names in another order than the ceremony reads them.
    with demo_context.database.session_scope() as s:
        ids = s.scalars(select(AwardRow.nomination_id).join(
            NominationRow, NominationRow.id == AwardRow.nomination_id)
            .where(AwardRow.register_number.like("%/2025"))).all()  # fmt: skip
        s.execute(update(NominationRow).where(NominationRow.id.in_(ids))
                  .values(position=10_000 - NominationRow.position))  # fmt: skip
    choose(page, CSTD, 2025)
    ceremony = names(page)
    assert len(ceremony) == 16 and ceremony[0] == "Ông Nguyễn Văn Đạt"
    page.list_order.click()
    assert names(page) == ceremony[::-1]
    assert column(page, 0)[0] == "1"  # numbered in the order they print
    page.ceremony.click()
    assert names(page) == ceremony


def test_a_decision_without_sheets_says_why_and_the_check_prints_them_all(page) -> None:  # type: ignore[no-untyped-def]
    choose(page, HOUSEHOLDS)
    assert page.stack.currentIndex() == 1
    assert "không có giấy khen, giấy chứng nhận nào" in page.empty_label.text()
    assert page.skipped_label.text().startswith("Không in 158 khen thưởng: Theo bộ quy định")
    assert not page.print_button.isEnabled()
    assert page.decision.currentText().endswith("(0 tờ)")
    page.all_titles.setChecked(True)
    assert page.stack.currentIndex() == 0 and page.model.rowCount() == 158
    assert page.decision.currentText().endswith("(158 tờ)")  # the count follows the tick
    assert names(page)[0].startswith("Hộ gia đình bà ")
    assert column(page, 3)[0] == "Giấy chứng nhận"
    assert page.skipped_label.isHidden()


def test_a_year_without_decisions_shows_what_goes_here(page) -> None:  # type: ignore[no-untyped-def]
    page.set_year(2019)
    assert page.stack.currentIndex() == 1
    assert page.empty_label.text().startswith("Chưa có quyết định khen thưởng nào trong năm 2019.")
    assert not page.preview_button.isEnabled() and not page.print_button.isEnabled()


def test_the_preview_has_one_page_per_sheet_and_shows_the_first(  # type: ignore[no-untyped-def]
    page, monkeypatch
) -> None:
    choose(page, CSTD, 2025)
    shown: list[PreviewDialog] = []

    def look(dialog: PreviewDialog) -> None:
        shown.append(dialog)
        assert dialog.document.status() == QPdfDocument.Status.Ready
        assert dialog.document.pageCount() == 16
        assert not dialog.document.render(0, QSize(297, 210)).isNull()
        text = "\n".join(p.extract_text() for p in PdfReader(str(dialog.path)).pages)
        assert "Nguyễn Văn Đạt" in text and "GIẤY CHỨNG NHẬN" in text
        assert not dialog.previous.isEnabled() and dialog.next.isEnabled()  # on the first
        dialog.page_spin.setValue(16)
        assert dialog.previous.isEnabled() and not dialog.next.isEnabled()  # on the last

    drive(monkeypatch, PreviewDialog, look)
    page.preview_button.click()
    assert len(shown) == 1 and shown[0].page_spin.suffix() == " / 16"


def test_print_all_records_one_print_per_sheet_and_counts_blanks_only_on_blanks(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    said = record_messages(monkeypatch, print_job, page_actions)
    service = demo_context.services.certificates
    choose(page, GIAY_KHEN)
    out = tmp_path / "may-in.pdf"
    page.job.choose_printer = to_pdf(out)
    page.trigger(Action.PRINT)
    reader = PdfReader(str(out))
    assert len(reader.pages) == 3
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [842, 595]  # A4 ngang
    ids = [r.certificate.award_id for r in page.model.rows]
    assert [len(service.history(i)) for i in ids] == [1, 1, 1]
    assert column(page, 5) == ["1", "1", "1"]
    stock = {s.blank: s for s in service.stock()}
    assert stock[CertificateKind.GIAY_KHEN_PERSON.blank].used == 0  # plain paper
    assert page.status_label.text().startswith("Đã gửi 3 tờ tới máy in")
    assert said == []

    page.mode.setCurrentIndex(page.mode.findData(PrintMode.OVERLAY))
    assert "còn 0" in page.stock_label.text()
    page.print_button.click()
    assert said == [
        "Trước khi in, xin lưu ý:\n• Cần 3 tờ phôi giấy khen nhưng sổ phôi chỉ còn 0 tờ.\nVẫn in?"
    ]
    stock = {s.blank: s for s in service.stock()}
    assert stock[CertificateKind.GIAY_KHEN_PERSON.blank].used == 3
    assert column(page, 5) == ["2", "2", "2"]
    assert "đã dùng 3 · hỏng 0 · còn -3" in page.stock_label.text()
    assert "color:#c62828" in page.stock_label.text()  # red: no blanks left


def test_a_printer_that_stops_after_two_sheets_records_exactly_two(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    said = record_messages(monkeypatch, print_job, page_actions)
    service = demo_context.services.certificates
    choose(page, CSTD, 2025)
    page.job.printer = FailingPrinter(tmp_path / "tat-may.pdf", accepts=2)
    page.job.choose_printer = lambda _p, _printer: True
    page.print_button.click()
    ids = [r.certificate.award_id for r in page.model.rows]
    assert [len(service.history(i)) for i in ids] == [1, 1] + [0] * 14
    assert said == [print_job.printing.stopped_message(2)]
    assert said[0].startswith("Máy in ngừng nhận sau 2 tờ:")
    assert page.selected_ids() == tuple(ids[2:])  # the rest is ready for «In lại tờ này»


def test_reprint_of_the_selected_row_prints_that_one_sheet(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    record_messages(monkeypatch, print_job, page_actions)
    service = demo_context.services.certificates
    choose(page, GIAY_KHEN)
    out = tmp_path / "in-lai.pdf"
    page.job.choose_printer = to_pdf(out)
    page.print_all()
    page.table.selectRow(1)
    page.reprint_button.click()  # the printer of this session: no dialog again
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    ids = [r.certificate.award_id for r in page.model.rows]
    assert [len(service.history(i)) for i in ids] == [1, 2, 1]
    assert column(page, 5) == ["1", "2", "1"]
    assert page.selected_ids() == (ids[1],)


def test_double_click_asks_then_reprints(page, demo_context, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    said = record_messages(monkeypatch, page_actions)
    choose(page, GIAY_KHEN)
    page.job.choose_printer = to_pdf(tmp_path / "x.pdf")
    page.reprint_row(2)
    assert said == ["In lại tờ «Ông Đỗ Văn Hòa – Giấy khen»?"]
    award_id = page.model.rows[2].certificate.award_id
    assert len(demo_context.services.certificates.history(award_id)) == 1


def test_a_spoiled_sheet_shows_in_the_table_and_is_printed_again(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    record_messages(monkeypatch, print_job, page_actions)
    choose(page, GIAY_KHEN)
    out = tmp_path / "hong.pdf"
    page.job.choose_printer = to_pdf(out)
    page.print_all()
    page.table.selectRow(0)

    def answer(dialog: SpoilDialog) -> None:
        dialog.reason_box.setCurrentText("Kẹt giấy")
        dialog.save_button.click()

    drive(monkeypatch, SpoilDialog, answer)
    page.spoil_button.click()
    assert column(page, 6) == ["1", "", ""]
    assert column(page, 5) == ["1", "1", "1"]  # spoiled, then printed again at once
    assert len(PdfReader(str(out)).pages) == 1
    history = demo_context.services.certificates.history(page.model.rows[0].certificate.award_id)
    assert [(h.spoiled, h.reason) for h in history] == [(False, ""), (True, "Kẹt giấy")]
    assert "hỏng – Kẹt giấy" in page.history_label.text()


def test_a_problem_prints_nothing_and_a_warning_asks_first(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    said = record_messages(monkeypatch, print_job, errors_prefix="LỖI ")
    service = demo_context.services.certificates
    layout = service.layout(CertificateKind.GIAY_KHEN_PERSON)
    heading = layout.field(FieldKey.HEADING)
    service.save_layout(layout.with_field(replace(heading, text="GIẤY KHEN 王")))
    choose(page, GIAY_KHEN)
    out = tmp_path / "khong-in.pdf"
    page.job.choose_printer = to_pdf(out)
    page.print_all()
    assert len(said) == 1 and said[0].startswith("LỖI Chưa in được vì:\n• ")
    assert "王" in said[0]
    assert not out.exists()
    assert column(page, 5) == ["", "", ""]

    said.clear()
    near_edge = replace(heading, text="GIẤY KHEN", x_mm=2.0)
    service.save_layout(layout.with_field(near_edge))
    page.print_all()
    assert said[0].startswith("Trước khi in, xin lưu ý:\n• Mẫu «Giấy khen cá nhân»: Dòng")
    assert len(PdfReader(str(out)).pages) == 3


def test_the_printers_calibration_moves_what_it_prints(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    record_messages(monkeypatch, print_job, page_actions)
    service = demo_context.services.certificates
    choose(page, GIAY_KHEN)
    page.mode.setCurrentIndex(page.mode.findData(PrintMode.OVERLAY))
    plain, moved = tmp_path / "0.pdf", tmp_path / "5.pdf"
    page.job.choose_printer = to_pdf(plain)
    page.print_all()
    service.save_calibration("", Offset(5.0, -3.0))  # the PDF printer has no name
    page.job.choose_printer = to_pdf(moved)
    page.print_all()
    left, top, right, bottom = ink_box(plain)
    left2, top2, right2, bottom2 = ink_box(moved)
    mm = 72 / 25.4
    assert abs((left2 - left) - 5 * mm) <= 1.5 and abs((right2 - right) - 5 * mm) <= 1.5
    assert abs((top2 - top) + 3 * mm) <= 1.5 and abs((bottom2 - bottom) + 3 * mm) <= 1.5


def test_the_main_window_shows_the_page_and_ctrl_p_prints(window, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    record_messages(monkeypatch, print_job, page_actions)
    window.set_year(2026)
    window.go_to("certificates")
    page = window.current_page()
    assert isinstance(page, CertificatesPage)
    assert window.toolbar_actions[Action.PRINT].isEnabled()
    assert page.decision.currentText().startswith(GIAY_KHEN)  # the newest with sheets
    out = tmp_path / "ctrl-p.pdf"
    page.job.choose_printer = to_pdf(out)
    window.toolbar_actions[Action.PRINT].trigger()
    assert len(PdfReader(str(out)).pages) == 3


def test_the_award_register_shows_the_sheets_printed(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, qtbot, tmp_path
) -> None:
    record_messages(monkeypatch, print_job, page_actions)
    choose(page, GIAY_KHEN)
    page.job.choose_printer = to_pdf(tmp_path / "so.pdf")
    page.print_all()
    page.table.selectRow(1)
    page.reprint()
    tab = tab_in_page(qtbot, demo_context.services, AwardRegisterTab, 2026, "decisions")
    printed = {tab.table.item(r, 0).text(): tab.table.item(r, 5).text()
               for r in range(tab.table.rowCount())}  # fmt: skip
    assert (printed["1/2026"], printed["2/2026"], printed["3/2026"]) == ("1 tờ", "2 tờ", "1 tờ")
    assert tab.table.horizontalHeaderItem(5).text() == "Đã in"
    assert printed["4/2026"] == ""  # a Gia đình văn hóa title: no sheet printed


def test_cancel_in_the_progress_stops_after_the_sheet_being_printed(  # type: ignore[no-untyped-def]
    page, demo_context, monkeypatch, tmp_path
) -> None:
    said = record_messages(monkeypatch, print_job, page_actions)
    choose(page, GIAY_KHEN)
    out = tmp_path / "huy.pdf"
    page.job.choose_printer = to_pdf(out)
    monkeypatch.setattr(print_job.QProgressDialog, "wasCanceled", lambda _self: True)  # Hủy
    page.print_all()
    assert len(PdfReader(str(out)).pages) == 1
    assert column(page, 5) == ["1", "", ""]
    assert said[0].startswith("Đã dừng in sau 1 tờ.")
    assert page.selected_ids() == tuple(r.certificate.award_id for r in page.model.rows[1:])
