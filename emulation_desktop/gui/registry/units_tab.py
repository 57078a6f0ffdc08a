"""Đơn vị: the unit tree (thôn, tổ dân phố, offices, schools…) with each unit's history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.models.unit_tree import UnitTreeModel
from emulation_desktop.gui.registry.history_view import DetailView, unit_html
from emulation_desktop.gui.registry.unit_dialog import UnitDialog
from emulation_desktop.gui.tasks import TaskRunner


class UnitsTab(QWidget):
    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        on_export: Callable[[], None],
        on_import: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("units_tab")
        self._registry = registry
        self._tasks = tasks
        self._on_changed = on_changed
        self._units: list[UnitNode] = []

        self.show_inactive = QCheckBox("Hiện cả đơn vị đã ngừng theo dõi")
        self.show_inactive.setObjectName("show_inactive")
        self.show_inactive.toggled.connect(lambda _c: self._fill())
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.show_inactive)
        top.addStretch(1)
        top.addWidget(self.count_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)

        def button(text: str, slot: Callable[[], None], name: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False: slot())
            buttons.addWidget(b)
            return b

        button("Thêm mới", self.add, "add_unit")
        self.edit_button = button("Sửa", self.edit, "edit_unit")
        self.delete_button = button("Xóa", self.delete, "delete_unit")
        more = QMenu(self)
        self.add_child_action = more.addAction("Thêm đơn vị trực thuộc…")
        self.add_child_action.setObjectName("add_child")
        self.add_child_action.triggered.connect(lambda _=False: self.add_child())
        self.active_action = more.addAction("Ngừng theo dõi")
        self.active_action.setObjectName("toggle_active")
        self.active_action.triggered.connect(lambda _=False: self.toggle_active())
        more_button = button("Thao tác khác", lambda: None, "more_actions")
        more_button.setMenu(more)
        buttons.addStretch(1)
        button("Nhập từ Excel…", on_import, "import_excel")
        button("Xuất Excel…", on_export, "export_excel")

        self.model = UnitTreeModel()
        self.tree = QTreeView()
        self.tree.setObjectName("unit_tree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.tree.doubleClicked.connect(lambda _i: self.edit())
        self.detail = DetailView("Chọn một đơn vị để xem thông tin và quá trình khen thưởng.")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self._show_current()

    def set_units(self, units: list[UnitNode]) -> None:
        current = self.current()
        self._units = units
        self._fill(current.id if current else None)

    def _fill(self, select_id: int | None = None) -> None:
        self.model.set_units(self._units, self.show_inactive.isChecked())
        self.tree.expandAll()
        active = sum(u.active for u in self._units)
        self.count_label.setText(f"{active} đơn vị đang theo dõi")
        if select_id is not None:
            index = self.model.index_of(select_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)
        self._show_current()

    def current(self) -> UnitNode | None:
        return self.model.node(self.tree.currentIndex())

    def _show_current(self) -> None:
        unit = self.current()
        for w in (self.add_child_action, self.edit_button, self.active_action, self.delete_button):
            w.setEnabled(unit is not None)
        if unit is None:
            self.detail.show_empty(
                None
                if self._units
                else "Chưa có đơn vị nào. Bấm «Thêm mới» để thêm thôn, tổ "
                "dân phố, cơ quan, trường học… hoặc «Nhập từ Excel…»."
            )
            return
        self.active_action.setText("Ngừng theo dõi" if unit.active else "Theo dõi lại")
        self.detail.show_html(unit_html(unit, self._registry.history(SubjectKind.UNIT, unit.id)))

    def _changed(self, select_id: int | None = None) -> None:
        self._on_changed()  # the page reloads the units and calls set_units
        if select_id is not None:
            index = self.model.index_of(select_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def add(self, parent_id: int | None = None) -> None:
        dialog = UnitDialog(self._registry, self._tasks, self._units, parent_id=parent_id,
                            parent=self)  # fmt: skip
        if dialog.exec() and dialog.saved_id is not None:
            self._changed(dialog.saved_id)

    def add_child(self) -> None:
        unit = self.current()
        if unit is not None:
            self.add(unit.id)

    def edit(self) -> None:
        unit = self.current()
        if (
            unit is not None
            and UnitDialog(self._registry, self._tasks, self._units, unit, parent=self).exec()
        ):
            self._changed(unit.id)

    def toggle_active(self) -> None:
        unit = self.current()
        if unit is None:
            return
        active = not unit.active
        verb = "Theo dõi lại" if active else "Ngừng theo dõi"
        if not confirm(self, f"{verb} đơn vị «{unit.name}»?", verb):
            return
        if not active and not self.show_inactive.isChecked():
            self.show_inactive.setChecked(True)  # keep the unit visible after the change
        self._tasks.submit(
            lambda: self._registry.set_unit_active(unit.id, active),
            lambda _r: self._changed(unit.id),
            self._failed,
            parent=self,
        )

    def delete(self) -> None:
        unit = self.current()
        if unit is None or not confirm(self, f"Xóa đơn vị «{unit.name}»?", "Xóa"):
            return
        self._tasks.submit(lambda: self._registry.delete_unit(unit.id),
                           lambda _r: self._changed(), self._failed, parent=self)  # fmt: skip

    def _failed(self, exc: UserError) -> None:
        show_error(self, exc.message)
