"""One round: its kind, name (a default follows the kind and movement until the officer types
one), movement and phase for a movement's round, achievement period, the day the dossier was
received, whether the list is made public, and a note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from emulation_desktop.domain.enums import RoundKind
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.nominations import (
    RoundInput,
    RoundItem,
    default_period,
    default_round_name,
    validate_round,
)
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.movements.form_dialog import FormDialog, movement_combo
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import enum_combo, text_box
from emulation_desktop.gui.widgets.date_field import DateField


class RoundDialog(FormDialog):
    """Add (`item` None) or edit a round of `year`; `saved_id` once written."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, year: int,
        movements: Sequence[MovementChoice], item: RoundItem | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("round_dialog")
        self.year, self.item, self.movements = year, item, list(movements)
        self.setWindowTitle(f"Sửa đợt xét – {item.name}" if item else
                            f"Thêm đợt xét khen thưởng năm {year}")  # fmt: skip
        self.setMinimumWidth(em(self, 36))
        self.kind = enum_combo("kind", RoundKind.choices())
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.movement = movement_combo(self.movements, "Chọn phong trào thi đua")
        self.phase = QComboBox()
        self.phase.setObjectName("phase")
        self.period = QLineEdit()
        self.period.setObjectName("period")
        self.period.setPlaceholderText(default_period(year))
        self.received_on = DateField()
        self.notice = QCheckBox("Công khai danh sách để lấy ý kiến trước khi quyết định")
        self.notice.setObjectName("needs_notice")
        self.note = text_box(2, name="note")
        e, f = self.errors, self.form
        f.addRow("&Loại đợt xét:", e.wrap("kind", self.kind))
        f.addRow("&Tên đợt xét:", e.wrap("name", self.name))
        self.movement_row = e.wrap("movement_id", self.movement)
        self.phase_row = e.wrap("phase_id", self.phase)
        f.addRow("&Phong trào:", self.movement_row)
        f.addRow("Đợt &thi đua:", self.phase_row)
        f.addRow("Thời gian thành tích:", e.wrap("period", self.period))
        f.addRow("Ngày nhận &hồ sơ:", e.wrap("received_on", self.received_on))
        f.addRow("", self.notice)
        f.addRow("Ghi &chú:", e.wrap("note", self.note))
        self.finish("Lưu")
        if item is not None:
            self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
            self.movement.setCurrentIndex(max(0, self.movement.findData(item.movement_id)))
            self.name.setText(item.name)
            self.period.setText(item.period)
            self.received_on.set_date(item.received_on)
            self.notice.setChecked(item.needs_notice)
            self.note.setPlainText(item.note)
        self._fill_phases(item.phase_id if item else None)
        self._kind_changed(initial=True)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.movement.currentIndexChanged.connect(lambda _i: self._movement_changed())
        self.phase.currentIndexChanged.connect(lambda _i: self._placeholder())
        self.kind.setFocus()

    def current_kind(self) -> RoundKind:
        return RoundKind(self.kind.currentData())

    def _kind_changed(self, initial: bool = False) -> None:
        kind = self.current_kind()
        phased = kind is RoundKind.MOVEMENT
        self.form.setRowVisible(self.movement_row, phased)
        self.form.setRowVisible(self.phase_row, phased and self.phase.count() > 1)
        if not initial or self.item is None:
            self.notice.setChecked(kind.needs_notice)
        self._placeholder()

    def _movement_changed(self) -> None:
        self._fill_phases(None)
        self.form.setRowVisible(self.phase_row, self.current_kind() is RoundKind.MOVEMENT
                                and self.phase.count() > 1)  # fmt: skip
        self._placeholder()

    def _fill_phases(self, keep: int | None) -> None:
        self.phase.blockSignals(True)
        self.phase.clear()
        self.phase.addItem("Cả phong trào", None)
        chosen = self._chosen_movement()
        for p in chosen.phases if chosen else ():
            self.phase.addItem(p.label, p.id)
        self.phase.setCurrentIndex(max(0, self.phase.findData(keep)))
        self.phase.blockSignals(False)

    def _chosen_movement(self) -> MovementChoice | None:
        mid = self.movement.currentData()
        return next((m for m in self.movements if m.id == mid), None)

    def _placeholder(self) -> None:
        m = self._chosen_movement()
        phase = m.phase(self.phase.currentData()) if m else None
        self.name.setPlaceholderText(
            default_round_name(
                self.current_kind(), self.year, m.name if m else "", phase.title if phase else ""
            )
        )

    def form_input(self) -> RoundInput:
        return RoundInput(
            self.year, self.current_kind(), self.name.text(), self.movement.currentData(),
            self.phase.currentData(), self.period.text(), self.received_on.date(),
            self.notice.isChecked(), self.note.toPlainText(),
        )  # fmt: skip

    def _save(self) -> None:
        data = self.form_input()
        typed = {"received_on": self.received_on.error()}
        if self.checked(lambda: validate_round(data), typed):
            rounds = self.services.rounds
            self.save_item(rounds.create, rounds.update, self.item.id if self.item else None,
                           data)  # fmt: skip
