"""Adding or editing a discipline, maternity or other long leave period of a person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop import APP_NAME
from emulation_desktop.domain.enums import PeriodKind, SubjectKind
from emulation_desktop.domain.periods import DISCIPLINE_FORMS, PeriodInput, PeriodItem
from emulation_desktop.domain.subjects import SubjectRef
from emulation_desktop.services.periods import PeriodService
from emulation_desktop.services.subjects import SubjectService

from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

_WHY = {
    PeriodKind.DISCIPLINE: "Trong thời gian kỷ luật và cả năm có kỷ luật, cá nhân không được xét "
    "danh hiệu thi đua.",
    PeriodKind.MATERNITY: "Thời gian nghỉ thai sản được tính là thời gian làm việc khi xét danh "
    "hiệu (NĐ 152/2025 Điều 4).",
    PeriodKind.LEAVE: "Thời gian nghỉ dài hạn (ốm đau, việc riêng…) được trừ khi tính số tháng "
    "làm việc trong năm.",
}


class PeriodDialog(SavingDialog):
    """Add (`item` None) or edit; `saved_id` is set after a successful save."""

    def __init__(
        self,
        periods: PeriodService,
        subjects: SubjectService,
        tasks: TaskRunner,
        item: PeriodItem | None = None,
        kind: PeriodKind = PeriodKind.DISCIPLINE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("period_dialog")
        self.setWindowTitle(
            f"{'Sửa' if item else 'Thêm'} thời gian kỷ luật, thai sản, nghỉ dài hạn – {APP_NAME}"
        )
        self._periods, self._item = periods, item

        self.person = SubjectPicker(subjects, [SubjectKind.PERSON])
        self.setMinimumWidth(em(self, 44))  # "Họ tên (đơn vị)" and the messages in full
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for k in PeriodKind:
            self.kind.addItem(k.label, k)
        self.form = QComboBox()
        self.form.setObjectName("form")
        self.form.setEditable(True)  # a form the list lacks can be typed
        self.form.addItems(DISCIPLINE_FORMS)
        self.form.setCurrentIndex(-1)
        self.form.lineEdit().setPlaceholderText("Chọn hoặc gõ hình thức kỷ luật")
        self.start = DateField(required=True)
        self.start.setObjectName("start")
        self.end = DateField()
        self.end.setObjectName("end")
        self.end.setPlaceholderText("để trống nếu chưa kết thúc")
        self.end.setMaximumWidth(em(self, 14))
        self.document = QLineEdit()
        self.document.setObjectName("document")
        self.document.setPlaceholderText("Ví dụ: Quyết định số 12/QĐ-UBND ngày 05/3/2025")
        self.document.setMaxLength(500)
        self.note = text_box(3, name="note")
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setObjectName("why")

        form = QFormLayout()
        form.addRow("Cá nhân:", self.errors.wrap("person", self.person, self.person.edit))
        form.addRow("Loại:", self.kind)
        self.form_label = QLabel("Hình thức:")
        form.addRow(self.form_label, self.errors.wrap("form", self.form))
        form.addRow("Từ ngày:", self.errors.wrap("start", self.start))
        form.addRow("Đến ngày:", self.errors.wrap("end", self.end))
        form.addRow("Văn bản:", self.errors.wrap("document", self.document))
        form.addRow("Ghi chú:", self.note)
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.why)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        if item is not None:
            self.person.set_subject(
                SubjectRef(SubjectKind.PERSON, item.person_id, item.person_name, item.unit_name)
            )
            self.person.edit.setCursorPosition(0)
            kind = item.kind
            self.form.setCurrentText(item.form)
            self.start.set_date(item.start)
            self.end.set_date(item.end)
            self.document.setText(item.document)
            self.note.setPlainText(item.note)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = PeriodKind(self.kind.currentData())
        discipline = kind is PeriodKind.DISCIPLINE
        self.form.setEnabled(discipline)
        self.form_label.setEnabled(discipline)
        self.why.setText(_WHY[kind])

    def data(self) -> PeriodInput:
        person = self.person.subject()
        return PeriodInput(
            person_id=person.id if person else None,
            kind=PeriodKind(self.kind.currentData()),
            start=self.start.date(),
            end=self.end.date(),
            form=self.form.currentText(),
            document=self.document.text(),
            note=self.note.toPlainText(),
        )

    def _save(self) -> None:
        typed = {k: e for k, e in (("start", self.start.error()), ("end", self.end.error())) if e}
        if typed:
            self.errors.show(typed)
            return
        periods, item = self._periods, self._item
        self.save_item(periods.create, periods.update, item.id if item else None, self.data())
