"""Đợt xét khen thưởng: the year's rounds and the chosen round's workspace, a guided flow.

    Đợt xét: [Xét khen thưởng cuối năm 2026 ▾]          [Thêm đợt xét] [Sửa đợt…] [Xóa đợt]
    ① Lập danh sách  ② Hồ sơ, công khai  ③ Hội đồng xét  ④ Quyết định, tờ trình  ⑤ Đã trao
    Bước tiếp theo: …                                   [Trình Hội đồng] [Trả về lập danh sách]
    [Danh sách đề nghị] [Hồ sơ, công khai] [Các đợt năm 2026]

The workspace (list, verdicts, dossier) is read off the GUI thread: the verdicts of a large
round take a moment. An older read arriving after a newer one is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import DocumentKind, RoundStatus
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.nomination_steps import next_step
from emulation_desktop.domain.nominations import RoundItem, notice_state
from emulation_desktop.domain.rules.eligibility import Verdict
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.rounds import RoundWorkspace

from emulation_desktop.gui.documents.button import DocumentButton, chosen_id
from emulation_desktop.gui.documents.maker import DocumentMaker
from emulation_desktop.gui.messages import confirm, show_error
from emulation_desktop.gui.nominations.dossier_panel import DossierPanel
from emulation_desktop.gui.nominations.items_panel import ItemsPanel
from emulation_desktop.gui.nominations.round_dialog import RoundDialog
from emulation_desktop.gui.nominations.step_bar import StepBar
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, combo, empty_page, long_texts
from emulation_desktop.gui.widgets.detail_html import PENDING_COLOR

LIST_TAB, DOSSIER_TAB, ROUNDS_TAB = range(3)


class RoundsTab(SectionTab):
    title = "Đợt xét khen thưởng"

    def __init__(
        self, services: AppServices, tasks: TaskRunner, on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("rounds_tab")
        self._rounds: list[RoundItem] = []
        self.ws: RoundWorkspace | None = None
        self._asked = 0  # the number of the last workspace read asked for
        self._today: Callable[[], dt.date] = dt.date.today

        self.round_combo = long_texts(combo("round_combo", []), 20, 50)
        self.round_combo.currentIndexChanged.connect(lambda _i: self._load())
        self.new_round_button = button("Thêm đợt xét", self.add_round, "add_round",
                                       "Một đợt xét mới trong năm (cuối năm, theo phong trào, "
                                       "chuyên đề, đột xuất, Gia đình văn hóa…)")  # fmt: skip
        self.edit_round_button = button("Sửa đợt…", self.edit_round, "edit_round")
        self.delete_round_button = button("Xóa đợt", self.delete_round, "delete_round")
        top = QHBoxLayout()
        top.addWidget(QLabel("Đợt xét:"))
        top.addWidget(self.round_combo, 1)
        for b in (self.new_round_button, self.edit_round_button, self.delete_round_button):
            top.addWidget(b)
        self.steps = StepBar()
        self.next_label = QLabel()
        self.next_label.setObjectName("next_step")
        self.next_label.setWordWrap(True)
        self.submit_button = button("Trình Hội đồng", self.submit, "submit_round",
                                    "Chuyển danh sách sang Hội đồng TĐKT xét (bước ③)")  # fmt: skip
        self.back_button = button(
            "Trả về lập danh sách",
            self.back_to_draft,
            "back_to_draft",
            "Mở lại danh sách để sửa (khi Hội đồng chưa họp xét)",
        )
        step_row = QHBoxLayout()
        step_row.addWidget(self.next_label, 1)
        step_row.addWidget(self.submit_button)
        step_row.addWidget(self.back_button)
        self.documents = DocumentButton(DocumentMaker(self, services, tasks))
        step_row.addWidget(self.documents)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("notice_warning")
        self.notice_label.setWordWrap(True)

        self.items = ItemsPanel(services, tasks)
        self.items.changed.connect(self._written)
        self.documents.add("Thông báo công khai…", DocumentKind.NOTICE, self.round_id,
                           "notice_document")  # fmt: skip
        self.documents.add("Báo cáo thành tích (đề nghị đang chọn)…", DocumentKind.ACHIEVEMENT,
                           chosen_id(self.items.current), "achievement_document")  # fmt: skip
        self.items.panel.current_changed.connect(self.documents.refresh)
        self.dossier = DossierPanel(services, tasks)
        self.dossier.changed.connect(lambda: self._written(None))
        self.rounds_table = _rounds_table()
        self.rounds_table.cellDoubleClicked.connect(self._open_listed)
        self.inner = QTabWidget()
        self.inner.setObjectName("round_tabs")
        self.inner.addTab(self.items, "Danh sách đề nghị")
        self.inner.addTab(self.dossier, "Hồ sơ, công khai")
        self.inner.addTab(self.rounds_table, "Các đợt trong năm")

        work = QWidget()
        wl = QVBoxLayout(work)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.steps)
        wl.addLayout(step_row)
        wl.addWidget(self.notice_label)
        wl.addWidget(self.inner, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.stack = QStackedWidget()
        self.stack.addWidget(work)
        self.stack.addWidget(
            empty_page(self.empty_label, button("Thêm đợt xét", self.add_round, "empty_add"))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    # SectionTab -------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """The year's rounds, then the chosen round's workspace (F5: verdicts read again)."""
        keep = select_id if select_id is not None else self.round_id()
        self._rounds = self.services.rounds.rounds(self.year)
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in self._rounds:
            self.round_combo.addItem(f"{r.status.label}: {r.name}", r.id)
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(keep)))
        self.round_combo.blockSignals(False)
        self._fill_rounds_table()
        has = bool(self._rounds)
        for w in (self.round_combo, self.edit_round_button, self.delete_round_button):
            w.setEnabled(has)
        self.empty_label.setText(
            f"Chưa có đợt xét khen thưởng nào trong năm {self.year}.\n\nMỗi đợt xét có một danh "
            "sách đề nghị (lấy từ đăng ký thi đua, kết quả xếp loại hoặc chọn từng đối tượng), "
            "được kiểm tra điều kiện theo quy định, rồi trình Hội đồng Thi đua – Khen thưởng."
            f"\n\nBấm «Thêm đợt xét» để bắt đầu, ví dụ «Xét khen thưởng cuối năm {self.year}»."
        )
        self.stack.setCurrentIndex(0 if has else 1)
        self._load()

    def add(self) -> None:
        """Ctrl+N: a đề nghị while the list is drawn up and shown, else a round."""
        if self.ws is not None and self.ws.round.editable and self.inner.currentIndex() == 0:
            self.items.add_one()
        else:
            self.add_round()

    def focus_search(self) -> None:
        self.inner.setCurrentIndex(LIST_TAB)
        self.items.focus_search()

    # The chosen round -------------------------------------------------------------------------

    def round_id(self) -> int | None:
        data = self.round_combo.currentData()
        return int(data) if data is not None else None

    def current_round(self) -> RoundItem | None:
        rid = self.round_id()
        return next((r for r in self._rounds if r.id == rid), None)

    def _load(self, select_item: int | None = None) -> None:
        rid = self.round_id()
        self._asked += 1
        asked = self._asked
        if rid is None:
            self._show(None, None)
            return

        def shown(ws: RoundWorkspace) -> None:
            if asked == self._asked:
                self._show(ws, select_item)

        def failed(exc: UserError) -> None:
            if asked == self._asked:
                show_error(self, exc.message)

        self.tasks.submit(
            lambda: self.services.rounds.workspace(rid),
            shown,
            failed,
            progress="Đang đọc danh sách và kiểm tra điều kiện…",
            parent=self,
        )

    def _show(self, ws: RoundWorkspace | None, select_item: int | None) -> None:
        self.ws = ws
        self.items.show_workspace(ws, select_item)
        self.dossier.show_workspace(ws)
        self._show_round(ws.round if ws else None)

    def _show_round(self, r: RoundItem | None) -> None:
        for w in (self.steps, self.next_label):
            w.setVisible(r is not None)
        self.submit_button.setVisible(r is not None and r.status is RoundStatus.DRAFT)
        self.back_button.setVisible(r is not None and r.status is RoundStatus.SUBMITTED)
        self.edit_round_button.setEnabled(r is not None and r.editable)
        self.delete_round_button.setEnabled(r is not None and r.editable and not r.has_meeting)
        self.notice_label.setVisible(False)
        self.documents.refresh()
        if r is None:
            return
        self.steps.show_round(r, self._today())
        self.next_label.setText(next_step(r))
        self.round_combo.setToolTip(self._summary(r))  # the rest is in the tabs' titles
        self.inner.setTabText(LIST_TAB, f"Danh sách đề nghị ({thousands(r.items)})")
        self.inner.setTabText(DOSSIER_TAB, f"Hồ sơ, công khai ({r.papers_done}/{r.papers_total})")
        self.inner.setTabText(ROUNDS_TAB, f"Các đợt năm {self.year} ({len(self._rounds)})")
        if r.needs_notice and r.status in (RoundStatus.DRAFT, RoundStatus.SUBMITTED,
                                           RoundStatus.VOTED):  # fmt: skip
            text, warn = notice_state(r.notice_start, r.notice_days, self._today())
            color = PENDING_COLOR if warn else "#1b6e20"
            self.notice_label.setText(f"<span style='color:{color}'>{escape(text)}</span>")
            self.notice_label.setVisible(True)
        elif r.notice_override:
            self.notice_label.setText(
                f"Quyết định trước khi hết công khai: {escape(r.notice_override)}"
            )
            self.notice_label.setVisible(True)

    def _summary(self, r: RoundItem) -> str:
        parts = [r.kind.label, r.status.label, f"{thousands(r.items)} đề nghị"]
        if self.ws is not None and self.ws.round.id == r.id and self.ws.verdicts:
            found = list(self.ws.verdicts.values())
            counts = {v: sum(x.verdict is v for x in found) for v in Verdict}
            settled = sum(x.settled for x in found)
            if settled < len(found):
                parts.append(
                    f"đủ điều kiện {counts[Verdict.ELIGIBLE]}, cần xem xét "
                    f"{counts[Verdict.REVIEW]}, không đủ {counts[Verdict.NOT_ELIGIBLE]}"
                )
            if settled:
                parts.append(f"đã có quyết định {settled}")
        parts.append(r.dossier_text)
        if r.movement_name:
            parts.append(f"phong trào «{r.movement_name}»")
        return " · ".join(parts)

    def _fill_rounds_table(self) -> None:
        t = self.rounds_table
        t.setRowCount(len(self._rounds))
        for row, r in enumerate(self._rounds):
            cells = (r.name, r.kind.label, r.status.label, thousands(r.items),
                     f"{r.papers_done}/{r.papers_total}")  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                t.setItem(row, col, item)
        t.resizeColumnsToContents()
        t.setColumnWidth(0, min(t.columnWidth(0), em(t, 28)))

    def _open_listed(self, row: int, _col: int) -> None:
        if 0 <= row < len(self._rounds):
            self.round_combo.setCurrentIndex(self.round_combo.findData(self._rounds[row].id))
            self.inner.setCurrentIndex(LIST_TAB)

    def _written(self, select_item: int | None) -> None:
        """The list or dossier changed: the rounds (counts) and the workspace read again."""
        self._rounds = self.services.rounds.rounds(self.year)
        self._fill_rounds_table()
        self.round_combo.blockSignals(True)
        for i, r in enumerate(self._rounds):
            if self.round_combo.itemData(i) == r.id:
                self.round_combo.setItemText(i, f"{r.status.label}: {r.name}")
        self.round_combo.blockSignals(False)
        self._load(select_item)
        self.on_changed()

    # Actions ----------------------------------------------------------------------------------

    def add_round(self) -> None:
        dialog = RoundDialog(self.services, self.tasks, self.year,
                             self.services.movements.choices(self.year), parent=self)  # fmt: skip
        if dialog.exec() and dialog.saved_id is not None:
            self.inner.setCurrentIndex(LIST_TAB)
            self.reload(dialog.saved_id)
            self.on_changed()

    def edit_round(self) -> None:
        r = self.current_round()
        if r is None:
            return
        dialog = RoundDialog(
            self.services,
            self.tasks,
            self.year,
            self.services.movements.choices(self.year),
            r,
            parent=self,
        )
        if dialog.exec():
            self.reload(r.id)
            self.on_changed()

    def delete_round(self) -> None:
        r = self.current_round()
        if r is None:
            return
        what = f" cùng {r.items} đề nghị và hồ sơ đính kèm" if r.items else ""
        if confirm(self, f"Xóa đợt xét «{r.name}»{what}?", "Xóa"):
            self._step(lambda: self.services.rounds.delete(r.id), None)

    def submit(self) -> None:
        r = self.current_round()
        if r is None:
            return
        question = f"Trình Hội đồng TĐKT danh sách {r.items} đề nghị của đợt «{r.name}»?"
        if self.ws is not None:
            bad = sum(v.verdict is Verdict.NOT_ELIGIBLE for v in self.ws.verdicts.values())
            if bad:
                question += (f" Lưu ý: {bad} đề nghị không đủ điều kiện theo kết quả kiểm tra "
                             "(Hội đồng vẫn xét được).")  # fmt: skip
            if not self.ws.round.dossier_complete:
                question += f" {self.ws.round.dossier_text} (chưa đủ)."
        question += " Sau khi trình, danh sách không sửa được nữa."
        if confirm(self, question, "Trình Hội đồng"):
            self._step(lambda: self.services.rounds.submit(r.id), r.id)

    def back_to_draft(self) -> None:
        r = self.current_round()
        if r is not None and confirm(
            self, f"Trả đợt «{r.name}» về bước lập danh sách để sửa?", "Trả về"
        ):
            self._step(lambda: self.services.rounds.back_to_draft(r.id), r.id)

    def _step(self, work: Callable[[], object], select_id: int | None) -> None:
        def done(_r: object) -> None:
            self.reload(select_id)
            self.on_changed()

        self.tasks.submit(work, done, lambda exc: show_error(self, exc.message), parent=self)


def _rounds_table() -> QTableWidget:
    t = QTableWidget(0, 5)
    t.setObjectName("rounds_table")
    t.setHorizontalHeaderLabels(["Tên đợt xét", "Loại", "Trạng thái", "Đề nghị", "Hồ sơ"])
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    t.setToolTip("Bấm đúp để mở đợt xét")
    return t
