"""Hộ gia đình: households by head name, address and unit, with their award history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from emulation_desktop.domain.enums import SubjectKind
from emulation_desktop.domain.registry_views import (
    HouseholdItem,
    HouseholdQuery,
    HouseholdSort,
)
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.messages import confirm
from emulation_desktop.gui.models.paged_table import TableColumn
from emulation_desktop.gui.registry.history_view import household_html
from emulation_desktop.gui.registry.household_dialog import HouseholdDialog
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.registry.list_tab import ACTIVE_CHOICES, ListTab
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner

COLUMNS: tuple[TableColumn[HouseholdItem], ...] = (
    TableColumn("Chủ hộ", lambda h: h.head_name, HouseholdSort.HEAD),
    TableColumn(
        "Năm sinh", lambda h: str(h.head_birth_year or ""), None, Qt.AlignmentFlag.AlignCenter
    ),
    TableColumn("Địa chỉ", lambda h: h.address, HouseholdSort.ADDRESS),
    TableColumn("Thôn, tổ dân phố", lambda h: h.unit_name, HouseholdSort.UNIT),
)
_WIDTHS = [28, 9, 34, 24]


class HouseholdsTab(ListTab[HouseholdItem, HouseholdQuery]):
    noun = "hộ gia đình"

    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        on_export: Callable[[HouseholdQuery], None],
        on_import: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        panel = ListPanel(
            "Tìm theo tên chủ hộ hoặc địa chỉ, không cần gõ dấu",
            "Chọn một hộ để xem thông tin và quá trình khen thưởng.",
        )
        units = UnitCombo(all_label="Tất cả thôn, tổ dân phố", include_inactive=True)
        super().__init__(registry, tasks, on_changed, panel, units, parent)
        self.setObjectName("households_tab")
        self.active_filter = QComboBox()
        self.active_filter.setObjectName("active_filter")
        for text, data in ACTIVE_CHOICES:
            self.active_filter.addItem(text, data)
        panel.filters.addWidget(self.active_filter)
        for w in (self.unit_filter, self.active_filter):
            w.currentIndexChanged.connect(lambda _i: self._apply_filters())
        panel.search.textChanged.connect(lambda _t: self._apply_filters())

        p = panel
        p.add_button("Thêm mới", self.add, "add_household", "Thêm một hộ gia đình (Ctrl+N)")
        self.edit_button = p.add_button("Sửa", self.edit, "edit_household")
        self.delete_button = p.add_button("Xóa", self.delete, "delete_household")
        self.active_action = p.add_menu_action(
            "Ngừng theo dõi", self.toggle_active, "toggle_active"
        )
        p.end_buttons()
        p.add_button("Nhập từ Excel…", on_import, "import_excel")
        p.add_button("Xuất Excel…", lambda: on_export(self.model.query), "export_excel")
        self.install_model(
            COLUMNS, registry.count_households, registry.households_page, HouseholdQuery(),
            _WIDTHS,
        )  # fmt: skip

    def _apply_filters(self) -> None:
        q = self.model.query
        self.model.set_query(
            HouseholdQuery(
                text=self.panel.search.text(),
                unit_id=self.unit_filter.unit_id(),
                active=self.active_filter.currentData(),
                sort=q.sort,
                descending=q.descending,
            )
        )

    def show_current(self) -> None:
        home = self.current()
        for w in (self.edit_button, self.active_action, self.delete_button):
            w.setEnabled(home is not None)
        if home is None:
            empty = None
            if self.model.rowCount() == 0 and self.model.query == HouseholdQuery():
                empty = "Chưa có hộ gia đình nào. Bấm «Thêm mới» hoặc «Nhập từ Excel…»."
            elif self.model.rowCount() == 0:
                empty = "Không có hộ nào khớp với điều kiện tìm kiếm."
            self.panel.detail.show_empty(empty)
            return
        self.active_action.setText("Ngừng theo dõi" if home.active else "Theo dõi lại")
        history = self._registry.history(SubjectKind.HOUSEHOLD, home.id)
        self.panel.detail.show_html(household_html(home, history))

    def add(self) -> None:
        unit = self.unit_filter.unit_id()
        dialog = HouseholdDialog(
            self._registry, self._tasks, self._units, default_unit_id=unit, parent=self
        )
        if dialog.exec() and dialog.saved_id is not None:
            self.after_change(dialog.saved_id)

    def edit(self) -> None:
        home = self.current()
        if (
            home is not None
            and HouseholdDialog(self._registry, self._tasks, self._units, home, parent=self).exec()
        ):
            self.after_change(home.id)

    def toggle_active(self) -> None:
        home = self.current()
        if home is None:
            return
        active = not home.active
        verb = "Theo dõi lại" if active else "Ngừng theo dõi"
        if confirm(self, f"{verb} hộ «{home.head_name}»?", verb):
            self.submit(lambda: self._registry.set_households_active([home.id], active), home.id)

    def delete(self) -> None:
        home = self.current()
        if home is not None and confirm(self, f"Xóa hộ gia đình «{home.head_name}»?", "Xóa"):
            self.submit(lambda: self._registry.delete_household(home.id))
