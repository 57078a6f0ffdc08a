"""Xếp loại hằng năm: the grades of a unit's people and of the collective, entered in a grid.

Changes stay marked in the grid until Lưu (Ctrl+S) writes them in one go; Hủy thay đổi (or
Ctrl+Z, step by step) takes them back; leaving the unit, the year or the tab asks first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.enums import UnitKind
from emulation_desktop.domain.errors import UserError, ValidationError
from emulation_desktop.domain.evaluations import GradeGrid, SaveResult
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.evaluations.grade_import_dialog import GradeImportDialog
from emulation_desktop.gui.evaluations.grades_model import GradesModel
from emulation_desktop.gui.evaluations.grades_view import GRADE_HINT, GradeTable
from emulation_desktop.gui.evaluations.set_grade_dialog import set_for_whole_unit
from emulation_desktop.gui.evaluations.unsaved import UnsavedGuard
from emulation_desktop.gui.messages import show_error, show_info
from emulation_desktop.gui.pages.tabbed import SectionTab
from emulation_desktop.gui.registry.form import ERROR_COLOR
from emulation_desktop.gui.registry.registry_page import ask_open_path, ask_save_path
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import button, empty_page


class GradesTab(SectionTab, UnsavedGuard):
    title = "Xếp loại hằng năm"

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, tasks, on_changed, parent)
        self.setObjectName("grades_tab")
        self.ask_save = ask_save_path  # tests replace these and `ask` (native dialogs block)
        self.ask_open = ask_open_path
        self._shown: tuple[int, int, bool] | None = None  # (unit, year, below) of the grid

        self.units = UnitCombo(placeholder="Chọn đơn vị…")
        self.units.setObjectName("unit_choice")
        self.below = QCheckBox("Gồm đơn vị trực thuộc")
        self.below.setObjectName("include_below")
        self.save_button = button("Lưu", self.save, "save_grades", "Lưu (Ctrl+S)")
        tip = "Bỏ mọi thay đổi chưa lưu (Ctrl+Z: bỏ từng bước)"
        self.revert_button = button("Hủy thay đổi", self.revert, "revert_grades", tip)
        self.set_all_button = button("Đặt cho cả đơn vị…", self.set_for_unit, "set_for_unit")
        import_button = button("Nhập từ Excel…", self.import_excel, "import_grades")
        export_button = button("Xuất Excel…", self.export_excel, "export_grades")

        self.model = GradesModel()
        self.table = GradeTable()
        self.table.setModel(self.model)
        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.empty_page = empty_page(self.empty)  # what to do first is in another section
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_page)
        self.counts = QLabel()
        self.counts.setObjectName("grade_counts")
        self.counts.setWordWrap(True)  # a narrow window takes the counts on two lines
        self.message = QLabel(f"{GRADE_HINT}; Delete để xóa; Ctrl+V dán cột từ Excel.")
        self.message.setObjectName("grade_message")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel("Đơn vị:"))
        top.addWidget(self.units, 1)
        top.addWidget(self.below)
        top.addStretch(0)
        buttons = QHBoxLayout()
        for w in (self.save_button, self.revert_button, self.set_all_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(import_button)
        buttons.addWidget(export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.message)

        self.units.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.below.toggled.connect(lambda _on: self._scope_changed())
        self.model.edited.connect(self._show_counts)
        self.model.refused.connect(lambda text: self._say(text, error=True))
        self.table.paste_requested.connect(self.paste)
        self.table.undo_requested.connect(self.undo)
        self.table.copy_requested.connect(self.copy)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self._show_counts()

    # SectionTab -------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.settle_now()
        super().set_year(year)

    def reload(self) -> None:
        """F5: the units again, then the grid (asking first when changes are not saved)."""
        self.leave_then(self._reload_now)

    def add(self) -> None:
        self.table.setFocus()
        self.table.go_to(max(0, self.table.currentIndex().row()))

    def focus_search(self) -> None:
        self.units.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.guard_hide(event)

    # UnsavedGuard -----------------------------------------------------------------------------

    def unsaved_question(self) -> str | None:
        grid = self.model.grid
        if grid is None or not self.model.is_dirty():
            return None
        return (f"Có {self.model.pending_count()} thay đổi xếp loại năm {grid.year} của "
                f"«{grid.unit_name}» chưa lưu. Lưu trước khi rời đi?")  # fmt: skip

    def discard_unsaved(self) -> None:
        self.model.revert()

    def save_unsaved(self, then: Callable[[], None] | None = None) -> None:
        if then is None:
            self._submit_save()
        else:
            self._submit_save(lambda _r: then(), reload=False)

    # Loading ----------------------------------------------------------------------------------

    def _reload_now(self) -> None:
        self.tasks.submit(self.services.registry.units, self._set_units, parent=self)

    def _set_units(self, units: list[UnitNode]) -> None:
        self.units.blockSignals(True)
        self.units.set_units(units)
        if self.units.unit_id() is None:
            first = next((u for u in units if u.active and u.people), None)
            self.units.set_unit(first.id if first else None)
        self.units.blockSignals(False)
        self._load()

    def _scope(self) -> tuple[int, int, bool] | None:
        unit = self.units.unit_id()
        return None if unit is None else (unit, self.year, self.below.isChecked())

    def _scope_changed(self) -> None:
        unit = next((u for u in self.units.units() if u.id == self.units.unit_id()), None)
        if unit is not None and unit.kind is UnitKind.GROUP and not self.below.isChecked():
            self.below.setChecked(True)  # a folder of units has no people of its own
            return
        if self._scope() == self._shown:
            return
        target = (self.units.unit_id(), self.below.isChecked())
        shown = self._shown

        def choose(unit_id: int | None, below: bool) -> None:
            for w in (self.units, self.below):
                w.blockSignals(True)
            self.units.set_unit(unit_id)
            self.below.setChecked(below)
            for w in (self.units, self.below):
                w.blockSignals(False)

        def go() -> None:
            choose(*target)
            self._load()

        def stay() -> None:
            if shown is not None:
                choose(shown[0], shown[2])

        self.leave_then(go, on_stay=stay)

    def _load(self) -> None:
        scope = self._scope()
        self.table.show_unit_column(self.below.isChecked())
        if scope is None:
            self.model.set_grid(None)
            self._shown = None
            self._show_empty()
            return
        unit, year, below = scope
        self.tasks.submit(
            lambda: self.services.evaluations.grid(unit, year, below),
            self._show_grid,
            parent=self,
        )

    def _show_grid(self, grid: GradeGrid) -> None:
        current = self.table.currentIndex()
        same = self._shown == (grid.unit_id, grid.year, grid.include_below)
        self._shown = (grid.unit_id, grid.year, grid.include_below)
        self.model.set_grid(grid)
        self._show_empty()
        if same and current.isValid():
            self.table.go_to(current.row(), current.column())
        else:  # the first person: the collectives above are graded once, the people in a run
            self.table.go_to(next((i for i, r in enumerate(grid.rows) if not r.collective), 0))

    def _show_empty(self) -> None:
        grid = self.model.grid
        if grid is not None and grid.rows:
            self.stack.setCurrentWidget(self.table)
            return
        if not self.units.count():
            text = ("Chưa có đơn vị nào. Hãy thêm đơn vị và cá nhân ở mục «Đơn vị – Cá nhân – "
                    "Hộ gia đình» (hoặc Nhập từ Excel) rồi quay lại đây để xếp loại.")  # fmt: skip
        elif grid is None:
            text = "Chọn một đơn vị ở ô «Đơn vị» để xếp loại các cá nhân và tập thể của đơn vị."
        else:
            text = (
                f"«{grid.unit_name}» chưa có cá nhân nào đang theo dõi. Hãy thêm cá nhân ở "
                "mục «Đơn vị – Cá nhân – Hộ gia đình», hoặc chọn «Gồm đơn vị trực thuộc»."
            )
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty_page)

    def _show_counts(self) -> None:
        dirty = self.model.pending_count()
        self.save_button.setEnabled(bool(dirty))
        self.revert_button.setEnabled(bool(dirty))
        self.set_all_button.setEnabled(bool(self.model.people_rows()))
        self.counts.setText(self.model.summary_html(ERROR_COLOR))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOR};" if error else "")
        self.message.setText(text)

    # Editing ----------------------------------------------------------------------------------

    def paste(self, text: str | None = None) -> None:
        """Ctrl+V: a column from Excel down from the current row, or one value everywhere."""
        if self.model.grid is None:
            return
        text = QGuiApplication.clipboard().text() if text is None else text
        column = self.table.currentIndex().column()
        try:
            self._say(self.model.paste(text, self.table.selected_rows(), column))
        except ValueError as exc:
            self._say(str(exc), error=True)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.model.copy_text(self.table.selected_rows()))

    def undo(self) -> None:
        if not self.model.undo():
            self._say("Không còn thay đổi nào để hoàn tác.")

    def revert(self) -> None:
        n = self.model.pending_count()
        self.model.revert()
        if n:
            self._say(f"Đã bỏ {n} thay đổi chưa lưu.")

    def set_for_unit(self) -> None:
        grid = self.model.grid
        if grid is not None and (message := set_for_whole_unit(self, self.model, grid)):
            self._say(message)

    # Saving -----------------------------------------------------------------------------------

    def save(self) -> None:
        if self.model.is_dirty():
            self._submit_save(lambda result: self._say(result.message))

    def _submit_save(
        self, then: Callable[[SaveResult], None] = lambda _r: None, reload: bool = True
    ) -> None:
        """Save the unsaved changes; on success reread the grid (unless `then` loads another)
        and call `then`; a refusal marks the rows and keeps every change on screen."""
        grid, changes = self.model.grid, self.model.changes()
        assert grid is not None

        def saved(result: SaveResult) -> None:
            self._saved(grid, reload)
            then(result)

        self.tasks.submit(
            lambda: self.services.evaluations.save(grid.year, grid.unit_id, changes,
                                                   grid.include_below),
            saved, self._refused, progress="Đang lưu xếp loại…", parent=self,
        )  # fmt: skip

    def save_unsaved_now(self) -> bool:
        # The window is closing and must know the outcome before it goes, so this one save runs
        # here rather than in the background (300 grades take a few milliseconds).
        grid, changes = self.model.grid, self.model.changes()
        assert grid is not None
        try:
            result = self.services.evaluations.save(grid.year, grid.unit_id, changes,
                                                    grid.include_below)  # fmt: skip
        except UserError as exc:
            self._refused(exc)
            return False
        self._saved(grid, reload=True)
        self._say(result.message)
        return True

    def _saved(self, grid: GradeGrid, reload: bool) -> None:
        self.on_changed()
        if reload and self._shown == (grid.unit_id, grid.year, grid.include_below):
            self._load()

    def _refused(self, exc: UserError) -> None:
        if isinstance(exc, ValidationError):
            self.table.go_to(self.model.mark_errors(exc.field_errors))
        show_error(self, exc.message)

    # Excel ------------------------------------------------------------------------------------

    def import_excel(self) -> None:
        self.leave_then(self._import_now)

    def _import_now(self) -> None:
        scope, grid = self._scope(), self.model.grid
        if scope is None or grid is None:
            return
        path = self.ask_open(self)
        if path is None:
            return
        dialog = GradeImportDialog(self.services.evaluations, self.tasks, Path(path), *scope,
                                   unit_name=grid.unit_name, parent=self)  # fmt: skip
        if dialog.exec() and dialog.result_ is not None:
            self._say(dialog.result_.message)
            self.on_changed()
            self._load()

    def export_excel(self) -> None:
        self.leave_then(self._export_now)

    def _export_now(self) -> None:
        scope, grid = self._scope(), self.model.grid
        if scope is None or grid is None:
            return
        path = self.ask_save(self, f"Xếp loại {grid.year} {grid.unit_name} "
                                   f"{dt.date.today():%d-%m-%Y}.xlsx")  # fmt: skip
        if path is None:
            return
        self.tasks.submit(
            lambda: self.services.evaluations.export_grid(path, *scope),
            lambda n: show_info(self, f"Đã xuất {thousands(n)} dòng ra tệp «{path.name}»."),
            progress="Đang xuất Excel…",
            parent=self,
        )
