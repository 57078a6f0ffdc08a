"""The grade grid as a keyboard-first table, the way officers use Excel.

1–4 sets the grade of the selected rows and moves down; letters open the cell for "htt",
"hoàn thành tốt"…, Enter commits and moves down; Delete clears; Ctrl+V pastes, Ctrl+Z undoes.
A right click offers the four grades for mouse users. On a narrow window the descriptive
columns give way so that a name and its grade stay side by side.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from emulation_desktop.domain.enums import Grade
from emulation_desktop.domain.evaluations import GRADE_DIGITS

from emulation_desktop.gui.evaluations.grades_model import KEEP, Col, GradesModel
from emulation_desktop.gui.widgets.keyboard_grid import KeyboardGrid

_Index = QModelIndex | QPersistentModelIndex
GRADE_HINT = "Gõ 1–4 hoặc HTXS, HTT, HT, KHT rồi Enter"
# Column widths in "x" widths of the font; SQUEEZE columns shrink (elided, whole in the
# tooltip) down to MIN_CHARS before the grade would need a horizontal scroll.
WIDTHS = {Col.NAME: 25, Col.POSITION: 20, Col.KIND: 11, Col.UNIT: 22, Col.GRADE: 21,
          Col.NOTE: 18, Col.LAST: 21}  # fmt: skip
SQUEEZE = (Col.POSITION, Col.KIND, Col.UNIT)
MIN_CHARS = 8


class _GradeDelegate(QStyledItemDelegate):
    """A plain line edit: what is typed is read by domain.evaluations.parse_grade."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        if index.column() == Col.GRADE:
            editor.setPlaceholderText(GRADE_HINT)
        else:
            editor.setMaxLength(500)
        return editor

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class GradeTable(KeyboardGrid):
    """Signals: paste_requested, undo_requested, copy_requested (the tab does the work)."""

    edit_column = Col.GRADE
    keep_column = True  # Enter in the note column moves to the next note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("grades_table", parent)
        self.setItemDelegate(_GradeDelegate(self))
        self.horizontalHeader().setStretchLastSection(True)
        self.customContextMenuRequested.connect(self._menu)
        # The widths fit_columns gave: a column the officer dragged keeps the officer's width.
        self._fitted: dict[Col, int] = {}

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.fit_columns)
            self.fit_columns()

    def show_unit_column(self, show: bool) -> None:
        self.setColumnHidden(Col.UNIT, not show)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Name to grade in view when the table is narrow: shrink the SQUEEZE columns evenly."""
        if self.model() is None:
            return
        x = self.fontMetrics().horizontalAdvance("x")
        widths = {c: n * x for c, n in WIDTHS.items() if not self.isColumnHidden(c)}
        excess = sum(w for c, w in widths.items() if c <= Col.GRADE) - self.viewport().width()
        slack = {c: widths[c] - MIN_CHARS * x for c in SQUEEZE if c in widths}
        if excess > 0 and (total := sum(slack.values())) > 0:
            for c, room in slack.items():
                widths[c] -= round(room * min(1.0, excess / total))
        for c, width in widths.items():
            if self._fitted.get(c, self.columnWidth(c)) == self.columnWidth(c):
                self.setColumnWidth(c, width)
                self._fitted[c] = width

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def grades(self) -> GradesModel:
        model = self.model()
        assert isinstance(model, GradesModel)
        return model

    def set_grade(self, grade: Grade | None) -> int:
        """Give `grade` to the selected rows; with one row, move down like Enter does."""
        rows = self.selected_rows()
        n = self.grades().apply({r: (grade, KEEP) for r in rows})
        if len(rows) == 1:
            self._move_down(rows[0])
        return n

    def grid_key(self, event: QKeyEvent, key: int, mods: Qt.KeyboardModifier) -> bool:
        column = self.currentIndex().column()
        if (
            mods == Qt.KeyboardModifier.NoModifier
            and event.text() in GRADE_DIGITS
            and (column != Col.NOTE)
        ):
            self.set_grade(GRADE_DIGITS[event.text()])
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            part = (KEEP, "") if column == Col.NOTE else (None, KEEP)
            self.grades().apply({r: part for r in self.selected_rows()})
            return True
        if event.text().isalpha() and column not in (Col.GRADE, Col.NOTE):
            self.go_to(self.current_row())  # typing a letter edits the grade
        return False

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        rows = self.selected_rows()
        if not rows:
            return
        menu = QMenu(self)
        for digit, grade in GRADE_DIGITS.items():
            action = menu.addAction(f"{digit}  {grade.label}")
            action.triggered.connect(lambda _=False, g=grade: self.set_grade(g))
        menu.addSeparator()
        menu.addAction("Xóa xếp loại (Delete)").triggered.connect(
            lambda _=False: self.set_grade(None)
        )
        menu.addAction("Dán từ Excel (Ctrl+V)").triggered.connect(
            lambda _=False: self.paste_requested.emit()
        )
        menu.exec(self.viewport().mapToGlobal(pos))
