"""What the Đăng ký thi đua, Sơ kết – Tổng kết and Điển hình tiên tiến tabs share: the year's
rows read whole (tens to hundreds) behind a ListPanel's paged model, the filters applied as the
officer types, the current row kept across a reload, and writes through the task runner with a
refusal shown to the officer, and the list keeping most of the width beside its detail."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.models.paged_table import PagedTableModel
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import share_list

T = TypeVar("T")
Q = TypeVar("Q")


class PanelTab(SectionTab, Generic[T, Q]):
    """Subclasses build `panel` and a `model` reading through `count_rows`/`page_rows`, call
    `fit_panel`, and give `fetch` (the rows of a query) and `query` (what the filters say now)."""

    panel: ListPanel
    model: PagedTableModel[T, Q]

    def __init__(
        self, services: AppServices, tasks: TaskRunner, on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, on_changed, parent)
        self._items: list[T] = []
        self._loaded = False  # nothing is read before the tab is first shown

    # Hooks ------------------------------------------------------------------------------------

    def fetch(self, q: Q) -> list[T]:
        raise NotImplementedError

    def query(self) -> Q:
        raise NotImplementedError

    def reload(self, select_id: int | None = None) -> None:
        raise NotImplementedError

    def fit_panel(
        self, stretch: int, caps: Mapping[int, float], optional: Sequence[int], room: float = 14
    ) -> None:
        """The list keeps about two thirds of the width; its `stretch` column takes the room
        left by the others (sized to their text, `caps` in "M"s), and the `optional` columns
        step aside in that order while it would get less than `room` "M"s (the detail shows
        them all). Rows are not numbered: the room goes to the columns."""
        self.panel.table.verticalHeader().hide()
        self.columns = ColumnFit(self.panel.table, stretch, caps=caps, optional=optional, room=room)
        self.model.modelReset.connect(self.columns.refit)
        self.panel.detail.setMinimumWidth(em(self, 18))
        share_list(self.panel.splitter)

    # The model reads the list once per query; pages are slices of it -------------------------

    def count_rows(self, q: Q) -> int:
        self._items = self.fetch(q) if self._loaded else []
        return len(self._items)

    def page_rows(self, _q: Q, offset: int, limit: int) -> list[T]:
        return self._items[offset : offset + limit]

    def apply_filters(self) -> None:
        if self._loaded:
            self.model.set_query(self.query())

    def kept_id(self, select_id: int | None) -> int | None:
        """The row to select after a reload: the one asked for, else the current one."""
        current = self.current()
        return select_id if select_id is not None else getattr(current, "id", None)

    def show_rows(self, select_id: int | None) -> None:
        """Read the rows of the filters (first read: `_loaded` set) and select `select_id`, else
        the first row, so the detail beside shows something."""
        self._loaded = True
        q = self.query()
        if q != self.model.query:
            self.model.set_query(q)
        else:
            self.model.reload()
        row = -1 if select_id is None else self.model.find_row(lambda r: r.id == select_id)
        self.panel.select_row(max(row, 0))

    # SectionTab -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    # Current row and writes -------------------------------------------------------------------

    def current(self) -> T | None:
        return self.model.row_item(self.panel.current_row())

    def changed(self, select_id: int | None = None) -> None:
        self.reload(select_id)
        self.on_changed()

    def submit(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(exc: UserError) -> None:
            show_error(self, exc.message)

        self.tasks.submit(work, done, failed, parent=self)
