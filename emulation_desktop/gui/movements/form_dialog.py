"""The shape of the registration, review and advanced-model dialogs: one form column over the
save path of gui.widgets.saving_dialog, and the movement combo their forms offer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.registry.form import dialog_buttons
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog


def movement_combo(movements: Sequence[MovementChoice], none_label: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("movement")
    combo.addItem(none_label, None)
    for m in movements:
        combo.addItem(m.name, m.id)
    combo.setMinimumContentsLength(30)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FormDialog(SavingDialog):
    """One form column (then an optional body), the messages and the buttons."""

    def __init__(self, services: AppServices, tasks: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(tasks, parent)
        self.services = services
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def finish(self, ok_text: str, body: QWidget | None = None) -> None:
        """Lay out the form, then `body` (which takes the spare height), messages, buttons."""
        buttons, self.save_button = dialog_buttons(self, ok_text, self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        if body is not None:
            layout.addWidget(body, 1)
        layout.addWidget(self.errors.general)
        if body is None:
            layout.addStretch(1)
        layout.addWidget(buttons)

    def _save(self) -> None:
        raise NotImplementedError
