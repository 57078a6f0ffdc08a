"""What the Đăng ký thi đua, Sơ kết – Tổng kết and Điển hình tiên tiến tabs share: the year's
rows read whole (tens to hundreds) behind a ListPanel's paged model, the filters applied as the
officer types, the current row kept across a reload, and writes through the task runner with a
refusal shown to the officer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.models.paged_table import PagedTableModel
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.tasks import TaskRunner

T = TypeVar("T")
Q = TypeVar("Q")


class PanelTab(SectionTab, Generic[T, Q]):
    """Subclasses build `panel` and a `model` reading through `count_rows`/`page_rows`, and
    give `fetch` (the rows of a query) and `query` (what the filters say now)."""

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
        """Read the rows of the filters (first read: `_loaded` set) and select `select_id`."""
        self._loaded = True
        q = self.query()
        if q != self.model.query:
            self.model.set_query(q)
        else:
            self.model.reload()
        if select_id is not None:
            self.panel.select_row(self.model.find_row(lambda r: r.id == select_id))

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
