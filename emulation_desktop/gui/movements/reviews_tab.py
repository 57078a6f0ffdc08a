"""Sơ kết – Tổng kết: the reviews of the year's movements with their figures, and the results
of each registered subject."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import ReviewResult
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.movements import phase_title
from emulation_desktop.domain.reviews import ResultLine, ReviewItem
from emulation_desktop.domain.text import fold, nfc
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.models.paged_table import PagedTableModel, TableColumn
from emulation_desktop.gui.movements.panel_tab import PanelTab
from emulation_desktop.gui.movements.review_dialog import ResultsDialog, ReviewDialog
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo, empty_page, long_texts
from emulation_desktop.gui.widgets.detail_html import STYLE, facts_html

_CENTER = Qt.AlignmentFlag.AlignCenter


def _n(value: int) -> str:
    return str(value) if value else "–"


COLUMNS: tuple[TableColumn[ReviewItem], ...] = (
    TableColumn("Ngày", lambda r: day_text(r.held_on), None, _CENTER),
    TableColumn("Hội nghị", lambda r: r.title),
    TableColumn("Phong trào", lambda r: r.movement_name),
    TableColumn("Đăng ký", lambda r: str(r.figures.registered), None, _CENTER),
    TableColumn("Đánh giá", lambda r: _n(r.figures.reviewed), None, _CENTER),
    TableColumn("Vượt", lambda r: _n(r.figures.exceeded), None, _CENTER),
    TableColumn("Đạt", lambda r: _n(r.figures.met), None, _CENTER),
    TableColumn("Chưa đạt", lambda r: _n(r.figures.not_met), None, _CENTER),
)


@dataclass(frozen=True, slots=True)
class ReviewQuery:
    year: int
    movement_id: int | None = None
    text: str = ""
    sort: None = None
    descending: bool = False


def review_html(r: ReviewItem, lines: list[ResultLine]) -> str:
    facts = facts_html([
        ("Phong trào", r.movement_name),
        ("Đợt", phase_title(r.phase_number, r.phase_name) if r.phase_number else "Cả phong trào"),
        ("Ngày tổ chức", day_text(r.held_on)),
        ("Văn bản", r.document),
        ("Số liệu", r.figures.text),
        ("Tóm tắt", r.summary),
    ])  # fmt: skip
    groups = []
    for result in ReviewResult:
        names = [
            escape(line.subject.name) + (f" <span class='muted'>({escape(line.note)})</span>"
                                         if line.note else "")
            for line in lines if line.result is result
        ]  # fmt: skip
        if names:
            groups.append(f"<p><b>{result.label} ({len(names)}):</b> {', '.join(names)}</p>")
    if not groups:
        groups.append(
            "<p class='empty'>Chưa nhập kết quả của các đối tượng đăng ký. Bấm «Nhập kết quả…».</p>"
        )
    return f"{STYLE}<h2>{escape(r.title)}</h2>{facts}<h3>Kết quả</h3>{''.join(groups)}"


class ReviewsTab(PanelTab[ReviewItem, ReviewQuery]):
    title = "Sơ kết – Tổng kết"

    def __init__(
        self, services: AppServices, tasks: TaskRunner, on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("reviews_tab")
        self._reviews = services.reviews
        self._movements: list[MovementChoice] = []
        self.panel = p = ListPanel(
            "Tìm theo tên phong trào, văn bản, không cần gõ dấu (Ctrl+F)",
            "Chọn một hội nghị sơ kết, tổng kết để xem số liệu và kết quả.",
        )
        self.movement_filter = long_texts(combo("movement_filter", [("Mọi phong trào", None)]),
                                          14, 36)  # fmt: skip
        p.filters.addWidget(self.movement_filter)
        self.movement_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        p.search.textChanged.connect(lambda _t: self.apply_filters())
        p.add_button("Thêm mới", self.add, "add_review", "Ghi một hội nghị sơ kết, tổng kết")
        self.edit_button = p.add_button("Sửa", self.edit, "edit_review")
        self.delete_button = p.add_button("Xóa", self.delete, "delete_review")
        self.results_button = p.add_button("Nhập kết quả…", self.enter_results, "enter_results",
                                           "Kết quả của từng đối tượng đã đăng ký")  # fmt: skip
        p.end_buttons()
        self.model: PagedTableModel[ReviewItem, ReviewQuery] = PagedTableModel(
            COLUMNS, self.count_rows, self.page_rows, ReviewQuery(self.year)
        )
        p.set_model(self.model, [])
        self.fit_panel(2, caps={1: 12}, optional=(4, 3, 7, 6, 5))
        p.table.setSortingEnabled(False)
        p.current_changed.connect(self.show_current)
        p.activated.connect(self.edit)
        p.delete_requested.connect(self.delete)
        self.model.modelReset.connect(
            lambda: p.count_label.setText(f"{self.model.rowCount()} hội nghị")
        )
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.empty_add = button("Thêm mới", self.add, "empty_add")
        self.stack = QStackedWidget()
        self.stack.addWidget(p)
        self.stack.addWidget(empty_page(self.empty_label, self.empty_add))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.stack)

    def fetch(self, q: ReviewQuery) -> list[ReviewItem]:
        needle = fold(nfc(q.text))
        return [r for r in self._reviews.reviews(q.year, q.movement_id)
                if needle in fold(f"{r.title} {r.movement_name} {r.document}")]  # fmt: skip

    def query(self) -> ReviewQuery:
        return ReviewQuery(self.year, self.movement_filter.currentData(), self.panel.search.text())

    # SectionTab -------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        select_id = self.kept_id(select_id)
        self._movements = self.services.movements.choices(self.year)
        self._loaded = True
        chosen = self.movement_filter.currentData()
        self.movement_filter.blockSignals(True)
        self.movement_filter.clear()
        self.movement_filter.addItem("Mọi phong trào", None)
        for m in self._movements:
            self.movement_filter.addItem(m.name, m.id)
        self.movement_filter.setCurrentIndex(max(0, self.movement_filter.findData(chosen)))
        self.movement_filter.blockSignals(False)
        self.show_rows(select_id)
        has_any = bool(self._reviews.reviews(self.year)) if not self._items else True
        y = self.year
        if not self._movements:
            self.empty_label.setText(
                f"Sơ kết, tổng kết gắn với một phong trào thi đua. Năm {y} chưa có phong trào "
                "nào: hãy thêm phong trào ở thẻ «Phong trào» trước, rồi ghi hội nghị sơ kết, "
                "tổng kết tại đây."
            )
        else:
            self.empty_label.setText(
                f"Chưa có hội nghị sơ kết, tổng kết nào trong năm {y}.\n\nBấm «Thêm mới» để ghi "
                "hội nghị sơ kết một đợt hoặc tổng kết cả phong trào; sau đó nhập kết quả của "
                "từng đối tượng đã đăng ký."
            )
        self.empty_add.setVisible(bool(self._movements))
        self.stack.setCurrentIndex(0 if has_any else 1)

    def add(self) -> None:
        if not self._movements:
            show_error(self, f"Năm {self.year} chưa có phong trào nào; hãy thêm phong trào ở "
                       "thẻ «Phong trào» trước.")  # fmt: skip
            return
        movement = self.movement_filter.currentData()
        dialog = ReviewDialog(self.services, self.tasks, self.year, self._movements,
                              movement_id=movement, parent=self)  # fmt: skip
        if dialog.exec() and dialog.saved_id is not None:
            self.changed(dialog.saved_id)

    # Current ----------------------------------------------------------------------------------

    def show_current(self) -> None:
        item = self.current()
        for w in (self.edit_button, self.delete_button, self.results_button):
            w.setEnabled(item is not None)
        if item is None:
            self.panel.detail.show_empty()
            return
        try:
            lines = self._reviews.results(item.id)
        except UserError as exc:
            self.panel.detail.show_empty(exc.message)
            return
        self.panel.detail.show_html(review_html(item, lines))

    # Actions ----------------------------------------------------------------------------------

    def edit(self) -> None:
        item = self.current()
        if item is not None:
            dialog = ReviewDialog(self.services, self.tasks, self.year, self._movements, item,
                                  parent=self)  # fmt: skip
            if dialog.exec():
                self.changed(item.id)

    def enter_results(self) -> None:
        item = self.current()
        if item is not None:
            dialog = ResultsDialog(self.services, self.tasks, item, parent=self)
            if dialog.exec():
                self.changed(item.id)

    def delete(self) -> None:
        item = self.current()
        if item is None:
            return
        extra = (f" Kết quả của {item.figures.reviewed} đối tượng cũng bị xóa."
                 if item.figures.reviewed else "")  # fmt: skip
        question = f"Xóa hội nghị «{item.title} – {item.movement_name}»?{extra}"
        if confirm(self, question, "Xóa"):
            self.submit(lambda: self._reviews.delete(item.id), lambda _r: self.changed())
