"""The dialogs of the Tờ trình cấp trên tab: lập tờ trình from a round, xuất hồ sơ to a drive or
folder, the day it was sent, and the higher level's answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.decisions import DecisionPreview
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.proposals import AnswerInput, ProposalDetail, ProposalInput
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.decisions import RoundChoice

from emulation_desktop.gui.decisions.decision_html import preview_html
from emulation_desktop.gui.decisions.fields import (
    SignerFields,
    fit_to_screen,
    grow,
    number_field,
    number_of,
)
from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.registry.history_view import DetailView
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo, long_texts, muted
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog


def _form(dialog: SavingDialog, ok: str, on_ok: Callable[[], None], *rows: object) -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    buttons, dialog.save_button = dialog_buttons(dialog, ok, on_ok)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    for row in rows:
        layout.addWidget(row)  # type: ignore[arg-type]
    layout.addWidget(dialog.errors.general)
    layout.addWidget(buttons)
    return form


class ProposalDialog(SavingDialog):
    """Lập tờ trình: the round's passed nominations beyond the commune's authority."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        rounds: Sequence[RoundChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("proposal_dialog")
        self.setWindowTitle("Lập tờ trình đề nghị cấp trên khen thưởng")
        self._service = services.decisions
        self.saved_year: int | None = None
        self._rounds = {r.id: r for r in rounds}
        self.round = long_texts(combo("round", [(r.label, r.id) for r in rounds]), 24, 60)
        self.issued_on = DateField(self._service.today(), required=True)
        self.issued_on.setObjectName("issued_on")
        self._auto_day = self.issued_on.date()
        self.number = number_field()
        self.recipient = QLineEdit(self._service.default_recipient())
        self.recipient.setObjectName("recipient")
        self.override = QLineEdit()
        self.override.setObjectName("notice_override")
        self.override.setPlaceholderText("Lý do trình trước khi hết thời gian công khai")
        self.override_label = QLabel("Lý do:")
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Đợt &xét:", self.round)
        form.addRow("Ngày &ký:", e.wrap("issued_on", self.issued_on))
        form.addRow("&Số:", e.wrap("number", self.number))
        form.addRow("&Kính gửi:", self.recipient)
        self.signer = SignerFields(form, e, self._service.signers())
        form.addRow(self.override_label, e.wrap("notice_override", self.override))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(muted(QLabel("Tờ trình gồm các đề nghị Hội đồng đã thông qua nhưng "
                                           "vượt thẩm quyền của Chủ tịch UBND xã.")))  # fmt: skip
        left_layout.addStretch(1)
        grow(left, 28)
        self.view = DetailView("Chọn đợt xét để xem danh sách trình cấp trên.")
        self.view.setObjectName("preview")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setChildrenCollapsible(False)
        buttons, self.save_button = dialog_buttons(self, "Lập tờ trình", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        fit_to_screen(self, 90, 42)
        self.round.currentIndexChanged.connect(lambda _i: self._round_chosen())
        self.issued_on.editingFinished.connect(self.refresh)
        self._round_chosen()

    def round_id(self) -> int:
        return int(self.round.currentData())

    def _round_chosen(self) -> None:
        held_on = self._rounds[self.round_id()].held_on
        if self.issued_on.date() == self._auto_day and held_on is not None:
            self._auto_day = max(self._service.today(), held_on)
            self.issued_on.set_date(self._auto_day)
        self.refresh()

    def refresh(self) -> None:
        day = self.issued_on.date()
        if self.issued_on.error() or day is None:
            return
        service, round_id = self._service, self.round_id()
        self.tasks.submit(lambda: service.preview(round_id, day), self._shown,
                          self._failed, parent=self)  # fmt: skip

    def _shown(self, p: DecisionPreview) -> None:
        self.view.show_html(preview_html(p))
        self.save_button.setEnabled(bool(p.upward))
        for w in (self.override, self.override_label):
            w.setVisible(bool(p.notice_warning))

    def _failed(self, exc: UserError) -> None:
        self.view.show_empty(exc.message)
        self.save_button.setEnabled(False)

    def _save(self) -> None:
        if message := self.issued_on.error():
            self.errors.show({"issued_on": message})
            return
        signer = self.signer.signer()
        data = ProposalInput(
            issued_on=self.issued_on.date(), signer_name=signer.name,
            signer_title=signer.title, sign_variant=signer.variant,
            recipient=self.recipient.text(), number=number_of(self.number),
            notice_override="" if self.override.isHidden() else self.override.text(),
        )  # fmt: skip
        self.saved_year = data.issued_on.year if data.issued_on else None
        service, round_id = self._service, self.round_id()
        self.run(lambda: service.create_proposal(round_id, data),
                 lambda pid: setattr(self, "saved_id", pid))  # fmt: skip


class ExportDialog(SavingDialog):
    """Xuất hồ sơ: a USB drive or a folder, remembered for next time; a folder or one zip."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        proposal_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle("Xuất hồ sơ đề nghị khen thưởng")
        self._services = services
        self._proposal_id = proposal_id
        self.written: Path | None = None
        self.ask_folder: Callable[[QWidget, str], str] = lambda parent, start: (
            QFileDialog.getExistingDirectory(parent, "Chọn nơi lưu hồ sơ", start)
        )  # tests replace it: the native dialog blocks
        drives = [(d.display, str(d.path)) for d in services.backup.drives()]
        self.drive = combo("drive", [("— Chọn ổ USB —", ""), *drives])
        self.folder = QLineEdit(services.decisions.last_export_folder())
        self.folder.setObjectName("folder")
        self.as_zip = QCheckBox("Nén thành một tệp .zip")
        self.as_zip.setObjectName("as_zip")
        pick = button("Chọn thư mục…", self._browse, "browse_button")
        row = QHBoxLayout()
        row.addWidget(grow(self.folder, 26), 1)
        row.addWidget(pick)
        note = muted(QLabel(
            "Hồ sơ gồm danh sách (Excel), các tệp đính kèm của đợt xét và tệp manifest.json "
            "ghi mã kiểm tra từng tệp. Tờ trình bản Word chưa được chương trình tạo: hãy gửi "
            "kèm tờ trình đã ký."
        ))  # fmt: skip
        form = _form(self, "Xuất hồ sơ", self._save, note)
        form.addRow("Ổ &USB:", self.drive)
        form.addRow("&Thư mục:", self.errors.wrap("folder", self._row(row)))
        form.addRow("", self.as_zip)
        form.setRowVisible(self.drive, bool(drives))
        self.drive.currentIndexChanged.connect(lambda _i: self._drive_chosen())
        self.resize(em(self, 52), self.sizeHint().height())

    @staticmethod
    def _row(layout: QHBoxLayout) -> QWidget:
        box = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        box.setLayout(layout)
        return box

    def _drive_chosen(self) -> None:
        if path := self.drive.currentData():
            self.folder.setText(str(path))

    def _browse(self) -> None:
        if chosen := self.ask_folder(self, self.folder.text()):
            self.folder.setText(chosen)

    def _save(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.errors.show({"folder": "Hãy chọn ổ USB hoặc thư mục để lưu hồ sơ."})
            return
        service, pid = self._services.decisions, self._proposal_id
        attachments, zipped = self._services.backup.attachments, self.as_zip.isChecked()
        self.run(lambda: service.export_package(pid, Path(text), attachments, zipped),
                 lambda path: setattr(self, "written", path))  # fmt: skip


class SentDialog(SavingDialog):
    def __init__(self, services: AppServices, tasks: TaskRunner, proposal_id: int,
                 number: str, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(tasks, parent)
        self.setObjectName("sent_dialog")
        self.setWindowTitle(f"Đã gửi Tờ trình số {number}")
        self._service, self._pid = services.decisions, proposal_id
        self.sent_on = DateField(self._service.today(), required=True)
        self.sent_on.setObjectName("sent_on")
        form = _form(self, "Lưu", self._save)
        form.addRow("Ngày &gửi:", self.errors.wrap("sent_on", self.sent_on))

    def _save(self) -> None:
        if message := self.sent_on.error():
            self.errors.show({"sent_on": message})
            return
        service, pid, day = self._service, self._pid, self.sent_on.date()
        self.run(lambda: service.mark_sent(pid, day), lambda _r: setattr(self, "saved_id", pid))


class AnswerDialog(SavingDialog):
    """The higher level's decision: ticked lines were awarded, the others were not."""

    def __init__(self, services: AppServices, tasks: TaskRunner, detail: ProposalDetail,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(tasks, parent)
        self.setObjectName("answer_dialog")
        self.setWindowTitle(f"Kết quả Tờ trình số {detail.item.number}")
        self._service, self._pid = services.decisions, detail.item.id
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.number.setPlaceholderText("Ví dụ: 1520/QĐ-UBND")
        self.issued_on = DateField(required=True)
        self.issued_on.setObjectName("issued_on")
        self.issuer = QLineEdit(detail.item.recipient)
        self.issuer.setObjectName("issuer")
        self.list = QListWidget()
        self.list.setObjectName("awarded")
        for pl in detail.lines:
            item = QListWidgetItem(f"{pl.line.subject.name} – {pl.line.award_name}")
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, pl.line.nomination_id)
            self.list.addItem(item)
        form = _form(self, "Lưu kết quả", self._save,
                     muted(QLabel("Bỏ dấu ở những đề nghị cấp trên không khen thưởng.")),
                     self.list)  # fmt: skip
        e = self.errors
        form.addRow("&Quyết định số:", e.wrap("number", self.number))
        form.addRow("&Ngày:", e.wrap("issued_on", self.issued_on))
        form.addRow("&Cấp quyết định:", e.wrap("issuer", self.issuer))
        self.resize(em(self, 52), em(self, 34))

    def awarded(self) -> tuple[int, ...]:
        return tuple(
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def _save(self) -> None:
        if message := self.issued_on.error():
            self.errors.show({"issued_on": message})
            return
        data = AnswerInput(self.number.text(), self.issued_on.date(), self.issuer.text(),
                           self.awarded())  # fmt: skip
        service, pid = self._service, self._pid
        self.run(lambda: service.record_answer(pid, data),
                 lambda did: setattr(self, "saved_id", did))  # fmt: skip
