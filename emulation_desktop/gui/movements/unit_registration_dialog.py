"""Đăng ký cả đơn vị: every active person of a unit (and of the units below it) and, if asked,
the units themselves as collectives, to one movement and/or title, with a preview of who would
be registered and who is skipped as already registered."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from emulation_desktop.domain.enums import RegistrationStatus, SubjectKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.registrations import (
    BulkResult,
    UnitRegistrationInput,
    validate_unit_registration,
)
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.movements.form_dialog import FormDialog, movement_combo
from emulation_desktop.gui.movements.registration_dialog import (
    NO_MOVEMENT,
    default_day,
    fill_titles,
    status_combo,
    targets_box,
)
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.date_field import DateField


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
        self.targets = targets_box()
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
            self.subunits.isChecked(), self.targets.toPlainText(),
            RegistrationStatus(self.status.currentData()), self.registered_on.date(),
        )  # fmt: skip

    def update_preview(self) -> None:
        """Who would be registered, read again at each change (a few indexed queries)."""
        try:
            text = self.services.registrations.preview_unit(self.form_input()).preview
        except ValidationError as exc:
            # The next thing to choose, one at a time, before anything is counted.
            text = next(iter(exc.field_errors.values()), exc.message)
        except UserError as exc:
            text = exc.message
        self.preview.setText(text)

    def _save(self) -> None:
        data = self.form_input()
        typed = {"registered_on": self.registered_on.error()}
        if not self.checked(lambda: validate_unit_registration(data), typed):
            return
        self.run(lambda: self.services.registrations.register_unit(data),
                 lambda outcome: setattr(self, "outcome", outcome))  # fmt: skip


def _pair(box: QCheckBox, combo: QComboBox) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box)
    layout.addWidget(combo, 1)
    row.setFocusProxy(box)
    return row
