"""Giấy khen & In: the officer at a ceremony picks the decision, sees its sheets in the order the
names are read out, previews them, prints them all (Ctrl+P), reprints a jammed one in two clicks
and marks spoiled sheets; the layout, the printer's calibration and the blanks received are one
button away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.certificates import CertificateKind, PrintMode
from emulation_desktop.services.certificates import BlankStock, CertificateBatch
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.certificates import files, page_text
from emulation_desktop.gui.certificates.flow_layout import FlowLayout
from emulation_desktop.gui.certificates.page_actions import PageActions
from emulation_desktop.gui.certificates.table_model import CertificateTableModel
from emulation_desktop.gui.pages.base import Action, SectionPage, heading
from emulation_desktop.gui.sections import Section
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import button, combo, empty_page, long_texts, muted


class CertificatesPage(SectionPage, PageActions):
    actions = frozenset({Action.REFRESH, Action.PRINT})
    scrolls_itself = True

    def __init__(
        self,
        section: Section,
        services: AppServices,
        tasks: TaskRunner,
        go_to: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section, parent)
        self.service = services.certificates
        self.tasks = tasks
        self.year = dt.date.today().year
        self.batch: CertificateBatch | None = None
        self.stock: list[BlankStock] = []
        self._labels: dict[int, str] = {}  # decision id -> its label without the count
        self.ask_save: files.AskSave = files.ask_save  # tests replace it
        self.setup_actions()

        self.decision = long_texts(combo("decision_combo", []), 30, 90)
        self.decision.setToolTip("Các quyết định khen thưởng trong năm đang chọn và số tờ cần in")
        self.ceremony = QRadioButton("Buổi lễ")
        self.ceremony.setObjectName("ceremony_order")
        self.ceremony.setToolTip("Thứ tự đọc tên tại buổi lễ (Nghị định 152, Điều 30): cấp cao "
                                 "trước; tập thể, hộ gia đình trước cá nhân; danh hiệu trước "
                                 "hình thức")  # fmt: skip
        self.list_order = QRadioButton("Danh sách")
        self.list_order.setObjectName("list_order")
        self.list_order.setToolTip("Thứ tự trong danh sách kèm quyết định")
        self.ceremony.setChecked(True)
        order = QButtonGroup(self)
        order.addButton(self.ceremony)
        order.addButton(self.list_order)
        self.mode = combo("mode_combo", [(m.label, m) for m in PrintMode])
        self.all_titles = QCheckBox("In cả danh hiệu không có giấy chứng nhận theo quy định")
        self.all_titles.setObjectName("all_titles")

        self.model = CertificateTableModel()
        self.table = QTableView()
        self.table.setObjectName("certificates_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda index: self.reprint_row(index.row()))
        self.columns = ColumnFit(self.table, 1, caps={2: 16}, optional=(3, 4, 2))
        self.history_label = muted(QLabel())
        self.history_label.setObjectName("history_label")
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)  # names may hold "&" or "<"
        self.skipped_label = muted(QLabel())
        self.skipped_label.setObjectName("skipped_label")
        self.stock_label = QLabel()
        self.stock_label.setObjectName("stock_label")
        self.stock_label.setWordWrap(True)
        self.status_label = muted(QLabel())
        self.status_label.setObjectName("status_label")
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.history_label)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_label")
        self._go_to = go_to
        self.empty_button = button("Đến mục Quyết định", self._to_decisions, "go_decisions")
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(empty_page(self.empty_label, self.empty_button))

        top = QHBoxLayout()
        top.addWidget(_buddy("&Quyết định:", self.decision))
        top.addWidget(self.decision, 1)
        options = FlowLayout(spacing=10)
        for w in (QLabel("Thứ tự:"), self.ceremony, self.list_order,
                  _buddy("&In trên:", self.mode), self.mode, self.all_titles):  # fmt: skip
            options.addWidget(w)
        tools = FlowLayout()
        for b in self.buttons:
            tools.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(heading(section.title, 1.3))
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        for label in (self.skipped_label, self.stock_label, self.status_label):
            layout.addWidget(label)

        self.decision.currentIndexChanged.connect(lambda _i: self.load_batch())
        self.ceremony.toggled.connect(lambda _c: self.load_batch())
        self.all_titles.toggled.connect(lambda _c: self.load_batch())
        self.mode.currentIndexChanged.connect(lambda _i: self._show_stock())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selection())
        self.show_selection()

    # SectionPage ------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        self.year = year
        if self.isVisible():  # else activated() reads when the page is shown
            self.reload()

    def activated(self) -> None:
        # Read again each time: a decision issued or a sheet printed elsewhere shows at once.
        self.reload()

    def trigger(self, action: Action) -> None:
        if action is Action.REFRESH:
            self.reload()
        elif action is Action.PRINT:
            self.print_all()

    # Reading ----------------------------------------------------------------------------------

    @property
    def decision_id(self) -> int | None:
        data = self.decision.currentData()
        return int(data) if data is not None else None

    @property
    def print_mode(self) -> PrintMode:
        return PrintMode(self.mode.currentData())

    def reload(self) -> None:
        """The year's decisions again (another section may have issued one), then the sheets."""
        service, year = self.service, self.year
        self.tasks.submit(lambda: service.decisions(year), self._decisions_loaded, parent=self)

    def _decisions_loaded(self, choices: list) -> None:  # type: ignore[type-arg]
        keep = self.decision_id
        self.decision.blockSignals(True)
        self.decision.clear()
        self._labels = {c.id: c.label for c in choices}
        for c in choices:
            self.decision.addItem(f"{c.label} ({c.certificates} tờ)", c.id)
        ids = [c.id for c in choices]
        with_sheets = [c.id for c in choices if c.certificates]
        chosen = keep if keep in ids else (with_sheets or ids or [None])[0]
        self.decision.setCurrentIndex(ids.index(chosen) if chosen in ids else -1)
        self.decision.blockSignals(False)
        if not choices:
            self.batch = None
            self.model.set_rows([])
            self._show_empty(page_text.no_decision_text(self.year), offer_decisions=True)
            self.skipped_label.clear()
            self._load_stock()
            return
        self.load_batch()

    def load_batch(self, select_ids: tuple[int, ...] = ()) -> None:
        decision_id = self.decision_id
        if decision_id is None:
            return
        if not select_ids:
            select_ids = self.selected_ids()
        service, ceremony, all_titles = (
            self.service,
            self.ceremony.isChecked(),
            self.all_titles.isChecked(),
        )
        self.tasks.submit(
            lambda: (service.batch(decision_id, ceremony, all_titles), service.stock()),
            lambda got: self._batch_loaded(got[0], got[1], select_ids),
            parent=self,
        )

    def _batch_loaded(self, batch: CertificateBatch, stock: list[BlankStock],
                      select_ids: tuple[int, ...]) -> None:  # fmt: skip
        self.batch = batch
        self.stock = stock
        # The count follows «In cả danh hiệu…»: the sheets this batch really holds.
        index = self.decision.findData(batch.decision_id)
        if index >= 0 and batch.decision_id in self._labels:
            label = self._labels[batch.decision_id]
            self.decision.setItemText(index, f"{label} ({len(batch.rows)} tờ)")
        self.model.set_rows(batch.rows)
        self.columns.refit()
        if batch.rows:
            self.stack.setCurrentIndex(0)
        else:
            self._show_empty(page_text.no_sheet_text(batch, self.all_titles.isChecked()), False)
        note, whole = page_text.skipped_text(batch.skipped)
        self.skipped_label.setText(note)
        self.skipped_label.setToolTip(whole)
        self.skipped_label.setVisible(bool(note))
        self._show_stock()
        if not select_ids and batch.rows:
            select_ids = (batch.rows[0].certificate.award_id,)
        self.select_ids(select_ids)
        self.show_selection()

    def _load_stock(self) -> None:
        self.tasks.submit(self.service.stock, self._stock_loaded, parent=self)

    def _stock_loaded(self, stock: list[BlankStock]) -> None:
        self.stock = stock
        self._show_stock()

    def _show_stock(self) -> None:
        needed = {r.certificate.kind.blank for r in self.batch.rows} if self.batch else set()
        self.stock_label.setText(page_text.stock_html(self.stock, needed, self.print_mode))
        self.update_buttons()

    def _show_empty(self, text: str, offer_decisions: bool) -> None:
        self.empty_label.setText(text)
        self.empty_button.setVisible(offer_decisions and self._go_to is not None)
        self.stack.setCurrentIndex(1)
        self.update_buttons()

    # Selection --------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.table.selectionModel().selectedRows())

    def selected_ids(self) -> tuple[int, ...]:
        return tuple(self.model.rows[r].certificate.award_id for r in self.selected_rows())

    def select_ids(self, ids: tuple[int, ...]) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids) if r >= 0]
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        model = self.table.selectionModel()
        model.select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:
            model.setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)
            self.table.scrollTo(self.model.index(rows[0], 0))

    def show_selection(self) -> None:
        rows = self.selected_rows()
        self.update_buttons()
        if len(rows) != 1:
            text = f"Đã chọn {len(rows)} tờ." if rows else ""
            self.history_label.setText(text)
            return
        row = self.model.rows[rows[0]]
        service, award_id = self.service, row.certificate.award_id
        self.tasks.submit(lambda: service.history(award_id),
                          lambda h: self.history_label.setText(page_text.history_text(row, h)),
                          parent=self)  # fmt: skip

    def first_kind(self) -> CertificateKind:
        rows = self.selected_rows()
        if rows:
            return self.model.rows[rows[0]].certificate.kind
        if self.model.rows:
            return self.model.rows[0].certificate.kind
        return CertificateKind.GIAY_KHEN_PERSON

    def _to_decisions(self) -> None:
        if self._go_to is not None:
            self._go_to("decisions")


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
    return label
