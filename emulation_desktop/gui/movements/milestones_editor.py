"""Mốc kỷ niệm in the movement form, with the line as the plan will print it beside each row:
"70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from emulation_desktop.domain.dates import day_text, parse_day
from emulation_desktop.domain.movements import MilestoneInput, milestone_label, shift_years

from emulation_desktop.gui.movements.phases_editor import (
    ChoiceDelegate,
    DateDelegate,
    RowsEditor,
    read_day,
)

NAME, ORIGIN, ANNIVERSARY, PHASE, LABEL = range(5)


class MilestonesEditor(RowsEditor):
    """`year` is the movement's year: typing the event's date fills in its anniversary that
    year; `phase_names` lists the phases currently in the form ("Đợt 1", "Đợt 2")."""

    headers = ("Sự kiện", "Ngày diễn ra", "Ngày kỷ niệm", "Thuộc đợt", "Cách ghi trong văn bản")
    widths = (30, 12, 12, 9, 40)

    def __init__(
        self,
        year: Callable[[], int],
        phase_names: Callable[[], Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Thêm mốc kỷ niệm", "Xóa mốc", parent)
        self.setObjectName("milestones_editor")
        self.table.setObjectName("milestones_table")
        self._year = year
        dates = DateDelegate(self.table)
        self.table.setItemDelegateForColumn(ORIGIN, dates)
        self.table.setItemDelegateForColumn(ANNIVERSARY, dates)
        self.table.setItemDelegateForColumn(PHASE, ChoiceDelegate(phase_names, self.table))
        self.table.horizontalHeaderItem(NAME).setToolTip(
            "Tên sự kiện, ví dụ «Chiến thắng Điện Biên Phủ»; số năm được tính tự động."
        )
        self.table.itemChanged.connect(self._changed)

    def append(self, values: Sequence[str]) -> int:
        self.table.blockSignals(True)
        row = super().append(values)
        label = QTableWidgetItem("")
        label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
        label.setForeground(self.palette().placeholderText())
        self.table.setItem(row, LABEL, label)
        self.table.blockSignals(False)
        self._update_label(row)
        return row

    def set_milestones(self, milestones: Sequence[MilestoneInput]) -> None:
        self.table.setRowCount(0)
        for m in milestones:
            phase = f"Đợt {m.phase_number}" if m.phase_number is not None else ""
            self.append([m.name, day_text(m.origin_date), day_text(m.anniversary_date), phase, ""])

    def _changed(self, item: QTableWidgetItem) -> None:
        row, column = item.row(), item.column()
        if column == LABEL:
            return
        if column == ORIGIN and not self.text(row, ANNIVERSARY):
            origin = self._quiet_day(row, ORIGIN)
            if origin is not None and origin.year < self._year():
                self.set_text(
                    row, ANNIVERSARY, day_text(shift_years(origin, self._year() - origin.year))
                )
        self._update_label(row)

    def _quiet_day(self, row: int, column: int) -> dt.date | None:
        try:
            return parse_day(self.text(row, column))
        except ValueError:
            return None

    def _update_label(self, row: int) -> None:
        origin, day = self._quiet_day(row, ORIGIN), self._quiet_day(row, ANNIVERSARY)
        name = self.text(row, NAME)
        ok = name and origin and day and day > origin
        label = milestone_label(name, origin, day) if ok else ""  # type: ignore[arg-type]
        self.table.blockSignals(True)
        self.set_text(row, LABEL, label)
        self.table.blockSignals(False)

    def label(self, row: int) -> str:
        return self.text(row, LABEL)

    def milestones(self) -> tuple[tuple[MilestoneInput, ...], list[str]]:
        problems: list[str] = []
        found: list[MilestoneInput] = []
        for row in range(self.table.rowCount()):
            if self.blank(row):
                continue
            name = self.text(row, NAME)
            what = f"Mốc «{name}»" if name else f"Mốc kỷ niệm thứ {row + 1}"
            origin = read_day(self.text(row, ORIGIN), what, problems)
            day = read_day(self.text(row, ANNIVERSARY), what, problems)
            phase_text = self.text(row, PHASE).removeprefix("Đợt").strip()
            phase = int(phase_text) if phase_text.isdigit() else None
            found.append(MilestoneInput(name, origin, day, phase))
        return tuple(found), problems
