"""What the people and household tabs share: the paged model in a ListPanel, the unit filter,
the count, the detail following the current row, and reloading after a change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.domain.text import thousands
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.messages import show_error
from emulation_desktop.gui.models.paged_table import PagedTableModel, TableColumn
from emulation_desktop.gui.registry.list_panel import ListPanel
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner

T = TypeVar("T")
Q = TypeVar("Q")
ACTIVE_CHOICES = (("Đang theo dõi", True), ("Đã ngừng theo dõi", False), ("Tất cả", None))


class ListTab(QWidget, Generic[T, Q]):
    """Subclasses build their filters and buttons on `panel`, then call `install_model`."""

    noun = ""  # "cá nhân": the count reads "505 cá nhân"

    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        on_changed: Callable[[], None],
        panel: ListPanel,
        unit_filter: UnitCombo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._registry = registry
        self._tasks = tasks
        self._on_changed = on_changed
        self._units: list[UnitNode] = []
        self.panel = panel
        self.unit_filter = unit_filter
        unit_filter.setObjectName("unit_filter")
        panel.filters.addWidget(unit_filter)
        self.model: PagedTableModel[T, Q]

    def install_model(
        self,
        columns: Sequence[TableColumn[T]],
        count: Callable[[Q], int],
        page: Callable[[Q, int, int], list[T]],
        query: Q,
        widths: list[int],
    ) -> None:
        inactive = lambda item: not getattr(item, "active", True)  # noqa: E731
        self.model = PagedTableModel(columns, count, page, query, dim=inactive)
        p = self.panel
        p.set_model(self.model, widths)
        p.current_changed.connect(self.show_current)
        p.activated.connect(self.edit)
        p.delete_requested.connect(self.delete)
        self.model.modelReset.connect(self._show_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(p)
        self._show_count()
        self.show_current()

    # Subclasses -------------------------------------------------------------------------------

    def show_current(self) -> None:
        raise NotImplementedError

    def edit(self) -> None:
        raise NotImplementedError

    def delete(self) -> None:
        raise NotImplementedError

    # Shared -----------------------------------------------------------------------------------

    def set_units(self, units: list[UnitNode]) -> None:
        self._units = units
        self.unit_filter.set_units(units)

    def reload(self) -> None:
        self.model.reload()

    def current(self) -> T | None:
        return self.model.row_item(self.panel.current_row())

    def _show_count(self) -> None:
        self.panel.count_label.setText(f"{thousands(self.model.rowCount())} {self.noun}")

    def after_change(self, select_id: int | None = None) -> None:
        """Reread the list (and the page's units), keeping the edited record selected."""
        self.model.reload()
        if select_id is not None:
            self.panel.select_row(
                self.model.find_row(lambda item: getattr(item, "id", None) == select_id)
            )
        self._on_changed()

    def submit(self, work: Callable[[], Any], select_id: int | None = None) -> None:
        """A write through the task runner; a refusal is shown, the list rereads on success."""

        def failed(exc: UserError) -> None:
            show_error(self, exc.message)

        self._tasks.submit(work, lambda _r: self.after_change(select_id), failed, parent=self)
