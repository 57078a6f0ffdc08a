"""The tally grid, keyboard first as officers use Excel: type the number of "đồng ý" votes,
Enter moves down; Delete clears the line; Ctrl+V pastes a column from Excel; Ctrl+Z undoes.
The descriptive columns step aside on a narrow window so a name and its count stay in view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from emulation_desktop.gui.council.tally_model import Col, TallyModel
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.keyboard_grid import KeyboardGrid

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


class TallyTable(KeyboardGrid):
    """Signals: paste_requested, undo_requested, copy_requested, decide_requested."""

    decide_requested = Signal()
    edit_column = Col.VOTES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("tally_table", parent)
        self.setItemDelegate(_CountDelegate(self))
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
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

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (Col.RESULT, Col.REASON):
            self.decide_requested.emit()

    def grid_key(self, event: QKeyEvent, key: int, mods: Qt.KeyboardModifier) -> bool:
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            self.tally().apply({r: (None, None, "") for r in self.selected_rows()})
            return True
        if event.text().isdigit() and self.currentIndex().column() != Col.VOTES:
            self.go_to(self.current_row())  # typing a count edits the count
        return False

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
