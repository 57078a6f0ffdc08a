"""Đăng ký thi đua: one registration, a whole unit at once, and approving or rejecting many.

Checks are the domain's and the service's; these dialogs put each message under its field and
save nothing while one is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import RegistrationStatus, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.registrations import (
    BulkResult,
    MovementChoice,
    RegistrationInput,
    RegistrationItem,
    UnitRegistrationInput,
    validate_registration,
    validate_unit_registration,
)
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.registry.form import FieldErrors, dialog_buttons, em
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

_S = RegistrationStatus
NEW_STATUSES = (_S.DRAFT, _S.PENDING)
NO_MOVEMENT = "Không theo phong trào (chỉ đăng ký danh hiệu)"
NO_TITLE = "Không đăng ký danh hiệu"


def movement_combo(movements: Sequence[MovementChoice], none_label: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("movement")
    combo.addItem(none_label, None)
    for m in movements:
        combo.addItem(m.name, m.id)
    combo.setMinimumContentsLength(30)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def fill_titles(combo: QComboBox, titles: Sequence[tuple[str, str]], keep: str = "") -> None:
    """(code, name) of the titles, after "no title"; keeps `keep` chosen when still listed."""
    combo.blockSignals(True)
    combo.clear()
    # No title at all: no rule set reaches that year (saving a title would say so too).
    combo.addItem(NO_TITLE if titles else "Không có danh hiệu (chưa có bộ quy định cho năm này)",
                  "")  # fmt: skip
    for code, name in titles:
        combo.addItem(name, code)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


def status_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("status")
    for s in NEW_STATUSES:
        combo.addItem(s.label, s.value)
    return combo


def default_day(year: int) -> dt.date | None:
    """Today when working on the current year; empty for another year (the officer types the
    date from the paper form)."""
    today = dt.date.today()
    return today if today.year == year else None


def _targets_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName("targets")
    edit.setPlaceholderText("Mỗi chỉ tiêu một dòng, ví dụ: Hoàn thành xuất sắc nhiệm vụ")
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
    return edit


class FormDialog(QDialog):
    """The shared save path: check, write through the task runner, show refusals in place."""

    def __init__(self, services: AppServices, tasks: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def finish(self, ok_text: str, body: QWidget | None = None) -> None:
        """Lay out the form, then `body` (which takes the spare height), messages, buttons."""
        buttons, self.save_button = dialog_buttons(self, ok_text, self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if body is not None:
            layout.addWidget(body, 1)
        layout.addWidget(self.errors.general)
        if body is None:
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _save(self) -> None:
        raise NotImplementedError

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if not self.save_button.isEnabled():
            return  # Ctrl+S pressed twice
        self.errors.clear()
        self.save_button.setEnabled(False)

        def ok(result: Any) -> None:
            self.save_button.setEnabled(True)
            done(result)
            self.accept()

        def failed(exc: UserError) -> None:
            self.save_button.setEnabled(True)
            self.errors.show_failure(exc)

        self.tasks.submit(work, ok, failed, parent=self)


class RegistrationDialog(FormDialog):
    """Add (`item` None) or edit one registration; `saved_id` once written."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, year: int,
        movements: Sequence[MovementChoice], item: RegistrationItem | None = None,
        movement_id: int | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("registration_dialog")
        self.year, self.item = year, item
        self.saved_id: int | None = None
        self.setWindowTitle(f"Sửa đăng ký thi đua năm {year}" if item else
                            f"Đăng ký thi đua năm {year}")  # fmt: skip
        self.picker = SubjectPicker(services.subjects)
        self.picker.setMinimumWidth(em(self, 40))
        self.movement = movement_combo(movements, NO_MOVEMENT)
        self.title_combo = QComboBox()
        self.title_combo.setObjectName("award")
        self.targets = _targets_edit()
        self.registered_on = DateField(default_day(year) if item is None else item.registered_on)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 2 + 12)
        e, f = self.errors, self.form
        f.addRow("Đối &tượng:", e.wrap("subject", self.picker, self.picker.edit))
        f.addRow("&Phong trào:", e.wrap("movement_id", self.movement))
        f.addRow("&Danh hiệu:", e.wrap("award_code", self.title_combo))
        f.addRow("C&hỉ tiêu đăng ký:", e.wrap("targets", self.targets))
        f.addRow("&Ngày đăng ký:", e.wrap("registered_on", self.registered_on))
        if item is None:
            self.status = status_combo()
            f.addRow("T&rạng thái:", e.wrap("status", self.status))
        else:
            status = item.status.label + (f" ngày {item.decided_on:%d/%m/%Y}"
                                          if item.decided_on else "")  # fmt: skip
            f.addRow("Trạng thái:", QLabel(status))
        f.addRow("&Ghi chú:", self.note)
        self.finish("Lưu")
        self.picker.kind.currentIndexChanged.connect(lambda _i: self._refill_titles())
        if item is not None:
            self.picker.set_subject(item.subject)
            self.picker.edit.setCursorPosition(0)  # the name, not the end of the unit's name
            self.movement.setCurrentIndex(max(0, self.movement.findData(item.movement_id)))
            self.targets.setPlainText(item.targets)
            self.note.setPlainText(item.note)
        else:
            self.movement.setCurrentIndex(max(0, self.movement.findData(movement_id)))
        self._refill_titles(item.award_code if item else "")
        # A new registration starts with who; an edit usually changes the targets.
        (self.targets if item else self.picker.edit).setFocus()

    def _refill_titles(self, keep: str | None = None) -> None:
        keep = (self.title_combo.currentData() or "") if keep is None else keep
        titles = self.services.registrations.titles(self.year, self.picker.current_kind())
        fill_titles(self.title_combo, [(t.code, t.name) for t in titles], keep)

    def form_input(self) -> RegistrationInput:
        ref = self.picker.subject()
        status = _S(self.status.currentData()) if self.item is None else self.item.status
        return RegistrationInput(
            self.year, ref.key if ref else None, self.movement.currentData(),
            self.title_combo.currentData() or "", self.targets.toPlainText(), status,
            self.registered_on.date(), self.note.toPlainText(),
        )  # fmt: skip

    def _save(self) -> None:
        data, errors = self.form_input(), {}
        if message := self.registered_on.error():
            errors["registered_on"] = message
        try:
            validate_registration(data, new=self.item is None)
        except ValidationError as exc:
            errors = exc.field_errors | errors
        if errors:
            self.errors.show(errors)
            return
        regs, item = self.services.registrations, self.item

        def write() -> int:
            if item is None:
                return regs.create(data)
            regs.update(item.id, data)
            return item.id

        self.run(write, lambda saved: setattr(self, "saved_id", saved))


