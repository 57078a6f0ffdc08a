"""The tally grid, keyboard first as officers use Excel: type the number of "đồng ý" votes,
Enter moves down; Delete clears the line; Ctrl+V pastes a column from Excel; Ctrl+Z undoes.
The descriptive columns step aside on a narrow window so a name and its count stay in view."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from emulation_desktop.gui.council.tally_model import Col, TallyModel
from emulation_desktop.gui.widgets.column_fit import ColumnFit

_Index = QModelIndex | QPersistentModelIndex
TALLY_HINT = "Gõ số phiếu đồng ý rồi Enter; Delete để xóa; Ctrl+V dán cột số phiếu từ Excel."


class _CountDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setMaxLength(6)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class TallyTable(QTableView):
    """Signals: paste_requested, undo_requested, copy_requested, decide_requested."""

    paste_requested = Signal()
    undo_requested = Signal()
    copy_requested = Signal()
    decide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tally_table")
        self.setItemDelegate(_CountDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.columns = ColumnFit(
            self,
            Col.NAME,
            caps={Col.AWARD: 14, Col.PLACE: 14, Col.REASON: 18, Col.RESULT: 13},
            optional=(Col.REASON, Col.PLACE, Col.PERCENT, Col.GENDER, Col.NUMBER),
            room=10,
        )
        self.doubleClicked.connect(self._double_clicked)

    def tally(self) -> TallyModel:
        model = self.model()
        assert isinstance(model, TallyModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self.columns.refit)
            self.columns.refit()

    def selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        current = self.currentIndex()
        if current.isValid() and current.row() not in rows:
            rows = [current.row()]
        return rows

    def current_row(self) -> int:
        return self.currentIndex().row()

    def go_to(self, row: int, column: int = Col.VOTES) -> None:
        if 0 <= row < self.tally().rowCount():
            index = self.tally().index(row, column)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (Col.RESULT, Col.REASON):
            self.decide_requested.emit()

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
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            self.tally().apply({r: (None, None, "") for r in self.selected_rows()})
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self._move_down(self.current_row())
        else:
            if event.text().isdigit() and self.currentIndex().column() != Col.VOTES:
                self.go_to(self.current_row())  # typing a count edits the count
            super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter in the editor commits and moves down, as in Excel (Qt would stay on the cell).
        down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if down else hint)
        if down:
            self._move_down(self.current_row())

    def _move_down(self, row: int) -> None:
        self.go_to(min(row + 1, self.tally().rowCount() - 1))

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

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        if self.tally().read_only or not self.selected_rows():
            return
        menu = QMenu(self)
        menu.addAction("Hội đồng quyết định…").triggered.connect(
            lambda _=False: self.decide_requested.emit()
        )
        menu.addAction("Xóa số phiếu (Delete)").triggered.connect(
            lambda _=False: self.tally().apply({r: (None, None, "") for r in self.selected_rows()})
        )
        menu.addAction("Dán từ Excel (Ctrl+V)").triggered.connect(
            lambda _=False: self.paste_requested.emit()
        )
        menu.exec(self.viewport().mapToGlobal(pos))
