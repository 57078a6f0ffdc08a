"""One print run, whole decision or a few sheets again: the checks first (a problem stops it, a
warning asks), the printer (asked once per session; «In lại tờ này» reuses it), the PDF written
with that printer's calibration offset, the pages sent with a Hủy button, and only the sheets the
printer accepted recorded in the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from emulation_desktop.domain.certificate_layout import Paper
from emulation_desktop.domain.certificates import PrintMode
from emulation_desktop.services.certificates import Preflight, WrittenPdf

from emulation_desktop.gui.certificates import printing
from emulation_desktop.gui.certificates.temp_files import temp_pdf
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.tasks import TaskRunner

SHOWN_NOTES = 8  # a longer list of warnings ends with "… và N lưu ý khác"


@dataclass(frozen=True, slots=True)
class PrintRequest:
    decision_id: int
    mode: PrintMode
    ceremony: bool
    all_titles: bool
    award_ids: tuple[int, ...] | None  # None: every sheet of the decision
    sheets: int
    paper: Paper  # of the first sheet: the printer dialog opens on it
    # Overlay: (blank label, sheets needed, blanks left) per kind of blank the sheets use.
    blanks: tuple[tuple[str, int, int], ...] = ()


def bullet_list(lines: Sequence[str]) -> str:
    shown = [f"• {line}" for line in lines[:SHOWN_NOTES]]
    if len(lines) > SHOWN_NOTES:
        shown.append(f"… và {len(lines) - SHOWN_NOTES} lưu ý khác.")
    return "\n".join(shown)


class PrintJob:
    """`done(outcome, sent_ids, unsent_ids)` runs after the register is written."""

    def __init__(
        self,
        parent: QWidget,
        service: Any,
        tasks: TaskRunner,
        done: Callable[[printing.PrintOutcome, tuple[int, ...], tuple[int, ...]], None],
    ) -> None:
        self._parent = parent
        self._service = service
        self._tasks = tasks
        self._done = done
        self.choose_printer: printing.ChoosePrinter = printing.choose_printer  # tests replace
        self.printer: QPrinter | None = None  # the one chosen last in this session

    def start(self, request: PrintRequest, ask_printer: bool = True) -> None:
        r, service = request, self._service
        self._tasks.submit(
            lambda: service.preflight(r.decision_id, r.mode, r.award_ids, r.ceremony, r.all_titles),
            lambda pf: self._checked(request, pf, ask_printer),
            lambda exc: show_error(self._parent, exc.message, "Chưa in được"),
            parent=self._parent,
        )

    def _checked(self, r: PrintRequest, preflight: Preflight, ask_printer: bool) -> None:
        if preflight.problems:
            show_error(self._parent, "Chưa in được vì:\n" + bullet_list(preflight.problems)
                       + "\nHãy sửa rồi in lại.", "Chưa in được")  # fmt: skip
            return
        warnings = list(preflight.warnings)
        if r.mode is PrintMode.OVERLAY:
            warnings[:0] = [f"Cần {needed} tờ {label.lower()} nhưng sổ phôi chỉ còn "
                            f"{max(left, 0)} tờ." for label, needed, left in r.blanks
                            if left < needed]  # fmt: skip
        if warnings and not confirm(self._parent, "Trước khi in, xin lưu ý:\n"
                                    + bullet_list(warnings) + "\nVẫn in?", "Vẫn in"):  # fmt: skip
            return
        printer = self._printer(r.paper, ask_printer or self.printer is None)
        if printer is None:
            return
        out = temp_pdf("in")
        name, service = printer.printerName(), self._service

        def write() -> WrittenPdf:
            offset = service.calibration(name)
            return service.write_pdf(r.decision_id, out, r.mode, ceremony=r.ceremony,
                                     award_ids=r.award_ids, offset=offset,
                                     all_titles=r.all_titles)  # fmt: skip

        self._tasks.submit(write, lambda w: self._send(w, printer, r.mode),
                           lambda exc: show_error(self._parent, exc.message, "Chưa in được"),
                           progress=f"Đang chuẩn bị {r.sheets} tờ để in…",
                           parent=self._parent)  # fmt: skip

    def _printer(self, paper: Paper, ask: bool) -> QPrinter | None:
        printer = self.printer or printing.new_printer()
        printing.set_printer_paper(printer, paper)
        if ask and not self.choose_printer(self._parent, printer):
            return None
        self.printer = printer
        return printer

    def _send(self, written: WrittenPdf, printer: QPrinter, mode: PrintMode) -> None:
        progress = _Progress(self._parent, written.pages)
        try:
            outcome = printing.print_pdf(written.path, printer, progress.step)
        finally:
            progress.close()
        sent = tuple(written.award_ids[: outcome.sent])
        kinds = tuple(written.kinds[: outcome.sent])
        unsent = tuple(written.award_ids[outcome.sent :])
        name, service = printer.printerName(), self._service

        def recorded(_n: object) -> None:
            if outcome.error:
                show_error(self._parent, outcome.error, "In chưa xong")
            elif outcome.cancelled:
                show_info(self._parent, f"Đã dừng in sau {outcome.sent} tờ. Chỉ những tờ đã in "
                                        "được ghi nhận; các tờ chưa in đã được chọn sẵn, bấm «In "
                                        "lại tờ này» để in tiếp.")  # fmt: skip
            self._done(outcome, sent, unsent)

        if not sent:
            recorded(0)
            return
        self._tasks.submit(lambda: service.record_printed(sent, name, mode, kinds), recorded,
                           lambda exc: show_error(self._parent, exc.message),
                           parent=self._parent)  # fmt: skip


class _Progress:
    """The bar with Hủy while pages are sent (on the GUI thread: QPainter on a printer)."""

    def __init__(self, parent: QWidget, total: int) -> None:
        self.dialog = QProgressDialog(f"Đang in tờ 1/{total}…", "Hủy", 0, total, parent)
        self.dialog.setWindowTitle("Đang in")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def step(self, done: int, total: int) -> bool:
        self.dialog.setValue(done)
        if done < total:
            self.dialog.setLabelText(f"Đang in tờ {done + 1}/{total}… (Hủy: dừng sau tờ đang in)")
        QApplication.processEvents()
        return not self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def printed_note(sent: int, printer: str, when: dt.datetime) -> str:
    where = f"máy in «{printer}»" if printer else "máy in"
    return f"Đã gửi {sent} tờ tới {where} lúc {when:%H:%M}."