class UnitRegistrationDialog(FormDialog):
    """Register every active person of a unit (and the units below it), optionally the units
    themselves as collectives; `outcome` tells what was done."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, year: int,
        movements: Sequence[MovementChoice], units: Sequence[UnitNode],
        unit_id: int | None = None, movement_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("unit_registration_dialog")
        self.setWindowTitle(f"Đăng ký thi đua cho cả đơn vị – năm {year}")
        self.year = year
        self.outcome: BulkResult | None = None
        self.unit = UnitCombo(units, placeholder="Chọn đơn vị")
        self.unit.set_unit(unit_id)
        self.subunits = QCheckBox("Gồm cả các đơn vị trực thuộc")
        self.subunits.setChecked(True)
        self.movement = movement_combo(movements, NO_MOVEMENT)
        self.movement.setCurrentIndex(max(0, self.movement.findData(movement_id)))
        regs = services.registrations
        self.people = QCheckBox("Mọi cá nhân đang theo dõi của đơn vị, danh hiệu:")
        self.people.setChecked(True)
        self.person_title = QComboBox()
        fill_titles(self.person_title, [(t.code, t.name) for t in
                                        regs.titles(year, SubjectKind.PERSON)])  # fmt: skip
        self.collectives = QCheckBox("Tập thể đơn vị (và các đơn vị trực thuộc), danh hiệu:")
        self.unit_title = QComboBox()
        fill_titles(self.unit_title, [(t.code, t.name) for t in
                                      regs.titles(year, SubjectKind.UNIT)])  # fmt: skip
        self.targets = _targets_edit()
        self.registered_on = DateField(default_day(year))
        self.status = status_combo()
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        e, f = self.errors, self.form
        f.addRow("Đơn &vị:", e.wrap("unit_id", self.unit))
        f.addRow("", self.subunits)
        f.addRow("&Phong trào:", e.wrap("movement_id", self.movement))
        people_row = e.wrap("person_award", _pair(self.people, self.person_title))
        f.addRow("Cá nhân:", e.wrap("people", people_row, self.people))
        f.addRow("Tập thể:", e.wrap("unit_award", _pair(self.collectives, self.unit_title)))
        f.addRow("C&hỉ tiêu chung:", e.wrap("targets", self.targets))
        f.addRow("&Ngày đăng ký:", e.wrap("registered_on", self.registered_on))
        f.addRow("T&rạng thái:", e.wrap("status", self.status))
        f.addRow("", self.preview)
        self.finish("Đăng ký")
        for combo in (self.unit, self.movement, self.person_title, self.unit_title):
            combo.currentIndexChanged.connect(lambda _i: self.update_preview())
        for box in (self.subunits, self.people, self.collectives):
            box.toggled.connect(lambda _c: self.update_preview())
        self.people.toggled.connect(self.person_title.setEnabled)
        self.collectives.toggled.connect(self.unit_title.setEnabled)
        self.unit_title.setEnabled(False)
        self.update_preview()

    def form_input(self) -> UnitRegistrationInput:
        return UnitRegistrationInput(
            self.year, self.unit.unit_id(), self.movement.currentData(),
            self.person_title.currentData() or "", self.people.isChecked(),
            self.collectives.isChecked(), self.unit_title.currentData() or "",
            self.subunits.isChecked(), self.targets.toPlainText(), _S(self.status.currentData()),
            self.registered_on.date(),
        )  # fmt: skip

    def update_preview(self) -> None:
        """Who would be registered, read again at each change (a few indexed queries)."""
        try:
            text = self.services.registrations.preview_unit(self.form_input()).preview
        except ValidationError as exc:
            text = exc.message  # what is still missing, before anything is counted
        except UserError as exc:
            text = exc.message
        self.preview.setText(text)

    def _save(self) -> None:
        data, errors = self.form_input(), {}
        if message := self.registered_on.error():
            errors["registered_on"] = message
        try:
            validate_unit_registration(data)
        except ValidationError as exc:
            errors = exc.field_errors | errors
        if errors:
            self.errors.show(errors)
            return
        self.run(lambda: self.services.registrations.register_unit(data),
                 lambda outcome: setattr(self, "outcome", outcome))  # fmt: skip


class StatusDialog(FormDialog):
    """Duyệt or Từ chối the chosen registrations with the decision date (and the reason)."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, ids: Sequence[int],
        target: RegistrationStatus, today: dt.date | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("status_dialog")
        self.ids, self.target = list(ids), target
        self.changed: int | None = None
        reject = target is _S.REJECTED
        verb = "Từ chối" if reject else "Duyệt"
        self.setWindowTitle(f"{verb} đăng ký thi đua")
        n = len(self.ids)
        self.form.addRow(QLabel(f"{verb} {n} đăng ký đã chọn." if n > 1 else
                                f"{verb} đăng ký đã chọn."))  # fmt: skip
        self.day = DateField(today or dt.date.today(), required=True)
        self.form.addRow(f"Ngày {verb.lower()}:", self.errors.wrap("day", self.day))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 3 + 12)
        if reject:
            self.form.addRow("Lý do từ chối:", self.errors.wrap("reason", self.reason))
        self.finish(verb)

    def _save(self) -> None:
        if message := self.day.error():
            self.errors.show({"day": message})
            return
        day, reason = self.day.date(), self.reason.toPlainText()
        regs, ids, target = self.services.registrations, self.ids, self.target
        self.run(lambda: regs.change_status(ids, target, day, reason),
                 lambda n: setattr(self, "changed", n))  # fmt: skip


def _pair(box: QCheckBox, combo: QComboBox) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box)
    layout.addWidget(combo, 1)
    row.setFocusProxy(box)
    return row
