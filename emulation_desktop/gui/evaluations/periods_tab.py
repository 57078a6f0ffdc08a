"""Kỷ luật – Thai sản: discipline, maternity and other long leave periods, by year and kind.

The year's list is read whole (tens of rows) and filtered by name as the officer types.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import PeriodKind
from emulation_desktop.domain.periods import PeriodItem
from emulation_desktop.domain.text import fold
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.evaluations.period_dialog import PeriodDialog
from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import button, empty_page

HEADERS = ("Họ và tên", "Đơn vị", "Loại", "Hình thức", "Từ ngày", "Đến ngày", "Văn bản",
           "Ghi chú")  # fmt: skip
NOTE = 7
ALL_YEARS = 0


class PeriodsTab(SectionTab):
    title = "Kỷ luật – Thai sản"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("periods_tab")
        self.confirm = confirm  # tests replace it (a message box blocks)
        self._items: list[PeriodItem] = []
        self._shown: list[PeriodItem] = []

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Tìm theo họ tên, không cần gõ dấu (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        self.kind.addItem("Mọi loại", None)
        for k in PeriodKind:
            self.kind.addItem(k.label, k)
        self.years = QComboBox()
        self.years.setObjectName("year_filter")
        self.count = QLabel()
        self.count.setObjectName("count_label")
        self.add_button = button("Thêm mới", self.add, "add_period", "Thêm (Ctrl+N)")
        self.edit_button = button("Sửa", self.edit, "edit_period", "Sửa dòng đang chọn")
        self.delete_button = button("Xóa", self.delete, "delete_period")
        self.table = ReadOnlyTable(HEADERS, "periods_table")
        self.table.setWordWrap(False)
        # No detail beside this list: every column stays, the note takes the room left.
        self.columns = ColumnFit(self.table, NOTE, caps={0: 15, 1: 13, 6: 16}, room=10)
        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.empty_page = empty_page(self.empty, button("Thêm mới", self.add, "empty_add"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_page)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.years)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for w in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)

        self.search.textChanged.connect(lambda _t: self._fill())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.years.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        for key, slot in ((Qt.Key.Key_Return, self.edit), (Qt.Key.Key_Delete, self.delete)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._fill_years()
        self._fill()

    # SectionTab -------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        super().set_year(year)
        self._fill_years()

    def reload(self) -> None:
        year = self.years.currentData()
        kind = self.kind.currentData()
        self.tasks.submit(
            lambda: self.services.periods.list_periods(
                None if year == ALL_YEARS else year,
                None if kind is None else PeriodKind(kind),
            ),
            self._loaded,
            parent=self,
        )

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # List -------------------------------------------------------------------------------------

    def _fill_years(self) -> None:
        self.years.blockSignals(True)
        all_years = self.years.currentData() == ALL_YEARS
        self.years.clear()
        self.years.addItem(f"Năm {self.year}", self.year)
        self.years.addItem("Mọi năm", ALL_YEARS)
        self.years.setCurrentIndex(1 if all_years else 0)
        self.years.blockSignals(False)

    def _loaded(self, items: list[PeriodItem], select_id: int | None = None) -> None:
        self._items = items
        self._fill(select_id)

    def _fill(self, select_id: int | None = None) -> None:
        words = fold(self.search.text()).split()
        self._shown = [p for p in self._items if all(w in fold(p.person_name) for w in words)]
        rows = [
            (p.person_name, p.unit_name, p.kind.label, p.form, p.start_text, p.end_text,
             p.document, p.note.replace("\n", " "))
            for p in self._shown
        ]  # fmt: skip
        self.table.fill(rows, rows)  # long texts are cut: whole in the tooltip
        self.columns.refit()
        self.count.setText(f"{len(self._shown)} dòng")
        row = next((i for i, p in enumerate(self._shown) if p.id == select_id), 0)
        if self._shown:
            self.table.selectRow(row)
        self.stack.setCurrentWidget(self.table if self._shown else self.empty_page)
        self.empty.setText(self._empty_text(words))
        self._selection_changed()

    def _empty_text(self, words: list[str]) -> str:
        if words:
            return "Không có ai khớp với tên đang tìm."
        kind = self.kind.currentData()
        what = (
            "thời gian kỷ luật, nghỉ thai sản hay nghỉ dài hạn nào"
            if kind is None
            else f"thời gian «{PeriodKind(kind).label.lower()}» nào"
        )
        when = "" if self.years.currentData() == ALL_YEARS else f" trong năm {self.year}"
        return (
            f"Chưa có {what}{when}. Bấm «Thêm mới» (Ctrl+N) để ghi thời gian kỷ luật, nghỉ thai "
            "sản hoặc nghỉ dài hạn của một cá nhân; khi xét khen thưởng, chương trình tự đọc "
            "các thời gian này."
        )

    def current(self) -> PeriodItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows and rows[0].row() < len(self._shown) else None

    def _selection_changed(self) -> None:
        chosen = self.current() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # Actions ----------------------------------------------------------------------------------

    def add(self) -> None:
        kind = self.kind.currentData()
        self._open(None, PeriodKind(kind) if kind is not None else PeriodKind.DISCIPLINE)

    def edit(self) -> None:
        item = self.current()
        if item is not None:
            self._open(item, item.kind)

    def _open(self, item: PeriodItem | None, kind: PeriodKind) -> None:
        s = self.services
        dialog = PeriodDialog(s.periods, s.subjects, self.tasks, item, kind, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._after_change(dialog.saved_id)

    def delete(self) -> None:
        item = self.current()
        if item is None:
            return
        form = f" ({item.form})" if item.form else ""
        question = (f"Xóa thời gian {item.kind.label.lower()}{form} {item.span} của "
                    f"«{item.person_name}»?")  # fmt: skip
        if self.confirm(self, question, "Xóa"):
            self.tasks.submit(
                lambda: self.services.periods.delete(item.id),
                lambda _r: self._after_change(None),
                lambda exc: show_error(self, exc.message),
                parent=self,
            )

    def _after_change(self, select_id: int | None) -> None:
        self.on_changed()
        year, kind = self.years.currentData(), self.kind.currentData()
        self.tasks.submit(
            lambda: self.services.periods.list_periods(
                None if year == ALL_YEARS else year, None if kind is None else PeriodKind(kind)
            ),
            lambda items: self._loaded(items, select_id),
            parent=self,
        )
