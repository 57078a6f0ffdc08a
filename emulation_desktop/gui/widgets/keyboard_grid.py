"""A grid typed like an Excel column (the yearly grades, the council's tally): Enter moves down
after an edit, Ctrl+V / Ctrl+Z / Ctrl+C are handed to the tab, and Delete reaches the grid even
when the window has shortcuts of its own. Subclasses say what their keys do in `grid_key`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)


class KeyboardGrid(QTableView):
    """Signals: paste_requested, undo_requested, copy_requested (the tab does the work).

    `edit_column` is the column typing goes to; `keep_column` keeps the current column when
    Enter moves down (the grades' note column), else Enter returns to `edit_column`.
    """

    paste_requested = Signal()
    undo_requested = Signal()
    copy_requested = Signal()

    edit_column: int = 0
    keep_column: bool = False

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def selected_rows(self) -> list[int]:
        """Rows with a selected cell, or the current row; top to bottom."""
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        current = self.currentIndex()
        if current.isValid() and current.row() not in rows:
            rows = [current.row()]
        return rows

    def current_row(self) -> int:
        return self.currentIndex().row()

    def go_to(self, row: int, column: int | None = None) -> None:
        model = self.model()
        if model is not None and 0 <= row < model.rowCount():
            index = model.index(row, self.edit_column if column is None else column)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)

    def grid_key(self, event: QKeyEvent, key: int, mods: Qt.KeyboardModifier) -> bool:
        """The subclass's keys (Delete, digits…); True when handled."""
        return False

    # Keys -------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
        elif self.grid_key(event, key, mods):
            pass
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self._move_down(self.current_row())
        else:
            super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter in the editor commits and moves down, as in Excel (Qt would stay on the cell).
        down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if down else hint)
        if down:
            self._move_down(self.current_row())

    def _move_down(self, row: int) -> None:
        model = self.model()
        if model is None:
            return
        column = self.currentIndex().column()
        keep = self.keep_column and column >= 0
        self.go_to(min(row + 1, model.rowCount() - 1), column if keep else None)

    def event(self, event: QEvent) -> bool:
        # Ctrl+V, Ctrl+Z and Delete reach keyPressEvent even when the window has shortcuts.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.state() != QAbstractItemView.State.EditingState
            and (
                event.matches(QKeySequence.StandardKey.Paste)
                or event.matches(QKeySequence.StandardKey.Undo)
                or event.key() == Qt.Key.Key_Delete
            )
        ):
            event.accept()
            return True
        return super().event(event)
