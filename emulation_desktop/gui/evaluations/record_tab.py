"""The shape the Sáng kiến and Khiếu nại – Kiểm tra tabs share: a year's records read whole (tens
of rows), filtered as the officer types, a table beside the detail, and an empty state that says
what goes here and offers the first action."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import show_error, show_info
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.registry.history_view import DetailView
from emulation_desktop.gui.registry.registry_page import ask_save_path
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import button, combo, empty_page, share_list

T = TypeVar("T")


class RecordTab(SectionTab, Generic[T]):
    """Subclasses give `headers`, `noun`, how the columns fit (see ColumnFit: the `stretch`
    column, `caps` as (column, width in "M"s), the `optional` columns in the order they step
    aside), and override the hooks at the end."""

    headers: Sequence[str] = ()
    stretch = 0
    caps: Sequence[tuple[int, float]] = ()
    optional: Sequence[int] = ()
    noun = ""  # "sáng kiến, đề tài": the count reads "3 sáng kiến, đề tài"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        search_hint: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed, parent)
        self.ask_save: Callable[[QWidget, str], Path | None] = ask_save_path  # tests replace it
        self.items: list[T] = []  # the year's records, before search and filters
        self.shown: list[T] = []
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refill())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.filters = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(self.filters)
        self.buttons = QHBoxLayout()
        self.add_button = self._button("Thêm mới", self.add, "add_button")
        self.edit_button = self._button("Sửa", self.edit, "edit_button")
        self.delete_button = self._button("Xóa", self.delete, "delete_button")
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.count_label)
        self.export_button = self._button("Xuất Excel…", self.export, "export_button")

        self.table = ReadOnlyTable(self.headers, "table")
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit())
        self.table.currentCellChanged.connect(lambda *_: self.show_current())
        for key, slot in ((Qt.Key.Key_Return, self.edit), (Qt.Key.Key_Delete, self.delete)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.columns = ColumnFit(
            self.table, self.stretch, caps=dict(self.caps), optional=self.optional
        )
        self.detail = DetailView("")
        self.detail.setObjectName("detail")
        self.detail.setMinimumWidth(em(self, 18))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        share_list(splitter)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self.empty_button = button("Thêm mới", self.add, "empty_add")
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(empty_page(self.empty_label, self.empty_button))

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 6, 4, 4)
        self.layout_.addLayout(top)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.stack, 1)

    def _button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        b = button(text, slot, name)
        self.buttons.addWidget(b)
        return b

    def filter_combo(self, name: str, entries: Sequence[tuple[str, object]]) -> QComboBox:
        box = combo(name, entries)
        box.currentIndexChanged.connect(lambda _i: self.refill())
        self.filters.addWidget(box)
        return box

    # SectionTab -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def reload(self, select_id: int | None = None) -> None:
        current = self.current()
        keep = select_id if select_id is not None else getattr(current, "id", None)
        self.tasks.submit(self.fetch, lambda items: self._loaded(items, keep), parent=self)

    def _loaded(self, items: list[T], select_id: int | None) -> None:
        self.items = items
        self.refill(select_id)

    def refill(self, select_id: int | None = None) -> None:
        """Apply the search and filters to the year's records and show them."""
        if select_id is None:
            select_id = getattr(self.current(), "id", None)
        text = self.search.text()
        self.shown = [i for i in self.items if self.keep(i, text)]
        rows = [self.cells(i) for i in self.shown]
        self.table.fill(rows, rows)  # the whole text in a tooltip: long titles are cut
        for r, item in enumerate(self.shown):
            for c, (colour, bold) in self.colours(item).items():
                cell = self.table.item(r, c)
                cell.setForeground(QBrush(QColor(colour)))
                if bold:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
        self.columns.refit()
        self.count_label.setText(f"{len(self.shown)} {self.noun}")
        self.empty_label.setText(self.empty_text())
        self.stack.setCurrentIndex(1 if not self.items else 0)
        ids = [getattr(i, "id", None) for i in self.shown]
        if self.shown:
            self.table.setCurrentCell(ids.index(select_id) if select_id in ids else 0, 0)
        self.show_current()

    def current(self) -> T | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def show_current(self) -> None:
        item = self.current()
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(item is not None)
        self.export_button.setEnabled(bool(self.shown))
        for w in (self.count_label, self.export_button):
            w.setVisible(bool(self.items))  # an empty year: the page under says what to do
        if item is not None:
            self.detail.show_html(self.detail_html(item))
        elif self.items:
            self.detail.show_empty(f"Không có {self.noun} nào khớp với điều kiện tìm kiếm.")
        else:
            self.detail.show_empty(self.empty_text())

    def submit(self, work: Callable[[], Any], select_id: Callable[[Any], int | None]) -> None:
        """A write through the task runner; a refusal is shown, the list rereads on success."""

        def done(result: Any) -> None:
            self.reload(select_id(result))
            self.on_changed()

        def failed(exc: UserError) -> None:
            show_error(self, exc.message)

        self.tasks.submit(work, done, failed, parent=self)

    def export_to(self, suggested: str, work: Callable[[Path], int]) -> None:
        path = self.ask_save(self, suggested)
        if path is None:
            return
        self.tasks.submit(
            lambda: work(path),
            lambda n: show_info(self, f"Đã xuất {n} dòng ra tệp «{path.name}»."),
            lambda exc: show_error(self, exc.message),
            parent=self,
        )

    # Hooks ------------------------------------------------------------------------------------

    def fetch(self) -> list[T]:
        raise NotImplementedError

    def keep(self, item: T, text: str) -> bool:
        raise NotImplementedError

    def cells(self, item: T) -> list[str]:
        raise NotImplementedError

    def colours(self, item: T) -> dict[int, tuple[str, bool]]:
        """Column → (text colour, bold) for cells that must stand out."""
        return {}

    def detail_html(self, item: T) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def edit(self) -> None:
        raise NotImplementedError

    def delete(self) -> None:
        raise NotImplementedError

    def export(self) -> None:
        raise NotImplementedError
