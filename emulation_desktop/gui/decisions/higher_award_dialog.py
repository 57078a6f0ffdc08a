"""Ghi nhận khen thưởng cấp trên: an award a higher level gave outside the commune's rounds (a
Bằng khen, a Huân chương…) for one or several subjects, from its decision, so their histories
are complete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import AwardKind
from emulation_desktop.domain.proposals import HigherAwardInput
from emulation_desktop.domain.rules.model import Level
from emulation_desktop.domain.subjects import SubjectKey
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.decisions.fields import grow
from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

OTHER = "Khác (gõ tên)…"


class HigherAwardDialog(SavingDialog):
    def __init__(self, services: AppServices, tasks: TaskRunner, year: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(tasks, parent)
        self.setObjectName("higher_award_dialog")
        self.setWindowTitle("Ghi nhận khen thưởng của cấp trên")
        self._service = services.decisions
        self.saved_year: int | None = None
        self.subjects: list[SubjectKey] = []
        catalog, _why = services.rules.year_awards(year)
        higher = sorted((a for a in catalog.values() if a.decider is not Level.COMMUNE),
                        key=lambda a: -a.rank)  # fmt: skip
        self.picker = SubjectPicker(services.subjects)
        self.picker.setObjectName("subject")
        self.chosen = QListWidget()
        self.chosen.setObjectName("subjects")
        self.chosen.setMaximumHeight(em(self, 6))
        self.award = combo("award", [*((a.name, a.code) for a in higher), (OTHER, "")])
        self.award_name = QLineEdit()
        self.award_name.setObjectName("award_name")
        self.award_name.setPlaceholderText("Ví dụ: Huy chương Vì sự nghiệp giáo dục")
        self.award_kind = combo("award_kind", [(k.label, k.value) for k in AwardKind])
        self.award_kind.setCurrentIndex(self.award_kind.findData(AwardKind.FORM.value))
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(1945, 2100)
        self.year.setValue(year)
        self.achievement = QLineEdit()
        self.achievement.setObjectName("achievement")
        self.number = QLineEdit()
        self.number.setObjectName("number")
        self.number.setPlaceholderText("Ví dụ: 1520/QĐ-UBND")
        self.issued_on = DateField(required=True)
        self.issued_on.setObjectName("issued_on")
        self.issuer = QLineEdit(self._service.default_recipient())
        self.issuer.setObjectName("issuer")

        add = button("Thêm", self._add_subject, "add_subject")
        drop = button("Bỏ", self._drop_subject, "drop_subject")
        who = QHBoxLayout()
        who.setContentsMargins(0, 0, 0, 0)
        who.addWidget(add)
        who.addWidget(drop)
        who.addStretch(1)
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Đối &tượng:", e.wrap("subjects", grow(self.picker, 30), self.picker.edit))
        form.addRow("", who)
        form.addRow("", self.chosen)
        form.addRow("&Hình thức, danh hiệu:", e.wrap("award", self.award))
        form.addRow("Tên (nếu khác):", self.award_name)
        form.addRow("Loại:", self.award_kind)
        form.addRow("Năm &thành tích:", e.wrap("year", self.year))
        form.addRow("Thành tích:", self.achievement)
        form.addRow("&Quyết định số:", e.wrap("number", self.number))
        form.addRow("&Ngày:", e.wrap("issued_on", self.issued_on))
        form.addRow("&Cấp quyết định:", e.wrap("issuer", self.issuer))
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        self.award.currentIndexChanged.connect(lambda _i: self._award_chosen())
        self._award_chosen()
        self.resize(em(self, 56), self.sizeHint().height())

    def _award_chosen(self) -> None:
        other = not self.award.currentData()
        self.award_name.setEnabled(other)
        self.award_kind.setEnabled(other)

    def _add_subject(self) -> None:
        ref = self.picker.subject()
        if ref is None:
            self.errors.show({"subjects": "Hãy gõ tên rồi chọn đối tượng trong danh sách gợi ý."})
            return
        if ref.key not in self.subjects:
            self.subjects.append(ref.key)
            self.chosen.addItem(ref.label)
        self.picker.set_subject(None)
        self.errors.clear()

    def _drop_subject(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self.subjects):
            del self.subjects[row]
            self.chosen.takeItem(row)

    def form_input(self) -> HigherAwardInput:
        code = str(self.award.currentData() or "")
        return HigherAwardInput(
            subjects=tuple(self.subjects), year=self.year.value(),
            decision_number=self.number.text(), decision_date=self.issued_on.date(),
            issuer=self.issuer.text(), award_code=code,
            award_name="" if code else self.award_name.text(),
            award_kind=AwardKind(self.award_kind.currentData()),
            achievement=self.achievement.text(),
        )  # fmt: skip

    def _save(self) -> None:
        if self.picker.subject() is not None:
            self._add_subject()  # chosen but "Thêm" not pressed: what the officer meant
        if message := self.issued_on.error():
            self.errors.show({"issued_on": message})
            return
        data, service = self.form_input(), self._service
        self.saved_year = data.decision_date.year if data.decision_date else None
        self.run(lambda: service.record_higher_award(data),
                 lambda did: setattr(self, "saved_id", did))  # fmt: skip
