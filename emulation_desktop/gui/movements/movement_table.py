"""The movements list of a year: its columns, the table that keeps the name readable when
narrow, and the year-plan strip above it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from emulation_desktop.domain.movements import MovementItem, YearPlan

from emulation_desktop.gui.registry.form import em

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[tuple[str, Callable[[MovementItem], str]], ...] = (
    ("Tên phong trào", lambda m: m.name),
    ("Loại", lambda m: m.kind.label),
    ("Cấp phát động", lambda m: m.launcher.label),
    ("Thời gian", lambda m: short_period(m.start, m.end)),
    ("Số đợt", lambda m: str(m.phase_count) if m.phase_count else ""),
)


def short_period(start: dt.date, end: dt.date) -> str:
    """ "01/01 - 31/12/2024" within one year (the list is narrow), else both years."""
    if start.year == end.year:
        return f"{start:%d/%m} - {end:%d/%m/%Y}"
    return f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"


class MovementTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[MovementItem] = []

    def set_items(self, items: list[MovementItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](item)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{item.name}\n{item.theme}" if item.theme else item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[index.column()][1](item) if index.column() != 3 else item.period
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][0]
        return None


LAUNCHER = 2
# Dropped in this order when the name would be too narrow to read; the detail beside the list
# shows them all.
OPTIONAL = (4, LAUNCHER, 1)


class MovementTable(QTableView):
    """Rows of the year's movements: the name takes the room, short columns their text; on a
    narrow window the less needed columns step aside rather than squeeze the name."""

    def __init__(self, model: MovementTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # "UBND huyện (trước 01/7/2025)" is long: elided, whole in the tooltip and the detail.
        header.setSectionResizeMode(LAUNCHER, QHeaderView.ResizeMode.Interactive)
        self._launcher_width = em(self, 11)
        self.setColumnWidth(LAUNCHER, self._launcher_width)
        self.setMinimumWidth(em(self, 24))
        model.modelReset.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """Show the short columns that fit beside a readable name, dropping OPTIONAL first."""
        header = self.horizontalHeader()
        if not header.isSectionHidden(LAUNCHER):
            self._launcher_width = self.columnWidth(LAUNCHER)  # the officer may have widened it
        widths = {
            c: self._launcher_width
            if c == LAUNCHER
            else max(self.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(1, len(COLUMNS))
        }
        room = self.viewport().width() - em(self, 16)
        shown = set(widths)
        for column in OPTIONAL:
            if sum(widths[c] for c in shown) <= room:
                break
            shown.discard(column)
        for column in widths:
            if header.isSectionHidden(column) == (column in shown):
                self.setColumnHidden(column, column not in shown)
                if column == LAUNCHER and column in shown:
                    self.setColumnWidth(LAUNCHER, self._launcher_width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def plan_text(plan: YearPlan) -> str:
    """The strip above the list: what the year's plan says, or that it is not recorded yet."""
    if not (plan.saved or plan.theme):
        return (
            f"<b>Kế hoạch thi đua năm {plan.year}</b>: chưa ghi. Bấm «Sửa kế hoạch năm…» để "
            "ghi chủ đề thi đua của năm, số và ngày kế hoạch, chỉ tiêu mô hình mới, điển hình "
            "tiên tiến."
        )
    head = f"<b>Kế hoạch thi đua năm {plan.year}</b>"
    if plan.plan_line:
        head += f": {escape(plan.plan_line)}"
    lines = [head]
    if plan.theme:
        lines.append(f"Chủ đề: <b>“{escape(plan.theme)}”</b>")
    if plan.model_target:
        lines.append(f"Chỉ tiêu: xây dựng {plan.model_target} mô hình mới, điển hình tiên tiến")
    return "<br>".join(lines)
