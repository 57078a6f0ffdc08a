"""Adding or editing one person, and warning before the same person is entered twice.

The officer types the birth as on paper: a full date or just the year. Staff also have the day
they started work, which the months-worked criterion (LĐTT) counts from; residents (nhân dân)
have none, so the field is hidden for them. Checks are the domain's
(validate_person); this dialog only puts each message under its field and asks about a
possible duplicate, because people re-typed from old lists are the registry's usual mess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import Gender, PersonKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.import_values import guess_gender_from_name, parse_birth
from emulation_desktop.domain.registry import STAFF_KINDS, PersonInput, validate_person
from emulation_desktop.domain.registry_views import PersonItem, UnitNode
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.messages import confirm
from emulation_desktop.gui.registry.form import FieldErrors, dialog_buttons, em
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.date_field import DateField

SHOWN_DUPLICATES = 3


def sentence(text: str) -> str:
    """A parser's short reason as a sentence under a field."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", ")")) else text + "."


def duplicate_question(found: Sequence[PersonItem]) -> str:
    """ "Đã có «Nguyễn Văn An» (1980, Thôn Đông) trong danh sách. … Vẫn lưu?" """
    parts = [
        f"«{p.full_name}» ({p.birth or 'chưa rõ năm sinh'}, {p.unit_name})"
        for p in found[:SHOWN_DUPLICATES]
    ]
    if len(found) > SHOWN_DUPLICATES:
        parts.append(f"{len(found) - SHOWN_DUPLICATES} người khác cùng họ tên")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]
    return (
        f"Đã có {listed} trong danh sách. Có thể đây là cùng một người. Vẫn lưu?"
        if len(found) == 1
        else f"Đã có {listed} trong danh sách. Có thể một trong số đó là người này. Vẫn lưu?"
    )


