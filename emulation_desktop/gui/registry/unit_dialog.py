"""Adding or editing a unit (thôn, tổ dân phố, cơ quan, trường…) and where it sits in the tree.

"Trực thuộc" never offers the unit itself or anything below it: a loop in the tree is refused by
the service too, but a choice that cannot work should not be offered at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from emulation_desktop.domain.enums import UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.domain.registry import UnitInput
from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.services.registry import RegistryService

from emulation_desktop.gui.registry.form import FieldErrors, dialog_buttons, em
from emulation_desktop.gui.registry.unit_combo import UnitCombo
from emulation_desktop.gui.tasks import TaskRunner

NO_PARENT = "(Không trực thuộc đơn vị nào)"


def subtree_ids(units: Sequence[UnitNode], root_id: int) -> set[int]:
    """The unit and every unit below it."""
    children: dict[int | None, list[int]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u.id)
    found, todo = set(), [root_id]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, ()))
    return found


def default_kind(units: Sequence[UnitNode], parent_id: int | None) -> UnitKind:
    """A new unit is most likely of the kind of its siblings ("Khối trường học" → Trường học)."""
    siblings = [u.kind for u in units if u.parent_id == parent_id and u.kind is not UnitKind.GROUP]
    if parent_id is not None and siblings:
        return max(set(siblings), key=siblings.count)
    parent = next((u for u in units if u.id == parent_id), None)
    if parent is not None and parent.kind is not UnitKind.GROUP:
        return parent.kind
    return UnitKind.RESIDENTIAL


class UnitDialog(QDialog):
    """Add (`unit` None, optionally under `parent_id`) or edit a unit; sets `saved_id`."""

    def __init__(
        self,
        registry: RegistryService,
        tasks: TaskRunner,
        units: Sequence[UnitNode],
        unit: UnitNode | None = None,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unit_dialog")
        self._registry = registry
        self._tasks = tasks
        self._unit = unit
        self.saved_id: int | None = None
        self.setWindowTitle("Sửa đơn vị" if unit else "Thêm đơn vị")

        self.name_edit = QLineEdit()
        self.name_edit.setMinimumWidth(em(self, 28))
        self.kind_combo = QComboBox()
        for kind in UnitKind:
            self.kind_combo.addItem(kind.label, kind.value)
        exclude = subtree_ids(units, unit.id) if unit else set()
        self.parent_combo = UnitCombo(units, all_label=NO_PARENT, exclude=exclude)

        self.errors = e = FieldErrors()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Tên đơn vị:", e.wrap("name", self.name_edit))
        form.addRow("&Loại:", self.kind_combo)
        form.addRow("T&rực thuộc:", e.wrap("parent_id", self.parent_combo))
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addStretch(1)
        layout.addWidget(buttons)

        if unit is not None:
            self.name_edit.setText(unit.name)
            self.parent_combo.set_unit(unit.parent_id)
            kind = unit.kind
        else:
            self.parent_combo.set_unit(parent_id)
            kind = default_kind(units, parent_id)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind.value)))
        self.name_edit.setFocus()

    def form_input(self) -> UnitInput:
        return UnitInput(
            name=self.name_edit.text(),
            kind=UnitKind(self.kind_combo.currentData()),
            parent_id=self.parent_combo.unit_id(),
        )

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        data, registry, unit = self.form_input(), self._registry, self._unit
        self.errors.clear()
        self.save_button.setEnabled(False)

        def write() -> int:
            if unit is None:
                return registry.create_unit(data)
            registry.update_unit(unit.id, data)
            return unit.id

        self._tasks.submit(write, self._saved, self._failed, parent=self)

    def _saved(self, unit_id: int) -> None:
        self.save_button.setEnabled(True)
        self.saved_id = unit_id
        self.accept()

    def _failed(self, exc: UserError) -> None:
        self.save_button.setEnabled(True)
        self.errors.show_failure(exc)
