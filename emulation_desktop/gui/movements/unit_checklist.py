"""Units taking part in a movement: the unit tree with check boxes, and a filter."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import UnitKind
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.domain.text import fold

_ID = Qt.ItemDataRole.UserRole
_FOLDED = Qt.ItemDataRole.UserRole + 1
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def _set_below(item: QTreeWidgetItem, state: Qt.CheckState) -> None:
    for i in range(item.childCount()):
        item.child(i).setCheckState(0, state)
        _set_below(item.child(i), state)


class UnitChecklist(QWidget):
    """Active units in their tree; a unit no longer followed appears only when it is already
    checked (an old movement must still show who took part). Checking a group (Khối …)
    checks the units in it, the way the officer thinks of "cả khối trường học"."""

    def __init__(
        self,
        units: Sequence[UnitNode],
        checked: Collection[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unit_checklist")
        self.filter = QLineEdit()
        self.filter.setObjectName("unit_filter")
        self.filter.setPlaceholderText("Lọc theo tên đơn vị, không cần gõ dấu")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self._apply_filter())
        self.tree = QTreeWidget()
        self.tree.setObjectName("unit_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("unit_count")
        all_button = QPushButton("Chọn tất cả")
        all_button.setObjectName("check_all_units")
        none_button = QPushButton("Bỏ chọn tất cả")
        none_button.setObjectName("uncheck_all_units")
        all_button.clicked.connect(lambda _=False: self._check_visible(True))
        none_button.clicked.connect(lambda _=False: self._check_visible(False))
        buttons = QHBoxLayout()
        buttons.addWidget(all_button)
        buttons.addWidget(none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.tree)

        wanted = set(checked)
        items: dict[int, QTreeWidgetItem] = {}
        for u in units:  # tree order: a parent comes before its children
            if not u.active and u.id not in wanted:
                continue
            parent_item = items.get(u.parent_id) if u.parent_id is not None else None
            item = QTreeWidgetItem(parent_item or self.tree)
            item.setText(0, u.name if u.active else f"{u.name} (đã ngừng theo dõi)")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, _CHECKED if u.id in wanted else _UNCHECKED)
            item.setData(0, _ID, u.id)
            item.setData(0, _FOLDED, fold(u.path))
            item.setToolTip(0, u.path)
            item.setData(0, Qt.ItemDataRole.UserRole + 2, u.kind is UnitKind.GROUP)
            items[u.id] = item
        self.tree.expandAll()
        self.tree.itemChanged.connect(self._item_changed)
        self._count()

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        it = QTreeWidgetItemIterator(self.tree)
        while it.value():
            found.append(it.value())
            it += 1
        return found

    def unit_ids(self) -> tuple[int, ...]:
        return tuple(
            int(item.data(0, _ID)) for item in self._items() if item.checkState(0) == _CHECKED
        )

    def set_checked(self, unit_id: int, checked: bool = True) -> None:
        for item in self._items():
            if item.data(0, _ID) == unit_id:
                item.setCheckState(0, _CHECKED if checked else _UNCHECKED)

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, Qt.ItemDataRole.UserRole + 2):
            self.tree.blockSignals(True)
            _set_below(item, item.checkState(0))
            self.tree.blockSignals(False)
        self._count()

    def _check_visible(self, checked: bool) -> None:
        self.tree.blockSignals(True)
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(0, _CHECKED if checked else _UNCHECKED)
        self.tree.blockSignals(False)
        self._count()

    def _apply_filter(self) -> None:
        needle = fold(self.filter.text())
        for item in self._items():
            # the path holds the parents' names: a child matching keeps its group visible too
            item.setHidden(bool(needle) and not self._matches(item, needle))

    def _matches(self, item: QTreeWidgetItem, needle: str) -> bool:
        if needle in item.data(0, _FOLDED):
            return True
        return any(self._matches(item.child(i), needle) for i in range(item.childCount()))

    def _count(self) -> None:
        self.count_label.setText(f"Đã chọn {len(self.unit_ids())}/{len(self._items())} đơn vị")