class PersonDialog(QDialog):
    """Add (`person` None) or edit a person; `saved_id` is set once the change is written."""

    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        units: Sequence[UnitNode],
        person: PersonItem | None = None,
        default_unit_id: int | None = None,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_dialog")
        self._registry = registry
        self._tasks = tasks
        self._person = person
        self._today = today
        self._gender_chosen = person is not None
        self.saved_id: int | None = None
        self.setWindowTitle("Sửa thông tin cá nhân" if person else "Thêm cá nhân")

        self.name_edit = QLineEdit()
        self.name_edit.setMinimumWidth(em(self, 28))
        self.male_radio = QRadioButton(Gender.MALE.label)
        self.female_radio = QRadioButton(Gender.FEMALE.label)
        self.gender_group = QButtonGroup(self)
        self.gender_group.addButton(self.male_radio)
        self.gender_group.addButton(self.female_radio)
        self.male_radio.setChecked(True)
        gender_row = QWidget()
        gender_layout = QHBoxLayout(gender_row)
        gender_layout.setContentsMargins(0, 0, 0, 0)
        gender_layout.addWidget(self.male_radio)
        gender_layout.addWidget(self.female_radio)
        gender_layout.addStretch(1)
        gender_row.setFocusProxy(self.male_radio)
        self.birth_edit = QLineEdit()
        self.birth_edit.setPlaceholderText("dd/mm/yyyy hoặc năm sinh")
        self.birth_edit.setMaximumWidth(em(self, 14))
        self.position_edit = QLineEdit()
        self.unit_combo = UnitCombo(units, placeholder="Chọn đơn vị")
        self.kind_combo = QComboBox()
        for kind in PersonKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.work_start_edit = DateField()
        self.work_start_edit.setToolTip(
            "Ngày tuyển dụng hoặc ngày về cơ quan. Số tháng công tác trong năm được tính từ "
            "ngày này («Lao động tiên tiến» cần từ 10 tháng); nghỉ thai sản vẫn tính là công tác."
        )
        self.cccd_edit = QLineEdit()
        self.cccd_edit.setPlaceholderText("12 chữ số, để trống nếu không có")
        self.cccd_edit.setMaximumWidth(em(self, 14))

        self.errors = e = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Họ và tên:", e.wrap("full_name", self.name_edit))
        form.addRow("&Giới tính:", gender_row)
        form.addRow("&Ngày sinh:", e.wrap("birth", self.birth_edit))
        form.addRow("&Chức vụ:", e.wrap("position", self.position_edit))
        form.addRow("Đơn &vị:", e.wrap("unit_id", self.unit_combo))
        form.addRow("Đối &tượng:", self.kind_combo)
        self._work_start_row = e.wrap("work_start", self.work_start_edit)
        form.addRow("Ngày &bắt đầu công tác:", self._work_start_row)
        form.addRow("Số CCC&D:", e.wrap("cccd", self.cccd_edit))
        self._form = form
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addStretch(1)
        layout.addWidget(buttons)
        QWidget.setTabOrder(self.kind_combo, self.work_start_edit)
        QWidget.setTabOrder(self.work_start_edit, self.cccd_edit)
        self.gender_group.buttonClicked.connect(self._gender_clicked)
        self.name_edit.editingFinished.connect(self._guess_gender)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        if person is not None:
            self._load(person)
        else:
            self.unit_combo.set_unit(default_unit_id)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(PersonKind.NHAN_DAN.value))
        self._kind_changed()
        self.name_edit.setFocus()

    def _load(self, p: PersonItem) -> None:
        self.name_edit.setText(p.full_name)
        (self.female_radio if p.gender is Gender.FEMALE else self.male_radio).setChecked(True)
        self.birth_edit.setText(p.birth)
        self.position_edit.setText(p.position)
        self.unit_combo.set_unit(p.unit_id)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(p.kind.value)))
        self.cccd_edit.setText(p.cccd)
        self.work_start_edit.set_date(p.work_start)

    def _kind(self) -> PersonKind:
        return PersonKind(self.kind_combo.currentData() or PersonKind.NHAN_DAN.value)

    def _kind_changed(self) -> None:
        # Hidden, not cleared: a slip of the combo and back keeps what was typed.
        self._form.setRowVisible(self._work_start_row, self._kind() in STAFF_KINDS)

    # Gender: "Thị" and "Văn" tell it, until the officer picks one -----------------------------

    def _gender_clicked(self) -> None:
        self._gender_chosen = True

    def _guess_gender(self) -> None:
        if not self._gender_chosen and (guess := guess_gender_from_name(self.name_edit.text())):
            (self.female_radio if guess is Gender.FEMALE else self.male_radio).setChecked(True)

    # Saving -----------------------------------------------------------------------------------

    def form_input(self) -> tuple[PersonInput, dict[str, str]]:
        """What the form holds, and the messages of the dates that cannot be read."""
        errors: dict[str, str] = {}
        try:
            birth_date, birth_year = parse_birth(self.birth_edit.text(), today=self._today())
        except ValueError as exc:
            errors["birth"] = sentence(str(exc))
            birth_date, birth_year = None, None
        kind = self._kind()
        work_start = None
        if kind in STAFF_KINDS:
            if message := self.work_start_edit.error():
                errors["work_start"] = sentence(message)
            work_start = self.work_start_edit.date()
        data = PersonInput(
            full_name=self.name_edit.text(),
            gender=Gender.FEMALE if self.female_radio.isChecked() else Gender.MALE,
            kind=kind,
            unit_id=self.unit_combo.unit_id(),
            birth_date=birth_date,
            birth_year=birth_year,
            position=self.position_edit.text(),
            cccd=self.cccd_edit.text(),
            work_start=work_start,
        )
        return data, errors

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a save is already running (Ctrl+S pressed twice)
        data, errors = self.form_input()
        try:
            data = validate_person(data, self._today())
        except ValidationError as exc:
            errors = exc.field_errors | errors  # the parser's reason is the more precise one
        if errors:
            self.errors.show(errors)
            return
        self.errors.clear()
        if not self._identity_changed(data):
            self._write(data)
            return
        exclude = self._person.id if self._person else None
        self._run(
            lambda: self._registry.possible_duplicates(
                data.full_name, data.birth_date, data.birth_year, exclude
            ),
            lambda found: self._checked(data, found),
        )

    def _identity_changed(self, data: PersonInput) -> bool:
        p = self._person
        return p is None or (data.full_name, data.birth_date, data.birth_year) != (
            p.full_name,
            p.birth_date,
            p.birth_year,
        )

    def _checked(self, data: PersonInput, found: list[PersonItem]) -> None:
        if found and not confirm(self, duplicate_question(found), "Vẫn lưu", "Hủy"):
            self.save_button.setEnabled(True)
            return
        self._write(data)

    def _write(self, data: PersonInput) -> None:
        registry, person = self._registry, self._person

        def write() -> int:
            if person is None:
                return registry.create_person(data)
            registry.update_person(person.id, data)
            return person.id

        self._run(write, self._saved)

    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        self.save_button.setEnabled(False)
        self._tasks.submit(fn, on_success, self._failed, parent=self)

    def _saved(self, person_id: int) -> None:
        self.save_button.setEnabled(True)
        self.saved_id = person_id
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc)
