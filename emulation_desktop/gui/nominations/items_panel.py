"""The list of a round's đề nghị: search, Vietnamese sort, the verdict of each line in colour,
the detail with every criterion, and the actions while the list is drawn up (Thêm đề nghị ▾,
Sửa, Xóa with a confirmation naming the line, Xuất Excel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QInputDialog, QMenu, QVBoxLayout, QWidget

from emulation_desktop.domain.enums import RoundStatus
from emulation_desktop.domain.nominations import NominationItem
from emulation_desktop.domain.rules.eligibility import Verdict
from emulation_desktop.domain.subjects import subject_sort_key
from emulation_desktop.domain.text import fold, nfc, text_sort_text, thousands
from emulation_desktop.services.container import AppServices
from emulation_desktop.services.round_verdicts import ItemVerdict
from emulation_desktop.services.rounds import RoundWorkspace

from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.models.paged_table import PagedTableModel, TableColumn
from emulation_desktop.gui.nominations.item_dialogs import (
    FromGradesDialog,
    FromRegistrationsDialog,
    ItemDialog,
)
from emulation_desktop.gui.nominations.nomination_html import (
    VERDICT_COLOR,
    VERDICT_MARK,
    item_html,
    verdict_color,
    verdict_text,
)
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.registry.registry_page import ask_save_path
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import menu_action, share_list

VERDICT_COLUMN = 2
_ORDER = {"✓": 0, "?": 1, "✗": 2, "–": 3, "•": 4}


class ItemSort(StrEnum):
    LIST = "list"
    SUBJECT = "subject"
    AWARD = "award"
    VERDICT = "verdict"
    UNIT = "unit"


@dataclass(frozen=True, slots=True)
class ItemQuery:
    text: str = ""
    sort: ItemSort = ItemSort.LIST
    descending: bool = False
    stamp: int = 0  # a new workspace: read the rows again


class _Model(PagedTableModel[NominationItem, ItemQuery]):
    """The verdict column in its colour (green, red, amber)."""

    def __init__(self, panel: ItemsPanel) -> None:
        self._panel = panel
        columns = (
            TableColumn("Đối tượng", lambda i: i.subject.name, ItemSort.SUBJECT),
            TableColumn("Đề nghị", lambda i: i.award_name, ItemSort.AWARD),
            TableColumn("Điều kiện", lambda i: verdict_text(panel.verdict(i)), ItemSort.VERDICT),
            TableColumn("Đơn vị đề nghị", lambda i: i.proposing_unit, ItemSort.UNIT),
            TableColumn("STT", lambda i: str(i.position), ItemSort.LIST,
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        )  # fmt: skip
        super().__init__(columns, panel.count_rows, panel.page_rows, ItemQuery(),
                         dim=lambda i: not i.subject.active)  # fmt: skip

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == VERDICT_COLUMN:
            item = self.row_item(index.row())
            if item is not None:
                return QColor(verdict_color(self._panel.verdict(item)))
        if role == Qt.ItemDataRole.ToolTipRole:  # the reason, or the whole of a cut text
            item = self.row_item(index.row())
            v = self._panel.verdict(item) if item is not None else None
            if index.column() == VERDICT_COLUMN:
                return v.summary if v is not None else None
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class ItemsPanel(QWidget):
    """`changed(select_id)`: the list was written to (the tab reads the workspace again)."""

    changed = Signal(object)

    def __init__(self, services: AppServices, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("items_panel")
        self.services, self.tasks = services, tasks
        self.ask_save = ask_save_path  # tests replace it: the native dialog blocks
        self.ws: RoundWorkspace | None = None
        self._rows: list[NominationItem] = []
        self._stamp = 0
        self.panel = p = ListPanel(
            "Tìm theo tên, danh hiệu hoặc đơn vị đề nghị, không cần gõ dấu (Ctrl+F)",
            "Chọn một đề nghị để xem kết quả kiểm tra điều kiện và lý do.",
        )
        p.search.textChanged.connect(lambda _t: self._requery())
        self.add_button = p.add_button("Thêm đề nghị", lambda: None, "add_items",
                                       "Thêm vào danh sách đề nghị của đợt")  # fmt: skip
        menu = QMenu(self)
        self.from_registrations = menu_action(menu, "Từ đăng ký thi đua…", self.add_registered,
                                              "from_registrations")  # fmt: skip
        self.from_grades = menu_action(menu, "Từ kết quả xếp loại…", self.add_graded,
                                       "from_grades")  # fmt: skip
        self.one_by_one = menu_action(menu, "Thêm từng đối tượng… (Ctrl+N)", self.add_one,
                                      "add_one")  # fmt: skip
        self.add_button.setMenu(menu)
        self.edit_button = p.add_button("Sửa", self.edit, "edit_item")
        self.delete_button = p.add_button(
            "Xóa", self.delete, "delete_item", "Xóa các đề nghị đang chọn khỏi danh sách (Delete)"
        )
        p.end_buttons()
        self.export_button = p.add_button(
            "Xuất Excel…",
            self.export,
            "export_excel",
            "Danh sách đề nghị kèm kết quả kiểm tra điều kiện",
        )
        self.model = _Model(self)
        p.set_model(self.model, [])
        p.table.verticalHeader().hide()
        self.columns = ColumnFit(p.table, 0, caps={1: 16, 2: 11, 3: 12}, optional=(4, 3, 1),
                                 room=12)  # fmt: skip
        self.model.modelReset.connect(self.columns.refit)
        self.model.modelReset.connect(self._show_count)
        p.detail.setMinimumWidth(em(self, 16))
        share_list(p.splitter)
        p.current_changed.connect(self.show_current)
        p.activated.connect(self.edit)
        p.delete_requested.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addWidget(p)

    # Rows -------------------------------------------------------------------------------------

    def verdict(self, item: NominationItem) -> ItemVerdict | None:
        return self.ws.verdicts.get(item.id) if self.ws else None

    def count_rows(self, q: ItemQuery) -> int:
        items = list(self.ws.items) if self.ws else []
        needle = fold(nfc(q.text))
        if needle:
            items = [
                i
                for i in items
                if needle
                in fold(f"{i.subject.name} {i.award_name} {i.proposing_unit} {i.subject.place}")
            ]
        self._rows = sorted(items, key=self._key(q.sort), reverse=q.descending)
        return len(self._rows)

    def page_rows(self, _q: ItemQuery, offset: int, limit: int) -> list[NominationItem]:
        return self._rows[offset : offset + limit]

    def _key(self, sort: ItemSort) -> Callable[[NominationItem], Any]:
        if sort is ItemSort.SUBJECT:
            return lambda i: subject_sort_key(i.subject)
        if sort is ItemSort.AWARD:
            return lambda i: (text_sort_text(i.award_name), subject_sort_key(i.subject))
        if sort is ItemSort.UNIT:
            return lambda i: (text_sort_text(i.proposing_unit), subject_sort_key(i.subject))
        if sort is ItemSort.VERDICT:
            return lambda i: (_ORDER[verdict_text(self.verdict(i))[0]], subject_sort_key(i.subject))
        return lambda i: (i.position, i.id)

    def _requery(self) -> None:
        q = self.model.query
        self.model.set_query(ItemQuery(self.panel.search.text(), q.sort, q.descending,
                                       self._stamp))  # fmt: skip

    def show_workspace(self, ws: RoundWorkspace | None, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else getattr(self.current(), "id", None)
        self.ws = ws
        self._stamp += 1
        self._requery()
        row = -1 if keep is None else self.model.find_row(lambda i: i.id == keep)
        self.panel.select_row(max(row, 0))
        total = len(ws.items) if ws else 0
        editable = bool(ws and ws.round.editable)
        self.add_button.setEnabled(editable)
        self.export_button.setEnabled(total > 0)
        tip = "" if editable else "Đợt xét đã trình Hội đồng: danh sách chỉ xem, không sửa."
        for b in (self.add_button, self.edit_button, self.delete_button):
            b.setToolTip(tip or b.toolTip())
        voted = bool(ws and ws.round.status is RoundStatus.VOTED)
        self.delete_button.setText("Rút…" if voted else "Xóa")
        if voted:
            self.delete_button.setToolTip("Rút đề nghị đã chọn khỏi danh sách, ghi rõ lý do")
        self.show_current()

    def _show_count(self) -> None:
        """ "37 đề nghị · ✓5 ?32 ✗0" (shown/all while searching), the verdicts of the whole list."""
        n, total = self.model.rowCount(), len(self.ws.items) if self.ws else 0
        text = f"{thousands(total)} đề nghị"
        text = text if n == total else f"{thousands(n)}/{text}"
        found = list(self.ws.verdicts.values()) if self.ws else []
        counts = {v: sum(x.verdict is v for x in found) for v in Verdict}
        if found and not all(x.settled for x in found):
            marks = " ".join(
                f"<span style='color:{VERDICT_COLOR[v]}'>{VERDICT_MARK[v]}{counts[v]}</span>"
                for v in (Verdict.ELIGIBLE, Verdict.REVIEW, Verdict.NOT_ELIGIBLE)
            )
            text = f"{text} · {marks}"
        self.panel.count_label.setText(text)
        self.panel.count_label.setToolTip(
            f"Đủ điều kiện {counts[Verdict.ELIGIBLE]}, cần xem xét {counts[Verdict.REVIEW]}, "
            f"không đủ điều kiện {counts[Verdict.NOT_ELIGIBLE]}"
        )

    def current(self) -> NominationItem | None:
        return self.model.row_item(self.panel.current_row())

    def selected(self) -> list[NominationItem]:
        return [i for r in self.panel.selected_rows() if (i := self.model.row_item(r))]

    def show_current(self) -> None:
        item = self.current()
        editable = bool(self.ws and self.ws.round.editable)
        self.edit_button.setEnabled(editable and item is not None)
        self.delete_button.setEnabled(editable and item is not None)
        if item is not None and self.ws is not None:
            papers = ()
            if self.ws.dossier is not None:
                papers = next((ps for nid, _n, ps in self.ws.dossier.item_papers
                               if nid == item.id), ())  # fmt: skip
            self.panel.detail.show_html(item_html(item, self.verdict(item), papers))
        elif self.ws is not None and not self.ws.items:
            self.panel.detail.show_empty(
                "Danh sách đề nghị đang trống. Bấm «Thêm đề nghị» để lấy từ đăng ký thi đua, "
                "từ kết quả xếp loại hoặc chọn từng đối tượng."
                if self.ws.round.editable
                else "Đợt xét không có đề nghị nào."
            )
        elif self.ws is not None:
            self.panel.detail.show_empty("Không có đề nghị nào khớp với nội dung tìm kiếm.")

    # Actions ----------------------------------------------------------------------------------

    def _round_id(self) -> int | None:
        return self.ws.round.id if self.ws and self.ws.round.editable else None

    def add_registered(self) -> None:
        if self._round_id() is None or self.ws is None:
            return
        dialog = FromRegistrationsDialog(self.services, self.tasks, self.ws.round, self)
        if dialog.exec() and dialog.outcome is not None:
            self.changed.emit(None)
            show_info(self, dialog.outcome.message, "Thêm từ đăng ký thi đua")

    def add_graded(self) -> None:
        if self._round_id() is None or self.ws is None:
            return
        dialog = FromGradesDialog(self.services, self.tasks, self.ws.round, self)
        if dialog.exec() and dialog.outcome is not None:
            self.changed.emit(None)
            show_info(self, dialog.outcome.message, "Thêm từ kết quả xếp loại")

    def add_one(self) -> None:
        if self._round_id() is None or self.ws is None:
            return
        dialog = ItemDialog(self.services, self.tasks, self.ws.round, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.changed.emit(dialog.saved_id)

    def edit(self) -> None:
        item = self.current()
        if item is None or self.ws is None or not self.ws.round.editable:
            return
        dialog = ItemDialog(self.services, self.tasks, self.ws.round, item, parent=self)
        if dialog.exec():
            self.changed.emit(item.id)

    def delete(self) -> None:
        items = self.selected()
        if not items or self.ws is None:
            return
        if self.ws.round.status is RoundStatus.VOTED:
            self._withdraw(items)
            return
        if not self.ws.round.editable:
            show_error(self, "Đợt xét đã trình Hội đồng nên không xóa đề nghị được; muốn sửa "
                             "danh sách, hãy bấm «Trả về lập danh sách».")  # fmt: skip
            return
        question = (
            f"Xóa đề nghị «{items[0].subject.name}» ({items[0].award_name}) khỏi danh sách? "
            "Giấy tờ và tệp đính kèm của đề nghị này cũng bị xóa."
            if len(items) == 1
            else f"Xóa {len(items)} đề nghị đã chọn khỏi danh sách? Giấy tờ và tệp đính kèm của "
            "các đề nghị này cũng bị xóa."
        )
        if confirm(self, question, "Xóa"):
            ids = [i.id for i in items]
            self.tasks.submit(lambda: self.services.rounds.remove_items(ids),
                              lambda _n: self.changed.emit(None),
                              lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def _withdraw(self, items: list[NominationItem]) -> None:
        """After the vote a line is not deleted: it is withdrawn, with the reason kept."""
        who = (f"«{items[0].subject.name}» ({items[0].award_name})" if len(items) == 1
               else f"{len(items)} đề nghị đã chọn")  # fmt: skip
        reason, ok = QInputDialog.getMultiLineText(
            self, "Rút khỏi danh sách",
            f"Rút {who} khỏi danh sách của đợt xét (không ra quyết định, không trình cấp trên).\n"
            "Lý do (được lưu vào hồ sơ đợt xét):",
        )  # fmt: skip
        if not ok:
            return
        ids = [i.id for i in items]
        self.tasks.submit(lambda: self.services.rounds.withdraw(ids, reason),
                          lambda _n: self.changed.emit(None),
                          lambda exc: show_error(self, exc.message), parent=self)  # fmt: skip

    def export(self) -> None:
        if self.ws is None:
            return
        r = self.ws.round
        path = self.ask_save(self, f"{r.name} {dt.date.today():%d-%m-%Y}.xlsx")
        if path is None:
            return
        self.tasks.submit(
            lambda: self.services.rounds.export(path, r.id),
            lambda n: show_info(self, f"Đã xuất {thousands(n)} đề nghị ra tệp «{path.name}»."),
            lambda exc: show_error(self, exc.message),
            progress="Đang xuất Excel…", parent=self,
        )  # fmt: skip

    def focus_search(self) -> None:
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()
