"""Choosing the unit that the selected people move to; the page does the moving.

Only units still followed are offered: the service refuses a move into a unit no longer
followed, so offering one would only lead to an error.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from emulation_desktop.domain.registry_views import UnitNode
from emulation_desktop.domain.text import thousands

from emulation_desktop.gui.registry.form import FieldErrors, dialog_buttons, em
from emulation_desktop.gui.registry.unit_combo import UnitCombo


class MoveDialog(QDialog):
    """Accepted only with a unit chosen; `unit_id()` is that unit."""

    def __init__(
        self, units: Sequence[UnitNode], count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("move_dialog")
        self.setWindowTitle("Chuyển đơn vị")
        self.prompt = QLabel(f"Chuyển {thousands(count)} cá nhân đã chọn sang đơn &vị:")
        self.prompt.setWordWrap(True)
        self.unit_combo = UnitCombo(units, placeholder="Chọn đơn vị")
        self.unit_combo.setMinimumWidth(em(self, 28))
        self.prompt.setBuddy(self.unit_combo)
        self.errors = FieldErrors()
        buttons, self.move_button = dialog_buttons(self, "Chuyển", self._done, ctrl_s=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.errors.wrap("unit_id", self.unit_combo))
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.unit_combo.setFocus()

    def unit_id(self) -> int | None:
        return self.unit_combo.unit_id()

    def _done(self) -> None:
        if self.unit_id() is None:
            self.errors.show({"unit_id": "Hãy chọn đơn vị chuyển đến."})
            return
        self.accept()
