"""Small tables inside the movement form: the phases (đợt) here, the milestones beside it.

Cells are typed like a spreadsheet (dates as dd/mm/yyyy); what cannot be read is reported as
one line per problem under the table, as the domain's own checks are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.dates import day_text, parse_day
from emulation_desktop.domain.movements import PhaseInput
from emulation_desktop.domain.text import nfc

from emulation_desktop.gui.widgets.date_field import DateField

Index = QModelIndex | QPersistentModelIndex
Period = Callable[[], tuple[dt.date | None, dt.date | None]]


class DateDelegate(QStyledItemDelegate):
    """A cell edited as a DateField (placeholder ngày/tháng/năm, at most 10 characters)."""

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        editor = DateField(parent=parent)
        editor.setMaximumWidth(16_777_215)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, DateField)
        editor.setText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, DateField)
        model.setData(index, editor.text().strip())


class ChoiceDelegate(QStyledItemDelegate):
    """A cell chosen from a list that changes while the form is open (the phases)."""

    def __init__(self, choices: Callable[[], Sequence[str]], parent: QWidget | None = None):
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(["", *self._choices()])
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findText(str(index.data() or ""))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


def read_day(text: str, what: str, problems: list[str]) -> dt.date | None:
    """The date in a cell; a problem naming the row when it cannot be read."""
    try:
        return parse_day(text)
    except ValueError as exc:
        problems.append(f"{what}: {exc}")
        return None


def _whole_text_as_tooltip(item: QTableWidgetItem) -> None:
    """Long goals and labels are cut in a narrow column; the tooltip shows them whole."""
    if item.toolTip() != item.text():
        item.setToolTip(item.text())


class RowsEditor(QWidget):
    """A table with «Thêm …» and «Xóa …» under it. Subclasses define the columns."""

    headers: tuple[str, ...] = ()
    widths: tuple[int, ...] = ()  # in "x" widths; the last column stretches

    def __init__(self, add_text: str, remove_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(self.headers))
        self.table.setHorizontalHeaderLabels(list(self.headers))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        chars = self.fontMetrics().horizontalAdvance("x")
        for column, width in enumerate(self.widths):
            self.table.setColumnWidth(column, width * chars)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(remove_text)
        self.add_button.clicked.connect(lambda _=False: self.add_row())
        self.remove_button.clicked.connect(lambda _=False: self.remove_rows())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(_whole_text_as_tooltip)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def append(self, values: Sequence[str]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            self.set_text(row, column, value)
        return row

    def text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return nfc(item.text()) if item is not None else ""

    def set_text(self, row: int, column: int, value: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem(value)
            self.table.setItem(row, column, item)
        else:
            item.setText(value)
        item.setToolTip(value)

    def blank(self, row: int) -> bool:
        return not any(self.text(row, c) for c in range(self.table.columnCount()))

    def add_row(self) -> None:
        row = self.append(self.new_row())
        self.table.setCurrentCell(row, self.first_edit_column)
        self.table.setFocus()

    def remove_rows(self) -> None:
        for row in sorted(
            {i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True
        ):
            self.table.removeRow(row)

    def commit(self) -> None:
        """Finish an edit still open in a cell (Lưu pressed while typing)."""
        index = self.table.currentIndex()
        if self.table.state() == QAbstractItemView.State.EditingState and index.isValid():
            self.table.setCurrentIndex(QModelIndex())
            self.table.setCurrentIndex(index)

    # Subclasses -------------------------------------------------------------------------------

    first_edit_column = 0

    def new_row(self) -> list[str]:
        return [""] * len(self.headers)


class PhasesEditor(RowsEditor):
    """Đợt thi đua: number, optional name, dates and goals. `period` gives the movement's dates,
    so a new phase starts the day after the previous one and ends with the movement."""

    headers = ("Đợt", "Tên đợt (nếu có)", "Từ ngày", "Đến ngày", "Mục tiêu")
    widths = (5, 26, 12, 12, 30)
    first_edit_column = 1

    def __init__(self, period: Period, parent: QWidget | None = None) -> None:
        super().__init__("Thêm đợt", "Xóa đợt", parent)
        self.setObjectName("phases_editor")
        self.table.setObjectName("phases_table")
        self._period = period
        dates = DateDelegate(self.table)
        self.table.setItemDelegateForColumn(2, dates)
        self.table.setItemDelegateForColumn(3, dates)
        self.table.horizontalHeaderItem(0).setToolTip("Số thứ tự của đợt: 1, 2, …")

    def set_phases(self, phases: Sequence[PhaseInput]) -> None:
        self.table.setRowCount(0)
        for p in phases:
            plain = p.name == f"Đợt {p.number}"
            self.append([str(p.number), "" if plain else p.name, day_text(p.start),
                         day_text(p.end), p.goals.replace("\n", "; ")])  # fmt: skip

    def new_row(self) -> list[str]:
        start, end = self._period()
        numbers = self.numbers()
        last_end = max(
            (d for r in range(self.table.rowCount()) if (d := self._quiet_day(r, 3))), default=None
        )
        first = last_end + dt.timedelta(days=1) if last_end else start
        return [str(max(numbers, default=0) + 1), "", day_text(first), day_text(end), ""]

    def _quiet_day(self, row: int, column: int) -> dt.date | None:
        try:
            return parse_day(self.text(row, column))
        except ValueError:
            return None

    def numbers(self) -> list[int]:
        return [int(t) for r in range(self.table.rowCount()) if (t := self.text(r, 0)).isdigit()]

    def phase_names(self) -> list[str]:
        return [f"Đợt {n}" for n in sorted(set(self.numbers()))]

    def phases(self) -> tuple[tuple[PhaseInput, ...], list[str]]:
        """The phases typed, and what could not be read (empty rows are ignored)."""
        problems: list[str] = []
        found: list[PhaseInput] = []
        for row in range(self.table.rowCount()):
            if self.blank(row):
                continue
            number_text = self.text(row, 0)
            if not number_text.isdigit():
                problems.append(
                    f"Dòng {row + 1}: số đợt «{number_text}» phải là một số (1, 2, …)."
                    if number_text
                    else f"Dòng {row + 1}: hãy nhập số đợt (1, 2, …)."
                )
                continue
            what = f"Đợt {number_text}"
            start = read_day(self.text(row, 2), what, problems)
            end = read_day(self.text(row, 3), what, problems)
            found.append(
                PhaseInput(int(number_text), self.text(row, 1), start, end, self.text(row, 4))
            )
        return tuple(found), problems
