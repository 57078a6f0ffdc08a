"""Đơn vị – Cá nhân – Hộ gia đình: three lists in tabs, each with search, filters and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QTabWidget, QVBoxLayout, QWidget

from emulation_desktop.domain.registry_views import HouseholdQuery, PersonQuery
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.messages import show_info
from emulation_desktop.gui.pages.base import Action, SectionPage, heading
from emulation_desktop.gui.registry.households_tab import HouseholdsTab
from emulation_desktop.gui.registry.import_dialog import ImportDialog
from emulation_desktop.gui.registry.people_tab import PeopleTab
from emulation_desktop.gui.registry.units_tab import UnitsTab
from emulation_desktop.gui.sections import Section
from emulation_desktop.gui.tasks import TaskRunner

XLSX_FILTER = "Tệp Excel (*.xlsx)"
SaveName = Callable[[QWidget, str], Path | None]
OpenName = Callable[[QWidget], Path | None]


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Xuất Excel", suggested, XLSX_FILTER)
    if not path:
        return None
    return Path(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")


def ask_open_path(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Nhập từ Excel", "", XLSX_FILTER)
    return Path(path) if path else None


class RegistryPage(SectionPage):
    """`ask_save`/`ask_open` choose files (tests replace them; the native dialog blocks)."""

    actions = frozenset({Action.ADD, Action.REFRESH, Action.SEARCH})
    scrolls_itself = True

    def __init__(
        self,
        section: Section,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(section, parent)
        self._services = services
        self._tasks = tasks
        self._on_changed = on_changed
        self.ask_save: SaveName = ask_save_path
        self.ask_open: OpenName = ask_open_path
        registry = services.registry
        self.people = PeopleTab(registry, tasks, self._changed, self.export_people,
                                self.import_excel)  # fmt: skip
        self.households = HouseholdsTab(registry, tasks, self._changed, self.export_households,
                                        self.import_excel)  # fmt: skip
        self.units = UnitsTab(registry, tasks, self._changed, self.export_units, self.import_excel)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("registry_tabs")
        self.tabs.addTab(self.people, "Cá nhân")
        self.tabs.addTab(self.households, "Hộ gia đình")
        self.tabs.addTab(self.units, "Đơn vị")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(heading(section.title, 1.3))
        layout.addWidget(self.tabs, 1)
        self._loaded = False

    # SectionPage ------------------------------------------------------------------------------

    def activated(self) -> None:
        if not self._loaded:
            self.reload()

    def trigger(self, action: Action) -> None:
        tab = self.tabs.currentWidget()
        if action is Action.ADD:
            tab.add()  # type: ignore[attr-defined]
        elif action is Action.REFRESH:
            self.reload()
        elif action is Action.SEARCH and hasattr(tab, "panel"):
            tab.panel.search.setFocus()
            tab.panel.search.selectAll()

    # Data -------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._loaded = True
        units = self._services.registry.units()
        for tab in (self.people, self.households, self.units):
            tab.set_units(units)
        self.people.reload()
        self.households.reload()

    def _changed(self) -> None:
        self.reload()
        self._on_changed()

    # Excel ------------------------------------------------------------------------------------

    def _export(self, title: str, write: Callable[[Path], int]) -> None:
        path = self.ask_save(self, f"{title} {dt.date.today():%d-%m-%Y}.xlsx")
        if path is None:
            return
        self._tasks.submit(
            lambda: write(path),
            lambda n: show_info(self, f"Đã xuất {thousands(n)} dòng ra tệp «{path.name}»."),
            progress="Đang xuất Excel…",
            parent=self,
        )

    def export_people(self, q: PersonQuery) -> None:
        self._export("Danh sách cá nhân", lambda p: self._services.exports.people(p, q))

    def export_households(self, q: HouseholdQuery) -> None:
        self._export("Danh sách hộ gia đình", lambda p: self._services.exports.households(p, q))

    def export_units(self) -> None:
        self._export("Danh sách đơn vị", lambda p: self._services.exports.units(p))

    def import_excel(self) -> None:
        path = self.ask_open(self)
        if path is None:
            return
        dialog = ImportDialog(self._services.imports, self._tasks, path, parent=self)
        if dialog.exec() and dialog.imported:
            self._changed()
