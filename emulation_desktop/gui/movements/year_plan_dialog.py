"""Sửa kế hoạch năm: the theme of the year, the plan's number and date, the model target."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from emulation_desktop.domain.movement_checks import MAX_MODEL_TARGET, validate_year_plan
from emulation_desktop.domain.movements import YearPlan
from emulation_desktop.services.movements import MovementService

from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog


class YearPlanDialog(SavingDialog):
    """`saved` is True once the plan is written."""

    def __init__(
        self,
        movements: MovementService,
        tasks: TaskRunner,
        plan: YearPlan,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("year_plan_dialog")
        self.setWindowTitle(f"Kế hoạch thi đua năm {plan.year}")
        self._movements = movements
        self._year = plan.year
        self.saved = False

        self.theme_edit = QLineEdit(plan.theme)
        self.theme_edit.setObjectName("theme")
        self.theme_edit.setMinimumWidth(em(self, 44))
        self.theme_edit.setPlaceholderText(
            "Ví dụ: Đoàn kết, vượt khó - Tăng tốc, bứt phá - Kịp thời, hiệu quả"
        )
        self.number_edit = QLineEdit(plan.plan_number)
        self.number_edit.setObjectName("plan_number")
        self.number_edit.setPlaceholderText("21/KH-UBND")
        self.number_edit.setMaximumWidth(em(self, 12))
        self.date_edit = DateField(plan.plan_date)
        self.date_edit.setObjectName("plan_date")
        self.target_spin = QSpinBox()
        self.target_spin.setObjectName("model_target")
        self.target_spin.setRange(0, MAX_MODEL_TARGET)
        self.target_spin.setValue(plan.model_target)
        self.target_spin.setSuffix(" mô hình")
        self.target_spin.setMaximumWidth(em(self, 10))
        self.note_edit = text_box(3, "Ghi chú (nếu có)")
        self.note_edit.setPlainText(plan.note)

        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Chủ đề thi đua năm:", e.wrap("theme", self.theme_edit))
        form.addRow("&Số kế hoạch:", e.wrap("plan_number", self.number_edit))
        form.addRow("&Ngày ban hành:", e.wrap("plan_date", self.date_edit))
        form.addRow(
            "Chỉ tiêu &mô hình mới,\nđiển hình tiên tiến:", e.wrap("model_target", self.target_spin)
        )
        form.addRow("&Ghi chú:", self.note_edit)
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.theme_edit.setFocus()

    def plan(self) -> YearPlan:
        return YearPlan(
            self._year,
            self.theme_edit.text(),
            self.target_spin.value(),
            self.number_edit.text(),
            self.date_edit.date(),
            self.note_edit.toPlainText(),
        )

    def _save(self) -> None:
        plan = self.plan()
        if self.checked(lambda: validate_year_plan(plan), {"plan_date": self.date_edit.error()}):
            movements = self._movements
            self.run(
                lambda: movements.save_year_plan(plan), lambda _r: setattr(self, "saved", True)
            )
