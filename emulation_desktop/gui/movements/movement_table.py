"""The movements list of a year: its columns, the table that keeps the name readable when
narrow, and the year-plan strip above it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.movements import MovementItem, YearPlan, period_text

from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.widgets.column_fit import ColumnFit

Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[tuple[str, Callable[[MovementItem], str]], ...] = (
    ("Tên phong trào", lambda m: m.name),
    ("Loại", lambda m: m.kind.label),
    ("Cấp phát động", lambda m: m.launcher.label),
    ("Thời gian", lambda m: short_period(m.start, m.end)),
    ("Số đợt", lambda m: str(m.phase_count) if m.phase_count else "–"),
)


def short_period(start: dt.date, end: dt.date) -> str:
    """ "01/01 - 31/12/2024" within one year (the list is narrow), else both years."""
    if start.year != end.year:
        return period_text(start, end)
    return f"{day_text(start).removesuffix(f'/{start.year}')} - {day_text(end)}"


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


class MovementTable(QTableView):
    """Rows of the year's movements: the name takes the room, short columns their text; on a
    narrow window the less needed columns step aside rather than squeeze the name (the detail
    beside the list shows them all)."""

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
        self.horizontalHeader().setHighlightSections(False)
        # "UBND huyện (trước 01/7/2025)" is long: elided, whole in the tooltip and the detail.
        self.columns = ColumnFit(self, 0, caps={LAUNCHER: 11}, optional=(4, LAUNCHER, 1), room=16)
        self.setMinimumWidth(em(self, 24))
        model.modelReset.connect(self.columns.refit)


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
