"""Cá nhân: the people list with search, filters, detail and history, and its actions."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from emulation_desktop.domain.enums import Gender, PersonKind
from emulation_desktop.domain.registry_views import PersonItem, PersonQuery, PersonSort
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.messages import confirm
from emulation_desktop.gui.models.paged_table import TableColumn
from emulation_desktop.gui.registry.history_view import person_html
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.registry.list_tab import ACTIVE_CHOICES, ListTab
from emulation_desktop.gui.registry.merge_dialog import MergeDialog
from emulation_desktop.gui.registry.move_dialog import MoveDialog
from emulation_desktop.gui.registry.person_dialog import PersonDialog
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import combo

E = TypeVar("E", bound=Enum)
_CENTER = Qt.AlignmentFlag.AlignCenter
COLUMNS: tuple[TableColumn[PersonItem], ...] = (
    TableColumn("Họ và tên", lambda p: p.full_name, PersonSort.NAME),
    TableColumn("Giới tính", lambda p: p.gender.label, PersonSort.GENDER, _CENTER),
    TableColumn("Ngày sinh", lambda p: p.birth, PersonSort.BIRTH, _CENTER),
    TableColumn("Chức vụ", lambda p: p.position, PersonSort.POSITION),
    TableColumn("Đơn vị", lambda p: p.unit_name, PersonSort.UNIT),
    TableColumn("Đối tượng", lambda p: p.kind.label, PersonSort.KIND),
    TableColumn("Số CCCD", lambda p: p.cccd, None, _CENTER, "Không sắp xếp theo số CCCD"),
)
_WIDTHS = [26, 8, 11, 24, 24, 13, 14]


def _enum(enum: type[E], value: object) -> E | None:
    return None if value is None else enum(value)


class PeopleTab(ListTab[PersonItem, PersonQuery]):
    """The people list; exporting and importing are the page's (`on_export`, `on_import`)."""

    noun = "cá nhân"

    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        on_export: Callable[[PersonQuery], None],
        on_import: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        panel = ListPanel(
            "Tìm theo họ tên hoặc số CCCD, không cần gõ dấu (Ctrl+F)",
            "Chọn một người trong danh sách để xem thông tin và quá trình khen thưởng.",
        )
        units = UnitCombo(all_label="Tất cả đơn vị", include_inactive=True)
        super().__init__(registry, tasks, on_changed, panel, units, parent)
        self.setObjectName("people_tab")
        self.kind_filter = combo(
            "kind_filter", [("Mọi đối tượng", None), *((k.label, k) for k in PersonKind)]
        )
        self.gender_filter = combo(
            "gender_filter", [("Nam và nữ", None), *((g.label, g) for g in Gender)]
        )
        self.active_filter = combo("active_filter", ACTIVE_CHOICES)
        for w in (self.kind_filter, self.gender_filter, self.active_filter):
            panel.filters.addWidget(w)
        for w in (self.unit_filter, self.kind_filter, self.gender_filter, self.active_filter):
            w.currentIndexChanged.connect(lambda _i: self._apply_filters())
        panel.search.textChanged.connect(lambda _t: self._apply_filters())

        p = panel
        p.add_button("Thêm mới", self.add, "add_person", "Thêm một cá nhân (Ctrl+N)")
        self.edit_button = p.add_button("Sửa", self.edit, "edit_person", "Sửa người đang chọn")
        self.delete_button = p.add_button("Xóa", self.delete, "delete_person")
        self.move_action = p.add_menu_action("Chuyển sang đơn vị khác…", self.move, "move_people")
        self.active_action = p.add_menu_action(
            "Ngừng theo dõi", self.toggle_active, "toggle_active"
        )
        p.add_menu_action("Tìm và gộp người trùng…", self.merge, "merge_people")
        p.end_buttons()
        p.add_button("Nhập từ Excel…", on_import, "import_excel")
        tip = "Xuất danh sách đang hiển thị (đúng bộ lọc và thứ tự) ra tệp Excel"
        p.add_button("Xuất Excel…", lambda: on_export(self.model.query), "export_excel", tip)
        self.install_model(
            COLUMNS, registry.count_people, registry.people_page, PersonQuery(), _WIDTHS
        )

    # State ------------------------------------------------------------------------------------

    def query(self) -> PersonQuery:
        q = self.model.query
        return PersonQuery(
            text=self.panel.search.text(),
            unit_id=self.unit_filter.unit_id(),
            # Qt hands a StrEnum back as a plain str: rebuild the enum.
            kind=_enum(PersonKind, self.kind_filter.currentData()),
            gender=_enum(Gender, self.gender_filter.currentData()),
            active=self.active_filter.currentData(),
            sort=q.sort,
            descending=q.descending,
        )

    def _apply_filters(self) -> None:
        self.model.set_query(self.query())

    def selected(self) -> list[PersonItem]:
        return [p for r in self.panel.selected_rows() if (p := self.model.row_item(r))]

    def show_current(self) -> None:
        person = self.current()
        for w in (self.edit_button, self.move_action, self.active_action, self.delete_button):
            w.setEnabled(person is not None)
        if person is None:
            empty = None
            if self.model.rowCount() == 0:
                empty = (
                    "Không có ai khớp với điều kiện tìm kiếm."
                    if self.query() != PersonQuery()
                    else "Chưa có cá nhân nào. Bấm «Thêm mới» hoặc «Nhập từ Excel…»."
                )
            self.panel.detail.show_empty(empty)
            return
        self.active_action.setText("Ngừng theo dõi" if person.active else "Theo dõi lại")
        detail = self._registry.person_detail(person.id)
        if detail is None:
            self.panel.detail.show_empty("Người này không còn trong danh sách.")
        else:
            self.panel.detail.show_html(person_html(detail))

    # Actions ----------------------------------------------------------------------------------

    def add(self) -> None:
        unit = self.unit_filter.unit_id()
        dialog = PersonDialog(
            self._registry, self._tasks, self._units, default_unit_id=unit, parent=self
        )
        if dialog.exec() and dialog.saved_id is not None:
            self.after_change(dialog.saved_id)

    def edit(self) -> None:
        person = self.current()
        if person is None:
            return
        dialog = PersonDialog(self._registry, self._tasks, self._units, person, parent=self)
        if dialog.exec():
            self.after_change(person.id)

    def move(self) -> None:
        people = self.selected()
        if not people:
            return
        dialog = MoveDialog(self._units, len(people), parent=self)
        unit = dialog.unit_id() if dialog.exec() else None
        if unit is not None:
            ids = [p.id for p in people]
            self.submit(lambda: self._registry.move_people(ids, unit), ids[0])

    def toggle_active(self) -> None:
        people = self.selected()
        if not people:
            return
        active = not people[0].active
        names = f"«{people[0].full_name}»" if len(people) == 1 else f"{len(people)} người đã chọn"
        question = (
            f"Theo dõi lại {names}?"
            if active
            else f"Ngừng theo dõi {names}? Lịch sử khen thưởng vẫn được giữ; có thể theo dõi "
            "lại bất cứ lúc nào."
        )
        if confirm(self, question, "Theo dõi lại" if active else "Ngừng theo dõi"):
            ids = [p.id for p in people]
            self.submit(lambda: self._registry.set_people_active(ids, active))

    def delete(self) -> None:
        person = self.current()
        question = (
            f"Xóa cá nhân «{person.full_name}»? Chỉ xóa được người nhập nhầm, chưa có lịch sử "
            "khen thưởng."
            if person
            else ""
        )
        if person is not None and confirm(self, question, "Xóa"):
            self.submit(lambda: self._registry.delete_person(person.id))

    def merge(self) -> None:
        dialog = MergeDialog(self._registry, self._tasks, parent=self)
        dialog.exec()
        if dialog.merged:
            self.after_change()
