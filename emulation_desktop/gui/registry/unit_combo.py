"""The unit picker: a plain drop-down (the user knows it from Excel) listing units in tree order.

The depth shows as indentation in the open list only, so the closed box reads just the name and
typing the first letters still jumps to a unit. The page reuses it as its unit filter.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from emulation_desktop.domain.enums import UnitKind
from emulation_desktop.domain.registry_views import UnitNode

DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1
INACTIVE_SUFFIX = " (ngừng theo dõi)"
_INDENT = "    "  # per level; plain spaces exist in every font


class _IndentDelegate(QStyledItemDelegate):
    """Indents the open list by depth without putting the spaces into the item text."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = _INDENT * int(index.data(DEPTH_ROLE) or 0) + option.text


class UnitCombo(QComboBox):
    """Units in tree order; `unit_id()` is the chosen one, None for "all" or nothing chosen.

    Units no longer followed are hidden unless `include_inactive`, or unless `set_unit` asks
    for one (a person still filed under an old unit must show it). `kinds` narrows the list
    (households: thôn, tổ dân phố) but is ignored when no unit of those kinds exists yet.
    """

    def __init__(
        self,
        units: Sequence[UnitNode] = (),
        *,
        all_label: str | None = None,
        include_inactive: bool = False,
        exclude: Collection[int] = (),
        kinds: Collection[UnitKind] | None = None,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._all_label = all_label
        self._include_inactive = include_inactive
        self._exclude = frozenset(exclude)
        self._kinds = frozenset(kinds or ())
        self._units: list[UnitNode] = []
        self._kept: set[int] = set()
        self.setItemDelegate(_IndentDelegate(self))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setMaxVisibleItems(20)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self.set_units(units)

    def unit_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_unit(self, unit_id: int | None, *, reveal: bool = True) -> bool:
        """Choose a unit (None: the "all" entry, or nothing); True when it is now chosen.

        With `reveal`, a unit hidden by the filters (no longer followed, another kind) is added
        to the list; without it such a unit is simply not chosen (a suggestion, not a fact).
        """
        i = self._index_for(unit_id) if reveal else self.findData(unit_id)
        if i >= 0 or unit_id is None:
            self.setCurrentIndex(i if i >= 0 else self._index_for(None))
        return self.unit_id() == unit_id

    def set_units(self, units: Sequence[UnitNode]) -> None:
        """Fill or refill (after an edit) keeping the chosen unit while it is still listed."""
        before = self.unit_id()
        self.blockSignals(True)
        try:
            self._units = list(units)
            self._fill()
            self.setCurrentIndex(self._index_for(before))
        finally:
            self.blockSignals(False)
        if self.unit_id() != before:
            self.currentIndexChanged.emit(self.currentIndex())

    def units(self) -> list[UnitNode]:
        """The units listed, in order (without the "all" entry)."""
        by_id = {u.id: u for u in self._units}
        return [by_id[d] for i in range(self.count()) if (d := self.itemData(i)) is not None]

    # Filling ----------------------------------------------------------------------------------

    def _shown(self) -> list[UnitNode]:
        def visible(u: UnitNode, kinds: frozenset[UnitKind]) -> bool:
            return (
                u.id not in self._exclude
                and (u.active or self._include_inactive or u.id in self._kept)
                and (not kinds or u.kind in kinds or u.id in self._kept)
            )

        shown = [u for u in self._units if visible(u, self._kinds)]
        if self._kinds and not any(u.kind in self._kinds for u in shown):
            shown = [u for u in self._units if visible(u, frozenset())]
        return shown

    def _fill(self) -> None:
        self.clear()
        if self._all_label is not None:
            self.addItem(self._all_label, None)
        shown = self._shown()
        ids = {u.id for u in shown}
        parents = {u.id: u.parent_id for u in self._units}
        for u in shown:
            depth, up = 0, u.parent_id
            while up is not None:
                depth += up in ids
                up = parents.get(up)
            self.addItem(u.name + ("" if u.active else INACTIVE_SUFFIX), u.id)
            i = self.count() - 1
            self.setItemData(i, depth, DEPTH_ROLE)
            self.setItemData(i, u.path, Qt.ItemDataRole.ToolTipRole)

    def _index_for(self, unit_id: int | None) -> int:
        if unit_id is None:
            return 0 if self._all_label is not None else -1
        i = self.findData(unit_id)
        if i < 0 and unit_id not in self._exclude and any(u.id == unit_id for u in self._units):
            self._kept.add(unit_id)
            blocked = self.blockSignals(True)
            self._fill()
            self.blockSignals(blocked)
            i = self.findData(unit_id)
        return i if i >= 0 else self._index_for(None)


# Form pieces ----------------------------------------------------------------------------------
