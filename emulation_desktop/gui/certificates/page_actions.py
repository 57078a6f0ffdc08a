"""The buttons of the Giấy khen & In page and what they do (mixed into CertificatesPage, which
holds the decision, the table and the service)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton

from emulation_desktop.domain.certificates import BlankKind, CertificateKind, PrintMode
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.certificates import WrittenPdf
from emulation_desktop.settings import DOCUMENTS_FOLDER

from emulation_desktop.gui.certificates import files
from emulation_desktop.gui.certificates.blanks_dialog import BlanksDialog
from emulation_desktop.gui.certificates.calibration_dialog import CalibrationDialog
from emulation_desktop.gui.certificates.layout_editor import LayoutEditor
from emulation_desktop.gui.certificates.preview import PreviewDialog
from emulation_desktop.gui.certificates.print_job import PrintJob, PrintRequest, printed_note
from emulation_desktop.gui.certificates.printing import PrintOutcome
from emulation_desktop.gui.certificates.spoil_dialog import SpoilDialog
from emulation_desktop.gui.certificates.temp_files import temp_pdf
from emulation_desktop.gui.documents.maker import documents_folder, settings_of
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.widgets.controls import button

if TYPE_CHECKING:
    from emulation_desktop.gui.certificates.page import CertificatesPage

    _Base = CertificatesPage
else:
    _Base = object


OVERLAY_NOTE = (
    "In trên phôi: chỉ có các dòng chữ in lên phôi; khung viền và chữ in sẵn của phôi không "
    "hiện ở đây."
)


class PageActions(_Base):
    def setup_actions(self) -> None:
        self.job = PrintJob(self, self.service, self.tasks, self._printed)
        self.preview_button = button("Xem trước", self.preview, "preview_button",
                                     "Xem mọi tờ sẽ in, trước khi dùng giấy")  # fmt: skip
        self.print_button = button("In tất cả…", self.print_all, "print_all_button",
                                   "In mọi tờ theo thứ tự đang hiện (Ctrl+P)")  # fmt: skip
        self.reprint_button = button("In lại tờ này", self.reprint, "reprint_button",
                                     "In lại tờ đang chọn trên máy in vừa dùng (hoặc nhấp đúp "
                                     "vào dòng)")  # fmt: skip
        self.spoil_button = button(
            "Đánh dấu hỏng…",
            self.mark_spoiled,
            "spoil_button",
            "Tờ đã in bị hỏng: ghi lý do, tính phôi hỏng, in lại",
        )
        self.layout_button = button(
            "Mẫu giấy khen…",
            self.edit_layout,
            "layout_button",
            "Chỉnh vị trí, cỡ chữ từng dòng cho khớp phôi",
        )
        self.calibrate_button = button(
            "Căn chỉnh máy in…",
            self.calibrate,
            "calibrate_button",
            "In trang lưới milimét và nhập độ lệch của máy in",
        )
        self.blanks_button = button("Nhập phôi…", self.receive_blanks, "blanks_button",
                                    "Ghi số phôi giấy khen vừa nhận")  # fmt: skip
        self.save_button = button("Lưu PDF…", self.save_pdf, "save_pdf_button",
                                  "Lưu mọi tờ ra tệp PDF để in ở máy khác")  # fmt: skip
        self.buttons: list[QPushButton] = [
            self.preview_button, self.print_button, self.reprint_button, self.spoil_button,
            self.layout_button, self.calibrate_button, self.blanks_button, self.save_button,
        ]  # fmt: skip

    def update_buttons(self) -> None:
        has_rows = bool(self.model.rows) and self.stack.currentIndex() == 0
        selected = self.selected_rows()
        for b in (self.preview_button, self.print_button, self.save_button):
            b.setEnabled(has_rows)
        self.reprint_button.setEnabled(has_rows and bool(selected))
        self.spoil_button.setEnabled(has_rows and any(self.model.rows[r].printed for r in selected))

    # Printing ---------------------------------------------------------------------------------

    def _request(self, award_ids: tuple[int, ...] | None) -> PrintRequest | None:
        if self.decision_id is None or not self.model.rows:
            return None
        rows = self.model.rows
        chosen = [r for r in rows if award_ids is None or r.certificate.award_id in award_ids]
        needed = Counter(r.certificate.kind.blank for r in chosen)
        blanks = tuple((s.blank.label, needed[s.blank], s.left) for s in self.stock
                       if needed[s.blank])  # fmt: skip
        return PrintRequest(self.decision_id, self.print_mode, self.ceremony.isChecked(),
                            self.all_titles.isChecked(), award_ids, len(chosen),
                            self.service.layout(chosen[0].certificate.kind).paper,
                            blanks)  # fmt: skip

    def print_all(self) -> None:
        if (request := self._request(None)) is not None:
            self.job.start(request, ask_printer=True)

    def reprint(self, ids: tuple[int, ...] = ()) -> None:
        ids = ids or self.selected_ids()
        if ids and (request := self._request(ids)) is not None:
            self.job.start(request, ask_printer=False)

    def reprint_row(self, row: int) -> None:
        who = self.model.rows[row].certificate.label
        if confirm(self, f"In lại tờ «{who}»?", "In lại"):
            self.reprint((self.model.rows[row].certificate.award_id,))

    def _printed(self, outcome: PrintOutcome, sent: tuple[int, ...],
                 unsent: tuple[int, ...]) -> None:  # fmt: skip
        printer = self.job.printer.printerName() if self.job.printer is not None else ""
        if sent:
            self.status_label.setText(printed_note(len(sent), printer, dt.datetime.now()))
        # After a stop the sheets still to print are selected: «In lại tờ này» goes on.
        self.load_batch(unsent if unsent and (outcome.error or outcome.cancelled) else ())

    def mark_spoiled(self) -> None:
        rows = [r for r in self.selected_rows() if self.model.rows[r].printed]
        if not rows:
            show_info(self, "Tờ đang chọn chưa in lần nào nên chưa đánh dấu hỏng được.")
            return
        certs = [self.model.rows[r].certificate for r in rows]
        who = f"«{certs[0].recipient.line}»" if len(certs) == 1 else f"{len(certs)} người nhận"
        dialog = SpoilDialog(who, self)
        if not dialog.exec():
            return
        ids, reason, again = (
            tuple(c.award_id for c in certs),
            dialog.reason,
            dialog.reprint.isChecked(),
        )
        service = self.service

        def done(_r: object) -> None:
            self.load_batch(ids)
            if again:
                self.reprint(ids)

        def failed(exc: UserError) -> None:
            show_error(self, exc.message)
            self.load_batch(ids)  # another window may have changed the counts

        self.tasks.submit(lambda: service.mark_spoiled_many(ids, reason), done, failed,
                          parent=self)  # fmt: skip

    # Files ------------------------------------------------------------------------------------

    def preview(self) -> None:
        request = self._request(None)
        if request is None:
            return
        out = temp_pdf("xem-truoc")
        title = f"Xem trước – {self.decision.currentText()}"

        note = OVERLAY_NOTE if request.mode is PrintMode.OVERLAY else ""

        def show(written: WrittenPdf) -> None:
            PreviewDialog(written.path, title, self, self.print_all, note).exec()

        self._write_pdf(request, out, show, "Đang tạo bản xem trước…")

    def save_pdf(self) -> None:
        request = self._request(None)
        if request is None or self.batch is None:
            return
        settings = settings_of(self)
        number = self.batch.number.replace("/", "-")
        proposed = documents_folder(settings) / f"Giấy khen {number}.pdf"
        path = self.ask_save(self, "Lưu PDF giấy khen", proposed, files.PDF_FILTER)
        if path is None:
            return

        def saved(written: WrittenPdf) -> None:
            settings.set(DOCUMENTS_FOLDER, str(written.path.parent))
            show_info(self, f"Đã lưu {written.pages} tờ vào tệp «{written.path.name}».")

        self._write_pdf(request, path, saved, "Đang lưu tệp PDF…")

    def _write_pdf(self, r: PrintRequest, out: object, then: object, progress: str) -> None:
        service = self.service
        self.tasks.submit(
            lambda: service.write_pdf(
                r.decision_id, out, r.mode, ceremony=r.ceremony, all_titles=r.all_titles
            ),
            then,  # type: ignore[arg-type]
            lambda exc: show_error(self, exc.message),
            progress=progress,
            parent=self,
        )

    # Set-up dialogs ---------------------------------------------------------------------------

    def edit_layout(self) -> None:
        kind = self.first_kind()
        samples: dict[CertificateKind, object] = {}
        for row in self.model.rows:
            samples.setdefault(row.certificate.kind, row.certificate)
        editor = LayoutEditor(self.service, self.tasks, settings_of(self), kind,
                              samples, self.print_mode, self)  # type: ignore[arg-type]  # fmt: skip
        editor.exec()
        self.load_batch()  # fit warnings and sizes follow the layout

    def calibrate(self) -> None:
        paper = self.service.layout(self.first_kind()).paper
        CalibrationDialog(self.service, self.tasks, paper, self).exec()

    def receive_blanks(self) -> None:
        dialog = BlanksDialog(self.service, self.tasks, self.first_kind().blank, self)
        if dialog.exec() and dialog.saved_id is not None:
            self._load_stock()
            blank = BlankKind(dialog.blank.currentData())  # the kind chosen in the dialog
            self.status_label.setText(f"Đã ghi nhận {dialog.saved_id} tờ {blank.label.lower()}.")
