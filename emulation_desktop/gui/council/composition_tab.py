"""Thành phần Hội đồng: the compositions of the council as decisions set them up (thành lập,
kiện toàn), newest first, and the members of the one chosen. The composition in force in the
year shown is chosen first; one that a closed meeting used is read-only (Kiện toàn instead)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from emulation_desktop.domain.council import Council
from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.council.council_dialog import ADD, EDIT, RENEW, CouncilDialog
from emulation_desktop.gui.documents.button import DocumentButton, chosen_id
from emulation_desktop.gui.documents.maker import DocumentMaker
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.registry_page import ask_save_path
from emulation_desktop.gui.rules.tables import ReadOnlyTable
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.column_fit import ColumnFit
from emulation_desktop.gui.widgets.controls import button, empty_page, muted

EMPTY = (
    "Chưa có thành phần Hội đồng Thi đua – Khen thưởng nào. Nhập thành phần theo quyết định "
    "thành lập hoặc kiện toàn Hội đồng của xã: Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký. Hội "
    "đồng có hiệu lực vào ngày họp là Hội đồng xét khen thưởng."
)


def status_text(c: Council, day: dt.date) -> str:
    if c.valid_from > day:
        text = "Chưa có hiệu lực"
    elif c.in_force(day):
        text = "Đang có hiệu lực"
    else:
        text = "Đã kiện toàn"
    return text


class CompositionTab(SectionTab):
    title = "Thành phần Hội đồng"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("composition_tab")
        self.ask_save: Callable[[QWidget, str], Path | None] = ask_save_path  # tests replace it
        self.items: list[Council] = []
        self.add_button = button(
            "Thêm mới", self.add, "add_button", "Thành phần Hội đồng mới (Ctrl+N)"
        )
        self.renew_button = button(
            "Kiện toàn…",
            self.renew,
            "renew_button",
            "Sao chép thành phần đang chọn sang một quyết định kiện toàn mới",
        )
        self.edit_button = button("Sửa", self.edit, "edit_button")
        self.delete_button = button("Xóa", self.delete, "delete_button")
        self.export_button = button("Xuất Excel…", self.export, "export_button")
        self.documents = DocumentButton(DocumentMaker(self, services, tasks), "Văn bản…")
        self.documents.add("Quyết định kiện toàn…", DocumentKind.COUNCIL_DECISION,
                           chosen_id(self.current), "council_document")  # fmt: skip
        buttons = QHBoxLayout()
        for b in (self.add_button, self.renew_button, self.edit_button, self.delete_button,
                  self.documents):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.table = ReadOnlyTable(("Hiệu lực", "Quyết định", "Tình trạng"), "table")
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(lambda *_: self.edit())
        self.table.currentCellChanged.connect(lambda *_: self.show_current())
        for key, slot in ((Qt.Key.Key_Return, self.edit), (Qt.Key.Key_Delete, self.delete)):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.columns = ColumnFit(self.table, 1, caps={2: 12}, optional=(2,), room=12)
        self.members_label = QLabel()
        self.members_label.setObjectName("members_label")
        self.members_label.setWordWrap(True)
        self.members = ReadOnlyTable(
            ("STT", "Họ và tên", "Chức vụ", "Vai trò trong Hội đồng"), "members"
        )
        self.members.setWordWrap(False)
        self.member_columns = ColumnFit(self.members, 2, caps={1: 16, 3: 20}, optional=(0,))
        self.lock_note = muted(QLabel())
        self.lock_note.setObjectName("lock_note")
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 4, 0, 0)
        below_layout.addWidget(self.members_label)
        below_layout.addWidget(self.members, 1)
        below_layout.addWidget(self.lock_note)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        self.empty_label = QLabel(EMPTY)
        self.empty_label.setObjectName("empty_label")
        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(
            empty_page(self.empty_label, button("Thêm mới", self.add, "empty_add"))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self.show_current()

    def _day(self) -> dt.date:
        """The day whose composition is chosen first: today in the current year, else the end
        of the year shown."""
        today = self.services.council.today()
        return today if today.year == self.year else dt.date(self.year, 12, 31)

    # Loading ----------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        self.tasks.submit(
            self.services.council.councils,
            lambda items: self._loaded(items, select_id),
            parent=self,
        )

    def _loaded(self, items: list[Council], select_id: int | None) -> None:
        self.items = items
        day = self._day()
        rows = [[c.period, c.decision_text, status_text(c, day)] for c in items]
        self.table.fill(rows, rows)
        self.columns.refit()
        self.stack.setCurrentIndex(1 if not items else 0)
        ids = [c.id for c in items]
        if select_id not in ids:
            select_id = next((c.id for c in items if c.in_force(day)), ids[0] if ids else None)
        if items:
            self.table.setCurrentCell(ids.index(select_id), 0)
        self.show_current()

    def current(self) -> Council | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def show_current(self) -> None:
        c = self.current()
        for b in (self.renew_button, self.edit_button, self.export_button):
            b.setEnabled(c is not None)  # Sửa: also not for a locked one, below
        self.delete_button.setEnabled(c is not None and not c.meetings)
        self.documents.refresh()
        self.export_button.setVisible(bool(self.items))
        if c is None:
            self.members.fill([])
            self.members_label.setText("")
            self.lock_note.setText("")
            return
        self.members_label.setText(
            f"<b>Thành viên theo {c.decision_text}</b> — có hiệu lực {c.period}; {c.counts}."
        )
        rows = [
            [str(m.position or i), m.name, m.title, m.role_text] for i, m in enumerate(c.members, 1)
        ]
        self.members.fill(rows, rows)
        self.member_columns.refit()
        if c.locked:
            n, last = len(c.closed_meetings), c.closed_meetings[-1]
            self.lock_note.setText(
                f"Đã dùng để họp xét {n} đợt (gần nhất: «{last}») nên không sửa được. Khi Hội "
                "đồng thay đổi, bấm «Kiện toàn…» để lập thành phần mới."
            )
        else:
            self.lock_note.setText(c.note)
        self.edit_button.setEnabled(not c.locked)
        self.edit_button.setToolTip("Đã dùng để họp xét: không sửa được" if c.locked else "")

    # Actions ----------------------------------------------------------------------------------

    def add(self) -> None:
        self.tasks.submit(
            self.services.council.draft_new,
            lambda data: self._open(
                CouncilDialog(self.services, self.tasks, data, ADD, parent=self)
            ),
            parent=self,
        )

    def renew(self) -> None:
        c = self.current()
        if c is not None:
            self._open(CouncilDialog(self.services, self.tasks, c.renewal(), RENEW, parent=self))

    def edit(self) -> None:
        c = self.current()
        if c is None:
            return
        if c.locked:
            show_info(self, self.lock_note.text())
            return
        self._open(CouncilDialog(self.services, self.tasks, c.as_input(), EDIT, c.id, self))

    def _open(self, dialog: CouncilDialog) -> None:
        if dialog.exec() and dialog.saved_id is not None:
            self.reload(dialog.saved_id)
            self.on_changed()

    def delete(self) -> None:
        c = self.current()
        if c is None:
            return
        question = f"Xóa thành phần Hội đồng theo «{c.decision_text}» (có hiệu lực {c.period})?"
        if not confirm(self, question, "Xóa"):
            return

        def done(_r: object) -> None:
            self.reload()
            self.on_changed()

        self.tasks.submit(
            lambda: self.services.council.delete(c.id),
            done,
            lambda exc: show_error(self, exc.message),
            parent=self,
        )

    def export(self) -> None:
        c = self.current()
        if c is None:
            return
        start = day_text(c.valid_from).replace("/", "-")
        path = self.ask_save(self, f"Thành phần Hội đồng TĐKT từ {start}.xlsx")
        if path is None:
            return
        self.tasks.submit(
            lambda: self.services.council.export_members(c.id, path),
            lambda n: show_info(self, f"Đã xuất {n} thành viên ra tệp «{path.name}»."),
            lambda exc: show_error(self, exc.message),
            parent=self,
        )
