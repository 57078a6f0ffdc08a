"""Phong trào: the year's plan on top, the year's movements with their detail, and copying
movements into the next year (most movements run again every year)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import DocumentKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.movements import MovementItem, YearPlan
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.documents.button import DocumentButton, chosen_id
from emulation_desktop.gui.documents.maker import DocumentMaker
from emulation_desktop.gui.messages import confirm, show_error, show_info
from emulation_desktop.gui.movements.movement_dialog import MovementDialog
from emulation_desktop.gui.movements.movement_html import movement_html
from emulation_desktop.gui.movements.movement_table import (
    MovementTable,
    MovementTableModel,
    plan_text,
)
from emulation_desktop.gui.movements.year_plan_dialog import YearPlanDialog
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.registry.history_view import DetailView
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, empty_page, menu_action, share_list


class MovementsTab(SectionTab):
    title = "Phong trào"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("movements_tab")
        self._movements = services.movements
        self._previous_count = 0

        self.plan_label = QLabel()
        self.plan_label.setObjectName("year_plan")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.plan_button = button("Sửa kế hoạch năm…", self.edit_plan, "edit_year_plan")
        strip = QFrame()
        strip.setObjectName("year_plan_strip")
        strip.setFrameShape(QFrame.Shape.StyledPanel)
        strip_layout = QHBoxLayout(strip)
        strip_layout.addWidget(self.plan_label, 1)
        strip_layout.addWidget(self.plan_button, 0, Qt.AlignmentFlag.AlignTop)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            "Tìm theo tên phong trào, chủ đề, cơ quan phát động, không cần gõ dấu (Ctrl+F)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        self.edit_button = button("Sửa", self.edit, "edit_movement", "Sửa phong trào đang chọn")
        self.delete_button = button("Xóa", self.delete, "delete_movement")
        self.copy_button = button("Sao chép sang năm sau", lambda: None, "copy_movements")
        copy_menu = QMenu(self)
        self.copy_one_action = menu_action(copy_menu, "", self.copy_current_to_next, "copy_one")
        self.copy_all_action = menu_action(copy_menu, "", self.copy_all_to_next, "copy_all")
        self.copy_button.setMenu(copy_menu)
        add = button("Thêm mới", self.add, "add_movement", "Thêm một phong trào thi đua (Ctrl+N)")
        self.documents = DocumentButton(DocumentMaker(self, services, tasks))
        self.plan_document = self.documents.add("", DocumentKind.PLAN, lambda: self.year,
                                                "plan_document")  # fmt: skip
        self.report_document = self.documents.add("", DocumentKind.YEAR_REPORT, lambda: self.year,
                                                  "year_report_document")  # fmt: skip
        self.documents.add("Kế hoạch phong trào đang chọn…", DocumentKind.MOVEMENT_PLAN,
                           chosen_id(self.current), "movement_plan_document")  # fmt: skip
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for b in (add, self.edit_button, self.delete_button, self.copy_button, self.documents):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.model = MovementTableModel()
        self.table = MovementTable(self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        for key, slot in ((Qt.Key.Key_Return, self.edit), (Qt.Key.Key_Enter, self.edit),
                          (Qt.Key.Key_Delete, self.delete)):  # fmt: skip
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.detail = DetailView("Chọn một phong trào để xem các đợt, mốc kỷ niệm và đơn vị.")
        self.detail.setObjectName("detail")
        self.detail.setMinimumWidth(em(self, 16))  # narrow windows: the detail gives way first
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        share_list(splitter)

        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self._empty_page())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(strip)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self._plan = YearPlan(self.year)

    def _empty_page(self) -> QWidget:
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.copy_previous_button = button("", self.copy_from_previous, "copy_previous_year")
        add = button("Thêm mới", self.add, "empty_add")
        return empty_page(self.empty_label, add, self.copy_previous_button)

    # Reading ----------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        if select_id is None and (current := self.current()) is not None:
            select_id = current.id
        y = self.year
        self._plan = self._movements.year_plan(y)
        self.plan_label.setText(plan_text(self._plan))
        items = self._movements.list(y, self.search.text())
        self._previous_count = self._movements.count(y - 1)
        self.model.set_items(items)
        searching = bool(self.search.text().strip())
        self.count_label.setText(f"{len(items)} phong trào")
        self.copy_one_action.setText(f"Phong trào đang chọn sang năm {y + 1}")
        self.copy_all_action.setText(f"Tất cả phong trào năm {y} sang năm {y + 1}")
        self.copy_previous_button.setText(f"Sao chép từ năm {y - 1}")
        self.plan_document.setText(f"Kế hoạch thi đua, khen thưởng năm {y}…")
        self.report_document.setText(f"Báo cáo tổng kết năm {y}…")
        self.copy_previous_button.setVisible(self._previous_count > 0)
        self.empty_label.setText(
            f"Chưa có phong trào nào trong năm {y}. Thêm phong trào mới hoặc sao chép từ năm "
            f"{y - 1}."
            if self._previous_count
            else f"Chưa có phong trào nào trong năm {y}. Bấm «Thêm mới» để ghi phong trào "
            "đầu tiên của năm."
        )
        self.stack.setCurrentIndex(1 if not items and not searching else 0)
        row = next((i for i, m in enumerate(items) if m.id == select_id), 0 if items else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._show_current()

    def current(self) -> MovementItem | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.items):
            return None
        return self.model.items[index.row()]

    def _show_current(self) -> None:
        movement = self.current()
        for w in (self.edit_button, self.delete_button, self.copy_one_action):
            w.setEnabled(movement is not None)
        self.copy_button.setEnabled(bool(self.model.items))
        self.documents.refresh()
        if movement is None:
            text = self.search.text().strip()
            self.detail.show_empty(f"Không có phong trào nào khớp với «{text}»." if text else None)
            return
        try:
            self.detail.show_html(movement_html(self._movements.get(movement.id)))
        except UserError as exc:
            self.detail.show_empty(exc.message)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # Actions ----------------------------------------------------------------------------------

    def _changed(self, select_id: int | None = None) -> None:
        self.reload(select_id)
        self.on_changed()

    def _submit(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        def failed(exc: UserError) -> None:
            show_error(self, exc.message)

        self.tasks.submit(work, done, failed, parent=self)

    def add(self) -> None:
        dialog = MovementDialog(self.services, self.tasks, self.year, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self._changed(dialog.saved_id)

    def edit(self) -> None:
        movement = self.current()
        if movement is None:
            return
        try:
            detail = self._movements.get(movement.id)
        except UserError as exc:
            show_error(self, exc.message)
            self.reload()
            return
        dialog = MovementDialog(self.services, self.tasks, self.year, detail, parent=self)
        if dialog.exec():
            self._changed(movement.id)

    def delete(self) -> None:
        movement = self.current()
        if movement is None or not confirm(self, f"Xóa phong trào «{movement.name}»?", "Xóa"):
            return
        self._submit(lambda: self._movements.delete(movement.id), lambda _r: self._changed())

    def edit_plan(self) -> None:
        dialog = YearPlanDialog(self._movements, self.tasks, self._plan, parent=self)
        if dialog.exec() and dialog.saved:
            self._changed()

    def copy_current_to_next(self) -> None:
        movement = self.current()
        if movement is None:
            return
        target = self.year + 1
        question = (
            f"Sao chép phong trào «{movement.name}» sang năm {target}?\n\nNgày tháng, các đợt, "
            f"mốc kỷ niệm và đơn vị tham gia được chuyển sang năm {target}; đăng ký thi đua và "
            "sơ kết, tổng kết không được sao chép."
        )
        if not confirm(self, question, "Sao chép"):
            return

        def done(_new_id: int) -> None:
            self.on_changed()
            show_info(
                self,
                f"Đã sao chép phong trào «{movement.name}» sang năm {target}. Chọn năm {target} "
                "để xem và sửa văn bản phát động nếu năm đó có văn bản mới.",
            )

        self._submit(lambda: self._movements.copy_to_year(movement.id, target), done)

    def copy_all_to_next(self) -> None:
        source, target = self.year, self.year + 1
        question = (
            f"Sao chép tất cả phong trào năm {source} sang năm {target}?\n\nPhong trào đã có ở "
            f"năm {target} được bỏ qua; đăng ký thi đua và sơ kết, tổng kết không được sao chép."
        )
        if confirm(self, question, "Sao chép"):
            self._copy_all(source, target, stay=False)

    def copy_from_previous(self) -> None:
        self._copy_all(self.year - 1, self.year, stay=True)

    def _copy_all(self, source: int, target: int, *, stay: bool) -> None:
        def done(count: int) -> None:
            if stay:
                self._changed()
            else:
                self.on_changed()
            if count:
                where = "" if stay else f" Chọn năm {target} để xem."
                show_info(self, f"Đã sao chép {count} phong trào từ năm {source} sang năm "
                                f"{target}.{where}")  # fmt: skip
            else:
                show_info(self, f"Năm {target} đã có đủ các phong trào của năm {source}; "
                                "không có gì để sao chép.")  # fmt: skip

        self._submit(lambda: self._movements.copy_all_to_year(source, target), done)
