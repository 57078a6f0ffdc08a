"""A table model that reads its rows a page at a time from a service.

The list of 100,000 people is never loaded whole: the model asks for the count, then for the
page that holds a row when the view first paints it. Pages are read on the GUI thread because
one page is a bounded indexed read (≤ PAGE_SIZE rows, a few milliseconds even at 100,000 rows);
sending it to the worker would make the table flash empty rows while scrolling.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette

T = TypeVar("T")
Q = TypeVar("Q")
PAGE_SIZE = 200
MAX_CACHED_PAGES = 64
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class TableColumn(Generic[T]):
    """A column: header, text of a row, optional sort code (None: not sortable), alignment."""

    header: str
    text: Callable[[T], str]
    sort: object | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: str = ""


class PagedTableModel(QAbstractTableModel, Generic[T, Q]):
    """Rows of type T for a query Q (a frozen dataclass with `sort` and `descending` fields)."""

    def __init__(
        self,
        columns: Sequence[TableColumn[T]],
        count: Callable[[Q], int],
        page: Callable[[Q, int, int], list[T]],
        query: Q,
        dim: Callable[[T], bool] = lambda _row: False,
    ) -> None:
        super().__init__()
        self._columns = tuple(columns)
        self._count_fn = count
        self._page_fn = page
        self._query = query
        self._dim = dim
        self._rows = 0
        self._pages: OrderedDict[int, list[T]] = OrderedDict()
        self.reload()

    # Query ------------------------------------------------------------------------------------

    @property
    def query(self) -> Q:
        return self._query

    def set_query(self, query: Q) -> None:
        if query != self._query:
            self._query = query
            self.reload()

    def reload(self) -> None:
        """Count again and forget every page (after an edit, or a new query)."""
        self.beginResetModel()
        self._pages.clear()
        self._rows = self._count_fn(self._query)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        code = self._columns[column].sort if 0 <= column < len(self._columns) else None
        if code is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=code, descending=descending))  # type: ignore[type-var]

    def sort_column(self) -> int:
        code = getattr(self._query, "sort", None)
        for i, c in enumerate(self._columns):
            if c.sort == code:
                return i
        return 0

    # Rows -------------------------------------------------------------------------------------

    def row_item(self, row: int) -> T | None:
        if not 0 <= row < self._rows:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._page_fn(self._query, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
            if len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = row - number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_of(self, predicate: Callable[[T], bool]) -> int:
        """Row of the first already-read item matching `predicate`, or -1 (no extra reads)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if predicate(item):
                    return number * PAGE_SIZE + offset
        return -1

    def find_row(self, predicate: Callable[[T], bool], max_pages: int = 10) -> int:
        """Row of the first item matching `predicate` among the first `max_pages` pages, or -1.

        Bounded so that looking for a just-saved record never reads a 100,000-row list whole.
        """
        for row in range(min(self._rows, max_pages * PAGE_SIZE)):
            item = self.row_item(row)
            if item is not None and predicate(item):
                return row
        return -1

    # Qt ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            item = self.row_item(index.row())
            return None if item is None else self._columns[index.column()].text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._columns[index.column()].align
        if role == Qt.ItemDataRole.ForegroundRole:
            item = self.row_item(index.row())
            if item is not None and self._dim(item):
                return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole and self._columns[section].tooltip:
                return self._columns[section].tooltip
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None
