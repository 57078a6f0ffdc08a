"""The shape every registry list shares: search and filters on top, the table, the detail beside.

[Tìm kiếm……] [filters…]                       505 cá nhân
[Thêm mới] [Sửa] … (buttons)
┌ table ───────────────────────┐┌ detail ─────────┐
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.gui.models.paged_table import PagedTableModel
from emulation_desktop.gui.registry.history_view import DetailView


class ListPanel(QWidget):
    """Signals:
    current_changed: the current row changed (the detail must follow).
    activated: Enter or double-click on a row (edit).
    delete_requested: the Delete key on the table (the tab asks for confirmation).
    """

    current_changed = Signal()
    activated = Signal()
    delete_requested = Signal()

    def __init__(self, search_placeholder: str, empty_detail: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(search_placeholder)
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")

        # Search, filters and buttons on their own rows, so the page stays narrow enough for a
        # 1366-pixel laptop at 150 % scaling.
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.filters = QHBoxLayout()
        self.filters.setSpacing(6)
        filter_row = QHBoxLayout()
        filter_row.addLayout(self.filters)
        filter_row.addStretch(1)

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        self.more_menu = QMenu(self)
        self.more_button = QPushButton("Thao tác khác")
        self.more_button.setObjectName("more_actions")
        self.more_button.setMenu(self.more_menu)

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionsMovable(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.activated.emit())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.activated.emit)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_requested.emit)

        self.detail = DetailView(empty_detail)
        self.detail.setObjectName("detail")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filter_row)
        layout.addLayout(self.buttons)
        layout.addWidget(self.splitter, 1)
        self._model: PagedTableModel | None = None

    def add_button(
        self, text: str, slot: Callable[[], None], name: str, tip: str = ""
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(lambda _=False: slot())
        self.buttons.addWidget(button)
        return button

    def add_menu_action(self, text: str, slot: Callable[[], None], name: str) -> QAction:
        """A less frequent action, under «Thao tác khác» (the button appears with the first)."""
        if self.more_menu.isEmpty():
            self.buttons.addWidget(self.more_button)
        action = self.more_menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False: slot())
        return action

    def end_buttons(self) -> None:
        self.buttons.addStretch(1)

    def set_model(self, model: PagedTableModel, widths: list[int]) -> None:
        self._model = model
        self.table.setModel(model)
        chars = self.fontMetrics().horizontalAdvance("x")
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width * chars)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            model.sort_column(), Qt.SortOrder.AscendingOrder
        )
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_changed.emit()
        )
        model.modelReset.connect(self.current_changed.emit)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def selected_rows(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        current = self.current_row()
        return rows or ([current] if current >= 0 else [])

    def select_row(self, row: int) -> None:
        if self._model is None or not 0 <= row < self._model.rowCount():
            return
        index = self._model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
