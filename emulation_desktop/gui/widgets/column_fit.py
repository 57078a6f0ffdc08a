"""Columns of a list that sits beside its detail panel, where width is short: one column (the
name) takes the room left, the others their text's width (a long text capped and elided, whole
in the detail), and on a narrow window the least needed columns step aside, in a given order,
rather than squeeze the name or push the list into sideways scrolling."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class ColumnFit(QObject):
    """Fits `table`'s columns: `stretch` takes the rest, `caps` (column → width in "M"s) bound the
    long texts, and `optional` columns are hidden in that order while the stretched column would
    get less than `room` "M"s. Widths follow the text on `refit()`, called when the rows change;
    a resize only shows or hides columns, so a column the officer widened stays so."""

    def __init__(
        self,
        table: QTableView,
        stretch: int = 0,
        *,
        caps: Mapping[int, float] | None = None,
        optional: Sequence[int] = (),
        room: float = 12,
    ) -> None:
        super().__init__(table)
        self._table = table
        self._stretch = stretch
        self._caps = dict(caps or {})
        self._optional = tuple(optional)
        self._room = room
        self._widths: dict[int, int] = {}
        table.horizontalHeader().setStretchLastSection(False)
        table.viewport().installEventFilter(self)

    def _em(self, n: float) -> int:
        return round(self._table.fontMetrics().horizontalAdvance("M") * n)

    def refit(self) -> None:
        """Size the columns to their text (and header), then show those that fit."""
        table, header = self._table, self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self._stretch, QHeaderView.ResizeMode.Stretch)
        for column in range(header.count()):
            if column == self._stretch:
                continue
            width = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
            if column in self._caps:
                width = min(width, self._em(self._caps[column]))
            self._widths[column] = width
            if not header.isSectionHidden(column):
                table.setColumnWidth(column, width)
        self.fit()

    def fit(self) -> None:
        """Show the columns that fit beside a readable stretched column."""
        table, header = self._table, self._table.horizontalHeader()
        if not self._widths:
            return
        for column in self._widths:
            if not header.isSectionHidden(column):
                self._widths[column] = table.columnWidth(column)  # the officer may widen one
        room = table.viewport().width() - self._em(self._room)
        shown = set(self._widths)
        for column in self._optional:
            if sum(self._widths[c] for c in shown) <= room:
                break
            shown.discard(column)
        for column, width in self._widths.items():
            hide = column not in shown
            if header.isSectionHidden(column) != hide:
                table.setColumnHidden(column, hide)
                if not hide:
                    table.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
