"""Adding or editing one movement: general facts, phases and milestones, targets and units.

Three tabs keep the form inside a 1366×768 screen at 125 %. Checks are the domain's
(validate_movement); this dialog reads the typed dates, puts each message under its field,
opens the tab holding the first one, and asks before saving what only looks odd.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import Launcher, MovementKind, SubjectKind
from emulation_desktop.domain.errors import ValidationError
from emulation_desktop.domain.movement_checks import movement_warnings, validate_movement
from emulation_desktop.domain.movements import MovementDetail, MovementInput
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import confirm
from emulation_desktop.gui.movements.milestones_editor import MilestonesEditor
from emulation_desktop.gui.movements.phases_editor import PhasesEditor
from emulation_desktop.gui.movements.unit_checklist import UnitChecklist
from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import enum_combo, text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

DOC_TYPES = ("Kế hoạch", "Quyết định", "Chỉ thị", "Công văn", "Hướng dẫn", "Thông báo")
GENERAL, PHASES, UNITS = range(3)
_TAB_OF = {"phases": PHASES, "milestones": PHASES, "targets": UNITS, "unit_ids": UNITS}


def _row(*widgets: QWidget | str, stretch: bool = True) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(QLabel(w) if isinstance(w, str) else w)
    if stretch:
        layout.addStretch(1)
    return box


class MovementDialog(SavingDialog):
    """Add (`movement` None, in `year`) or edit; `saved_id` is set once the change is written."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        year: int,
        movement: MovementDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("movement_dialog")
        self._services = services
        self._year = movement.year if movement else year
        self._movement = movement
        self.setWindowTitle("Sửa phong trào thi đua" if movement else "Thêm phong trào thi đua")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("movement_tabs")
        self.tabs.addTab(self._general_tab(), "Thông tin chung")
        self.tabs.addTab(self._phases_tab(), "Các đợt, mốc kỷ niệm")
        self.tabs.addTab(self._units_tab(movement), "Chỉ tiêu, đơn vị tham gia")
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self._fit_screen()
        self._load(movement.to_input() if movement else self._blank())
        if movement is not None and movement.responsible is not None:
            self.responsible.set_subject(movement.responsible)
        self.tabs.setCurrentIndex(GENERAL)
        self.name_edit.setFocus()

    def _fit_screen(self) -> None:
        """Roomy on a desktop, never taller than a 1366×768 laptop at 125 % allows."""
        width, height = em(self, 92), em(self, 58)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    # Building ---------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        e = self.errors
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText("Ví dụ: Cả nước chung sức xây dựng nông thôn mới")
        self.theme_edit = QLineEdit()
        self.theme_edit.setObjectName("theme")
        self.theme_edit.setPlaceholderText("Chủ đề, khẩu hiệu thi đua (nếu có)")
        self.kind_combo = enum_combo("kind", MovementKind.choices())
        self.launcher_combo = enum_combo("launcher", Launcher.choices())
        self.start_edit = DateField(required=True)
        self.start_edit.setObjectName("start")
        self.end_edit = DateField(required=True)
        self.end_edit.setObjectName("end")
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("launch_doc_type")
        self.doc_type.setEditable(True)
        self.doc_type.addItems(["", *DOC_TYPES])
        self.doc_type.setMinimumContentsLength(10)
        self.doc_number = QLineEdit()
        self.doc_number.setObjectName("launch_doc_number")
        self.doc_number.setPlaceholderText("36/KH-UBND")
        self.doc_number.setMaximumWidth(em(self, 10))
        self.doc_date = DateField()
        self.doc_date.setObjectName("launch_doc_date")
        self.doc_issuer = QLineEdit()
        self.doc_issuer.setObjectName("launch_doc_issuer")
        self.doc_issuer.setPlaceholderText("Ví dụ: UBND tỉnh Ninh Bình")
        self.doc_subject = QLineEdit()
        self.doc_subject.setObjectName("launch_doc_subject")
        self.doc_subject.setPlaceholderText("Trích yếu: về việc …")
        self.responsible = SubjectPicker(self._services.subjects, [SubjectKind.PERSON])
        self.responsible.setObjectName("responsible")
        self.note_edit = text_box(2, "Ghi chú (nếu có)")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Tên phong trào:", e.wrap("name", self.name_edit))
        form.addRow("C&hủ đề:", e.wrap("theme", self.theme_edit))
        form.addRow("&Loại:", _row(self.kind_combo, "   Cấp phát động:", self.launcher_combo))
        # One message line per date under the whole row keeps "từ … đến …" on one line.
        period = _row(self.start_edit, "đến", self.end_edit)
        period = e.wrap("end", e.wrap("start", period, self.start_edit), self.end_edit)
        form.addRow("Thời &gian: từ", period)
        doc = _row(self.doc_type, "số", self.doc_number, "ngày", self.doc_date)
        doc = e.wrap("launch_doc_number", doc, self.doc_number)
        doc = e.wrap("launch_doc_date", doc, self.doc_date)
        form.addRow("&Văn bản phát động:", doc)
        form.addRow("Cơ quan ban hành:", e.wrap("launch_doc_issuer", self.doc_issuer))
        form.addRow("Trích yếu:", e.wrap("launch_doc_subject", self.doc_subject))
        form.addRow("Người &phụ trách:", e.wrap("responsible_id", self.responsible,
                                                self.responsible.edit))  # fmt: skip
        form.addRow("Ghi &chú:", self.note_edit)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _phases_tab(self) -> QWidget:
        self.phases = PhasesEditor(lambda: (self.start_edit.date(), self.end_edit.date()))
        self.milestones = MilestonesEditor(lambda: self._year, self.phases.phase_names)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Các đợt thi đua (để trống nếu phong trào không chia đợt):"))
        layout.addWidget(self.errors.wrap("phases", self.phases, self.phases.table), 1)
        layout.addWidget(QLabel("Mốc kỷ niệm, ngày lễ lớn hướng tới:"))
        layout.addWidget(self.errors.wrap("milestones", self.milestones, self.milestones.table), 1)
        return page

    def _units_tab(self, movement: MovementDetail | None) -> QWidget:
        self.targets_edit = QPlainTextEdit()
        self.targets_edit.setObjectName("targets")
        self.targets_edit.setTabChangesFocus(True)
        self.targets_edit.setPlaceholderText("Mỗi dòng một chỉ tiêu, tiêu chí")
        checked = [u.id for u in movement.units] if movement else []
        self.units = UnitChecklist(self._services.registry.units(), checked)
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        left.addWidget(QLabel("Chỉ tiêu, tiêu chí:"))
        left.addWidget(self.errors.wrap("targets", self.targets_edit), 1)
        right = QVBoxLayout()
        right.addWidget(QLabel("Đơn vị tham gia:"))
        right.addWidget(self.errors.wrap("unit_ids", self.units, self.units.tree), 1)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        return page

    # Loading and reading ----------------------------------------------------------------------

    def _blank(self) -> MovementInput:
        return MovementInput("", dt.date(self._year, 1, 1), dt.date(self._year, 12, 31))

    def _load(self, d: MovementInput) -> None:
        self.name_edit.setText(d.name)
        self.theme_edit.setText(d.theme)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(d.kind.value)))
        self.launcher_combo.setCurrentIndex(max(0, self.launcher_combo.findData(d.launcher.value)))
        self.start_edit.set_date(d.start)
        self.end_edit.set_date(d.end)
        self.doc_type.setCurrentText(d.launch_doc_type)
        self.doc_number.setText(d.launch_doc_number)
        self.doc_date.set_date(d.launch_doc_date)
        self.doc_issuer.setText(d.launch_doc_issuer)
        self.doc_subject.setText(d.launch_doc_subject)
        self.note_edit.setPlainText(d.note)
        self.targets_edit.setPlainText(d.targets)
        self.phases.set_phases(d.phases)
        self.milestones.set_milestones(d.milestones)

    def form_input(self) -> tuple[MovementInput, dict[str, str]]:
        """What the form holds, and the messages of what could not be read."""
        errors: dict[str, str] = {}
        for key, field in (("start", self.start_edit), ("end", self.end_edit),
                           ("launch_doc_date", self.doc_date)):  # fmt: skip
            if message := field.error():
                errors[key] = message
        self.phases.commit()
        self.milestones.commit()
        phases, phase_problems = self.phases.phases()
        milestones, milestone_problems = self.milestones.milestones()
        if phase_problems:
            errors["phases"] = "\n".join(phase_problems)
        if milestone_problems:
            errors["milestones"] = "\n".join(milestone_problems)
        responsible = self.responsible.subject()
        if responsible is None and self.responsible.edit.text().strip():
            errors["responsible_id"] = (
                "Hãy chọn người phụ trách trong danh sách gợi ý, hoặc để trống."
            )
        data = MovementInput(
            name=self.name_edit.text(),
            start=self.start_edit.date(),
            end=self.end_edit.date(),
            theme=self.theme_edit.text(),
            kind=MovementKind(self.kind_combo.currentData()),
            launcher=Launcher(self.launcher_combo.currentData()),
            launch_doc_type=self.doc_type.currentText(),
            launch_doc_number=self.doc_number.text(),
            launch_doc_date=self.doc_date.date(),
            launch_doc_issuer=self.doc_issuer.text(),
            launch_doc_subject=self.doc_subject.text(),
            targets=self.targets_edit.toPlainText(),
            responsible_id=responsible.id if responsible else None,
            note=self.note_edit.toPlainText(),
            phases=phases,
            milestones=milestones,
            unit_ids=self.units.unit_ids(),
            year=self._year,
        )
        return data, errors

    # Saving -----------------------------------------------------------------------------------

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Messages under their fields, with the tab of the first one in front."""
        tabs = [_TAB_OF.get(key, GENERAL) for key in errors]
        self.tabs.setCurrentIndex(min(tabs, default=GENERAL))
        self.errors.show(errors)

    def _save(self) -> None:
        data, errors = self.form_input()
        try:
            data = validate_movement(data)
        except ValidationError as exc:
            errors = exc.field_errors | errors  # the date reader's reason is the more precise
        if errors:
            self.show_errors(errors)
            return
        self.errors.clear()
        if warnings := movement_warnings(data):
            question = "\n".join(warnings) + "\n\nVẫn lưu?"
            if not confirm(self, question, "Vẫn lưu", "Xem lại"):
                return
        service, movement = self._services.movements, self._movement
        self.save_item(service.create, service.update, movement.id if movement else None, data)
