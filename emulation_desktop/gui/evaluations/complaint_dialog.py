"""Adding, editing or closing a complaint, petition, denunciation, inspection or supervision.

The deadline follows the kind and the received date (see domain.complaints for the defaults)
until the officer types one; closing needs the result written first.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.complaints import (
    PAUSE_BASIS,
    ComplaintInput,
    ComplaintItem,
    deadline_hint,
    default_deadline,
    sender_label,
)
from emulation_desktop.domain.enums import ComplaintKind
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import enum_combo, muted, text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

PAUSE_NOTE = (
    "Khi vụ việc chưa kết thúc, việc xét khen thưởng của đối tượng này tạm dừng "
    f"({PAUSE_BASIS}). Để trống nếu vụ việc không nêu đối tượng cụ thể."
)
NOT_CHOSEN = (
    "Chưa chọn đối tượng trong danh sách gợi ý: hãy chọn lại, hoặc xóa trắng ô này nếu vụ việc "
    "không nêu đối tượng cụ thể."
)


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class ComplaintDialog(SavingDialog):
    """Add (`item` None) or edit a case; sets `saved_id` and `saved_year`."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        item: ComplaintItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("complaint_dialog")
        self.setWindowTitle("Sửa vụ việc" if item else "Ghi vụ việc mới")
        self._service = services.complaints
        self._item = item
        self.saved_year: int | None = None
        today = self._service.today()

        self.kind = enum_combo("kind", ComplaintKind.choices())
        self.received = DateField(today, required=True)
        self.received.setObjectName("received_on")
        self.sender_edit = QLineEdit()
        self.sender_edit.setObjectName("sender")
        self.sender_edit.setMinimumWidth(em(self, 22))
        self.subject = SubjectPicker(services.subjects)
        self.subject.setObjectName("subject")
        self.deadline = DateField()
        self.deadline.setObjectName("deadline")
        self.deadline_hint = muted(QLabel())
        self.document = QLineEdit()
        self.document.setObjectName("document")
        self.document.setPlaceholderText("Ví dụ: Quyết định giải quyết khiếu nại số 12/QĐ-UBND")
        self.content = text_box(4, name="content", grow=True)
        self.handling = text_box(3, name="handling", grow=True)
        self.result_edit = text_box(3, name="result", grow=True)
        self.closed_on = DateField()
        self.closed_on.setObjectName("closed_on")

        e = self.errors
        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left.addRow("&Loại:", self.kind)
        left.addRow("Ngày &nhận:", e.wrap("received_on", self.received))
        self.sender_label = QLabel()
        self.sender_label.setBuddy(self.sender_edit)
        left.addRow(self.sender_label, e.wrap("sender", self.sender_edit))
        subject_box = QWidget()
        subject_layout = QVBoxLayout(subject_box)
        subject_layout.setContentsMargins(0, 0, 0, 0)
        subject_layout.addWidget(self.subject)
        subject_layout.addWidget(muted(QLabel(PAUSE_NOTE)))
        left.addRow("Đối &tượng liên quan:", e.wrap("subject", subject_box, self.subject.edit))
        deadline_box = QWidget()
        deadline_layout = QVBoxLayout(deadline_box)
        deadline_layout.setContentsMargins(0, 0, 0, 0)
        deadline_layout.addWidget(self.deadline)
        deadline_layout.addWidget(self.deadline_hint)
        left.addRow("&Hạn giải quyết:", e.wrap("deadline", deadline_box, self.deadline))
        left.addRow("&Văn bản:", e.wrap("document", self.document))
        left.addRow(_buddy("Nội &dung:", self.content))
        left.addRow(e.wrap("content", self.content))
        outcome = QGroupBox("Xử lý và kết quả")
        right = QFormLayout(outcome)
        right.addRow(_buddy("&Cách xử lý, người xử lý:", self.handling))
        right.addRow(e.wrap("handling", self.handling))
        right.addRow(_buddy("&Kết quả giải quyết:", self.result_edit))
        right.addRow(e.wrap("result", self.result_edit))
        right.addRow("N&gày kết thúc:", e.wrap("closed_on", self.closed_on))
        right.addRow(muted(QLabel("Ghi ngày kết thúc khi đã có kết quả: đối tượng được xét tiếp.")))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(outcome, 1)
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(e.general)
        layout.addWidget(buttons)

        self._auto_deadline: dt.date | None = None
        if item is not None:
            self._load(item)
        self._kind_changed(follow=item is None)  # an edit keeps the deadline it had
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.received.textChanged.connect(lambda _t: self._follow_deadline())
        self.resize(em(self, 84), self.sizeHint().height())
        self.sender_edit.setFocus()

    def _load(self, i: ComplaintItem) -> None:
        self.kind.setCurrentIndex(self.kind.findData(i.kind.value))
        self.received.set_date(i.received_on)
        self.sender_edit.setText(i.sender)
        self.subject.set_subject(i.subject)
        self.deadline.set_date(i.deadline)
        self.document.setText(i.document)
        self.content.setPlainText(i.content)
        self.handling.setPlainText(i.handling)
        self.result_edit.setPlainText(i.result)
        self.closed_on.set_date(i.closed_on)
        for edit in (self.sender_edit, self.subject.edit, self.document):
            edit.setCursorPosition(0)  # long texts show their start, not their end

    def current_kind(self) -> ComplaintKind:
        return ComplaintKind(self.kind.currentData())

    def _kind_changed(self, follow: bool = True) -> None:
        kind = self.current_kind()
        self.sender_label.setText(f"{sender_label(kind)}:")
        self.deadline_hint.setText(deadline_hint(kind))
        if follow:
            self._follow_deadline()

    def _follow_deadline(self) -> None:
        """Fill the default deadline, unless the officer typed one of their own."""
        if self.deadline.text().strip() and self.deadline.date() != self._auto_deadline:
            return
        new = default_deadline(self.current_kind(), self.received.date())
        self.deadline.set_date(new)
        self._auto_deadline = new

    def form_input(self) -> ComplaintInput:
        ref = self.subject.subject()
        return ComplaintInput(
            kind=self.current_kind(),
            received_on=self.received.date(),
            sender=self.sender_edit.text(),
            content=self.content.toPlainText(),
            subject=ref.key if ref is not None else None,
            deadline=self.deadline.date(),
            handling=self.handling.toPlainText(),
            result=self.result_edit.toPlainText(),
            closed_on=self.closed_on.date(),
            document=self.document.text(),
        )

    def _save(self) -> None:
        fields = (
            ("received_on", self.received), ("deadline", self.deadline),
            ("closed_on", self.closed_on),
        )  # fmt: skip
        typed = {k: f.error() for k, f in fields if f.error()}
        if self.subject.subject() is None and self.subject.edit.text().strip():
            typed["subject"] = NOT_CHOSEN
        if typed:
            self.errors.show(typed)
            return
        data, service, item = self.form_input(), self._service, self._item
        self.saved_year = data.received_on.year if data.received_on else None
        self.save_item(service.create, service.update, item.id if item else None, data)
