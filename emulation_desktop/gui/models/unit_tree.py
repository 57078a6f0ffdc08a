"""The unit tree for a QTreeView (a commune has tens of units, so it is held whole)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette

from emulation_desktop.domain.registry_views import UnitNode

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Tên đơn vị", "Loại", "Cá nhân", "Hộ gia đình")


class UnitTreeModel(QAbstractItemModel):
    def __init__(self) -> None:
        super().__init__()
        self._nodes: dict[int, UnitNode] = {}
        self._children: dict[int | None, list[int]] = {None: []}

    def set_units(self, units: list[UnitNode], show_inactive: bool) -> None:
        self.beginResetModel()
        kept = [u for u in units if show_inactive or u.active]
        self._nodes = {u.id: u for u in kept}
        self._children = {None: []}
        for u in kept:  # tree order: a parent always comes before its children
            parent = u.parent_id if u.parent_id in self._nodes else None
            self._children.setdefault(parent, []).append(u.id)
            self._children.setdefault(u.id, [])
        self.endResetModel()

    def node(self, index: _Index) -> UnitNode | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def index_of(self, unit_id: int) -> QModelIndex:
        node = self._nodes.get(unit_id)
        if node is None:
            return QModelIndex()
        parent = node.parent_id if node.parent_id in self._nodes else None
        return self.createIndex(self._children[parent].index(unit_id), 0, unit_id)

    # Qt ---------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else None
        children = self._children.get(key, [])
        if 0 <= row < len(children) and 0 <= column < len(HEADERS):
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent_id not in self._nodes:
            return QModelIndex()
        return self.index_of(node.parent_id)  # type: ignore[arg-type]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (node.name, node.kind.label, str(node.people or ""),
                    str(node.households or ""))[col]  # fmt: skip
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and not node.active:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole and not node.active:
            return "Đã ngừng theo dõi"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None
