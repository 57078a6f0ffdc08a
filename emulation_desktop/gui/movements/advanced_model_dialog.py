"""Adding or editing an advanced model (điển hình tiên tiến): who, what, how it was publicised,
where it stands; a recognised model needs its recognition date."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QWidget

from emulation_desktop.domain.advanced_models import ModelInput, ModelItem, validate_model
from emulation_desktop.domain.enums import Channel, ModelStatus
from emulation_desktop.domain.movement_choices import MovementChoice
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.movements.form_dialog import FormDialog, movement_combo
from emulation_desktop.gui.registry.form import em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.subject_picker import SubjectPicker

NO_MOVEMENT = "Không gắn với phong trào nào"
CHANNEL_COLUMNS = 3


class AdvancedModelDialog(FormDialog):
    """Add (`item` None) or edit a model; `saved_id` once written."""

    def __init__(
        self, services: AppServices, tasks: TaskRunner, year: int,
        movements: Sequence[MovementChoice], item: ModelItem | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(services, tasks, parent)
        self.setObjectName("advanced_model_dialog")
        self.setWindowTitle("Sửa mô hình, điển hình tiên tiến" if item else
                            f"Thêm mô hình mới, điển hình tiên tiến năm {year}")  # fmt: skip
        self.year, self.item = year, item
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText("Ví dụ: «Tuyến phố văn minh» Tổ dân phố Bắc Sơn")
        self.name.setMinimumWidth(em(self, 36))
        self.picker = SubjectPicker(services.subjects)
        self.description = text_box(4, "Cách làm, kết quả, khả năng nhân rộng…")
        self.channels: dict[Channel, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, channel in enumerate(Channel):
            box = QCheckBox(channel.label)
            box.setObjectName(f"channel_{channel.value}")
            self.channels[channel] = box
            grid.addWidget(box, i // CHANNEL_COLUMNS, i % CHANNEL_COLUMNS)
        channels = QWidget()
        channels.setLayout(grid)
        channels.setFocusProxy(self.channels[Channel.WEBSITE])
        self.status = QComboBox()
        self.status.setObjectName("status")
        for s in ModelStatus:
            self.status.addItem(s.label, s.value)
        self.recognised_on = DateField()
        self.recognised_on.setObjectName("recognised_on")
        self.movement = movement_combo(movements, NO_MOVEMENT)
        self.note = text_box(2)
        e, f = self.errors, self.form
        f.addRow("&Tên mô hình:", e.wrap("name", self.name))
        f.addRow("Đối tượn&g:", e.wrap("subject", self.picker, self.picker.edit))
        f.addRow("&Mô tả:", e.wrap("description", self.description))
        f.addRow("Tuyên truyền qua:", e.wrap("channels", channels))
        f.addRow("T&rạng thái:", e.wrap("status", self.status))
        f.addRow("Ngày &công nhận:", e.wrap("recognised_on", self.recognised_on))
        f.addRow("&Phong trào:", e.wrap("movement_id", self.movement))
        f.addRow("Ghi c&hú:", self.note)
        self.finish("Lưu")
        if item is not None:
            self._load(item)
        self.name.setFocus()

    def _load(self, m: ModelItem) -> None:
        self.name.setText(m.name)
        self.picker.set_subject(m.subject)
        self.picker.edit.setCursorPosition(0)
        self.description.setPlainText(m.description)
        for channel, box in self.channels.items():
            box.setChecked(channel in m.channels)
        self.status.setCurrentIndex(self.status.findData(m.status.value))
        self.recognised_on.set_date(m.recognised_on)
        self.movement.setCurrentIndex(max(0, self.movement.findData(m.movement_id)))
        self.note.setPlainText(m.note)

    def form_input(self) -> ModelInput:
        ref = self.picker.subject()
        return ModelInput(
            self.year, self.name.text(), ref.key if ref else None,
            self.description.toPlainText(),
            tuple(c for c, box in self.channels.items() if box.isChecked()),
            ModelStatus(self.status.currentData()), self.recognised_on.date(),
            self.movement.currentData(), self.note.toPlainText(),
        )  # fmt: skip

    def _save(self) -> None:
        data = self.form_input()
        typed = {"recognised_on": self.recognised_on.error()}
        if self.checked(lambda: validate_model(data), typed):
            models, item_id = self.services.models, self.item.id if self.item else None
            self.save_item(models.create, models.update, item_id, data)
