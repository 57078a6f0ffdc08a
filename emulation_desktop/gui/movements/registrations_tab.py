"""Đăng ký thi đua: the year's registrations with filters, the status steps for the chosen rows
(Gửi duyệt, Duyệt, Từ chối), registering a whole unit at once, and the Excel export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.dates import day_text
from emulation_desktop.domain.enums import RegistrationStatus, SubjectKind
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.domain.registrations import (
    WITHOUT_MOVEMENT,
    RegistrationItem,
    RegistrationQuery,
    RegistrationSort,
)
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import confirm, show_info
from emulation_desktop.gui.models.paged_table import PagedTableModel, TableColumn
from emulation_desktop.gui.movements.panel_tab import PanelTab
from emulation_desktop.gui.movements.registration_dialog import RegistrationDialog, StatusDialog
from emulation_desktop.gui.movements.unit_registration_dialog import UnitRegistrationDialog
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.registry.registry_page import ask_save_path
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import (
    button,
    combo,
    empty_page,
    long_texts,
    menu_action,
)
from emulation_desktop.gui.widgets.detail_html import STYLE, facts_html, followed_mark

_S = RegistrationStatus
_CENTER = Qt.AlignmentFlag.AlignCenter
COLUMNS: tuple[TableColumn[RegistrationItem], ...] = (
    TableColumn("Đối tượng", lambda r: r.subject.name, RegistrationSort.SUBJECT),
    TableColumn(
        "Đơn vị",
        lambda r: "Tập thể" if r.subject.kind is SubjectKind.UNIT else r.subject.place,
        RegistrationSort.PLACE,
    ),
    TableColumn("Trạng thái", lambda r: r.status.label, RegistrationSort.STATUS, _CENTER),
    TableColumn("Danh hiệu", lambda r: r.award_name, RegistrationSort.AWARD),
    TableColumn("Phong trào", lambda r: r.movement_name, RegistrationSort.MOVEMENT),
    TableColumn(
        "Ngày đăng ký", lambda r: day_text(r.registered_on), RegistrationSort.DATE, _CENTER
    ),
)


def registration_html(r: RegistrationItem) -> str:
    status = r.status.label + (f" ngày {day_text(r.decided_on)}" if r.decided_on else "")
    facts = facts_html([
        ("Đối tượng", r.subject.kind.label),
        ("Đơn vị" if r.subject.kind is not SubjectKind.UNIT else "Loại đơn vị", r.subject.place),
        ("Phong trào", r.movement_name or "Không theo phong trào"),
        ("Danh hiệu", r.award_name or "Không đăng ký danh hiệu"),
        ("Ngày đăng ký", day_text(r.registered_on)),
        ("Trạng thái", status),
        ("Chỉ tiêu", r.targets or "Chưa ghi chỉ tiêu"),
        ("Ghi chú", r.note),
        ("Sơ kết, tổng kết", f"Đã có {r.results} kết quả" if r.results else ""),
    ])  # fmt: skip
    return f"{STYLE}<h2>{escape(r.subject.name)}{followed_mark(r.subject.active)}</h2>{facts}"


class RegistrationsTab(PanelTab[RegistrationItem, RegistrationQuery]):
    title = "Đăng ký thi đua"

    def __init__(
        self, services: AppServices, tasks: TaskRunner, on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("registrations_tab")
        self.ask_save = ask_save_path  # tests replace it: the native dialog blocks
        self._regs = services.registrations
        self._movements: list[MovementChoice] = []
        self.summary = QLabel()
        self.summary.setObjectName("status_summary")
        self.summary.setWordWrap(True)
        self.panel = p = ListPanel(
            "Tìm theo tên cá nhân, tập thể, hộ gia đình hoặc danh hiệu, không cần gõ dấu (Ctrl+F)",
            "Chọn một đăng ký để xem chỉ tiêu và trạng thái.",
        )
        self.movement_filter = long_texts(combo("movement_filter", [("Mọi phong trào", None)]),
                                          14, 36)  # fmt: skip
        statuses = [(s.label, s.value) for s in _S]
        self.status_filter = combo("status_filter", [("Mọi trạng thái", None), *statuses])
        kinds = [(k.label, k.value) for k in SubjectKind]
        self.kind_filter = combo("kind_filter", [("Mọi đối tượng", None), *kinds])
        self.unit_filter = UnitCombo(all_label="Tất cả đơn vị", include_inactive=True)
        self.unit_filter.setObjectName("unit_filter")
        long_texts(self.unit_filter, 12, 24)
        for w in (self.movement_filter, self.status_filter, self.kind_filter, self.unit_filter):
            p.filters.addWidget(w)
            w.currentIndexChanged.connect(lambda _i: self.apply_filters())
        p.search.textChanged.connect(lambda _t: self.apply_filters())
        p.add_button("Thêm mới", self.add, "add_registration", "Đăng ký cho một đối tượng (Ctrl+N)")
        self.edit_button = p.add_button("Sửa", self.edit, "edit_registration")
        self.delete_button = p.add_button("Xóa", self.delete, "delete_registration")
        p.add_button("Đăng ký cả đơn vị…", self.register_unit, "register_unit",
                     "Đăng ký cho mọi cá nhân (và tập thể) của một đơn vị")  # fmt: skip
        # The status steps share one button so the row fits a 1366-pixel screen at 150 %.
        self.status_button = p.add_button("Duyệt đăng ký", lambda: None, "status_steps",
                                          "Các bước cho những đăng ký đang chọn (Ctrl+A để chọn "
                                          "cả danh sách)")  # fmt: skip
        menu = QMenu(self)
        self.submit_action, self.approve_action, self.reject_action, self.to_draft_action = (
            menu_action(menu, text, lambda s=status: self.change(s), name)
            for text, status, name in (
                ("Gửi duyệt", _S.PENDING, "submit_registrations"),
                ("Duyệt…", _S.APPROVED, "approve_registrations"),
                ("Từ chối…", _S.REJECTED, "reject_registrations"),
                ("Trả về «Chưa gửi»", _S.DRAFT, "to_draft"),
            )
        )
        self.status_button.setMenu(menu)
        p.end_buttons()
        self.export_button = button("Xuất Excel…", self.export, "export_excel")
        self.export_button.setToolTip(
            "Xuất danh sách đang hiển thị (đúng bộ lọc và thứ tự) ra tệp Excel"
        )
        self.model: PagedTableModel[RegistrationItem, RegistrationQuery] = PagedTableModel(
            COLUMNS, self.count_rows, self.page_rows, RegistrationQuery(self.year),
            dim=lambda r: not r.subject.active,
        )  # fmt: skip
        p.set_model(self.model, [])
        self.fit_panel(0, caps={1: 10, 3: 17, 4: 14}, optional=(4, 5, 1, 3))
        p.current_changed.connect(self.show_current)
        p.table.selectionModel().selectionChanged.connect(lambda *_: self._enable_actions())
        p.activated.connect(self.edit)
        p.delete_requested.connect(self.delete)
        self.model.modelReset.connect(self._show_count)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_state")
        self.stack = QStackedWidget()
        self.stack.addWidget(p)
        self.stack.addWidget(empty_page(
            self.empty_label, button("Thêm mới", self.add, "empty_add"),
            button("Đăng ký cả đơn vị…", self.register_unit, "empty_register_unit"),
        ))  # fmt: skip
        head = QHBoxLayout()
        head.addWidget(self.summary, 1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    # The model reads the list once per query; pages are slices of it -------------------------

    def fetch(self, q: RegistrationQuery) -> list[RegistrationItem]:
        return self._regs.rows(q)

    def query(self) -> RegistrationQuery:
        q, kind = self.model.query, self.kind_filter.currentData()
        status = self.status_filter.currentData()
        return RegistrationQuery(
            self.year, self.panel.search.text(), self.movement_filter.currentData(),
            _S(status) if status else None, SubjectKind(kind) if kind else None,
            self.unit_filter.unit_id(), q.sort, q.descending,
        )  # fmt: skip

    # SectionTab -------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        select_id = self.kept_id(select_id)
        y = self.year
        self._movements = self.services.movements.choices(y)
        self._loaded = True
        for w in (self.movement_filter, self.unit_filter):
            w.blockSignals(True)
        chosen = self.movement_filter.currentData()
        self.movement_filter.clear()
        self.movement_filter.addItem("Mọi phong trào", None)
        self.movement_filter.addItem("Danh hiệu, không theo phong trào", WITHOUT_MOVEMENT)
        for m in self._movements:
            self.movement_filter.addItem(m.name, m.id)
        self.movement_filter.setCurrentIndex(max(0, self.movement_filter.findData(chosen)))
        self.unit_filter.set_units(self.services.registry.units())
        for w in (self.movement_filter, self.unit_filter):
            w.blockSignals(False)
        counts = self._regs.counts(y)
        total = sum(counts.values())
        self.summary.setText(
            f"Năm {y}: {thousands(total)} đăng ký – "
            + " · ".join(f"{s.label} {thousands(n)}" for s, n in counts.items())
        )
        self.summary.setVisible(total > 0)
        self.export_button.setVisible(total > 0)
        self.show_rows(select_id)
        self.empty_label.setText(self._empty_text())
        self.stack.setCurrentIndex(0 if total else 1)

    def _empty_text(self) -> str:
        y = self.year
        head = (
            f"Chưa có đăng ký thi đua nào trong năm {y}.\n\nĐăng ký theo một phong trào thi đua "
            "hoặc theo danh hiệu thi đua của năm (ví dụ «Lao động tiên tiến»)."
        )
        if not self._movements:
            head += (
                f" Năm {y} chưa có phong trào nào (thêm ở thẻ «Phong trào»), nhưng vẫn đăng ký "
                "danh hiệu được mà không cần phong trào."
            )
        return head + "\n\nBấm «Thêm mới» để đăng ký từng đối tượng, hoặc «Đăng ký cả đơn vị…»."

    def add(self) -> None:
        movement = self.movement_filter.currentData() or None
        dialog = RegistrationDialog(self.services, self.tasks, self.year, self._movements,
                                    movement_id=movement, parent=self)  # fmt: skip
        if dialog.exec() and dialog.saved_id is not None:
            self.changed(dialog.saved_id)

    # Current row ------------------------------------------------------------------------------

    def selected(self) -> list[RegistrationItem]:
        return [r for row in self.panel.selected_rows() if (r := self.model.row_item(row))]

    def _show_count(self) -> None:
        self.panel.count_label.setText(f"{thousands(self.model.rowCount())} đăng ký")

    def show_current(self) -> None:
        item = self.current()
        self._enable_actions()
        if item is not None:
            self.panel.detail.show_html(registration_html(item))
        elif self._loaded and self.model.rowCount() == 0:
            self.panel.detail.show_empty("Không có đăng ký nào khớp với điều kiện tìm kiếm, lọc.")
        else:
            self.panel.detail.show_empty()

    def _enable_actions(self) -> None:
        """Edit needs the current row; the status steps and Xóa work on the chosen rows."""
        self.edit_button.setEnabled(self.current() is not None)
        chosen = bool(self.panel.selected_rows())
        for w in (self.delete_button, self.status_button):
            w.setEnabled(chosen)

    # Actions ----------------------------------------------------------------------------------

    def edit(self) -> None:
        item = self.current()
        if item is None:
            return
        dialog = RegistrationDialog(self.services, self.tasks, self.year, self._movements, item,
                                    parent=self)  # fmt: skip
        if dialog.exec():
            self.changed(item.id)

    def delete(self) -> None:
        items = self.selected()
        if not items:
            return
        question = (
            f"Xóa đăng ký của «{items[0].subject.name}» ({items[0].target_text})?"
            if len(items) == 1
            else f"Xóa {len(items)} đăng ký đã chọn?"
        )
        if confirm(self, question, "Xóa"):
            ids = [r.id for r in items]
            self.submit(lambda: self._regs.delete(ids), lambda _n: self.changed())

    def register_unit(self) -> None:
        dialog = UnitRegistrationDialog(
            self.services, self.tasks, self.year, self._movements, self.services.registry.units(),
            self.unit_filter.unit_id(), self.movement_filter.currentData() or None, parent=self,
        )  # fmt: skip
        if dialog.exec() and dialog.outcome is not None:
            self.changed()
            show_info(self, dialog.outcome.message, "Đăng ký cả đơn vị")

    def change(self, target: RegistrationStatus) -> None:
        """Gửi duyệt / Duyệt / Từ chối / Trả về the chosen rows (all or none)."""
        items = self.selected()
        if not items:
            return
        ids, keep = [r.id for r in items], items[0].id
        if target in (_S.APPROVED, _S.REJECTED):
            named = f"«{items[0].subject.name}» ({items[0].target_text})"
            dialog = StatusDialog(self.services, self.tasks, ids, target, dt.date.today(), self,
                                  named=named)  # fmt: skip
            if dialog.exec():
                self.changed(keep)
            return
        if target is _S.DRAFT and not confirm(
            self, f"Trả {len(ids)} đăng ký đã chọn về «Chưa gửi»? Ngày duyệt sẽ được xóa.",
            "Trả về",
        ):  # fmt: skip
            return
        self.submit(lambda: self._regs.change_status(ids, target), lambda _n: self.changed(keep))

    def export(self) -> None:
        q = self.query()
        path = self.ask_save(self, f"Đăng ký thi đua {self.year} {dt.date.today():%d-%m-%Y}.xlsx")
        if path is None:
            return
        self.tasks.submit(
            lambda: self._regs.export(path, q),
            lambda n: show_info(self, f"Đã xuất {thousands(n)} dòng ra tệp «{path.name}»."),
            progress="Đang xuất Excel…",
            parent=self,
        )
