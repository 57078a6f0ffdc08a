"""Adding, editing or renewing (kiện toàn) a composition of the council: the decision that sets
it up, the day it takes effect and its members in the decision's order."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from emulation_desktop.domain.council import DECISION_EXAMPLE, CouncilInput, validate_council
from emulation_desktop.services.container import AppServices

from emulation_desktop.gui.council.members_editor import MembersEditor
from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import muted, text_box
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog

ADD, EDIT, RENEW = "add", "edit", "renew"
_TITLES = {
    ADD: "Thêm thành phần Hội đồng",
    EDIT: "Sửa thành phần Hội đồng",
    RENEW: "Kiện toàn Hội đồng",
}
VOTING_NOTE = (
    "Thư ký Hội đồng mặc định không biểu quyết; bỏ hoặc đánh dấu ô «Biểu quyết» theo quy chế "
    "của Hội đồng. Số thành viên có quyền biểu quyết là căn cứ tính tỷ lệ phiếu và số thành "
    "viên cần có mặt."
)
RENEW_NOTE = (
    "Danh sách thành viên được sao chép từ thành phần trước: sửa người thay đổi, nhập quyết "
    "định kiện toàn và ngày có hiệu lực."
)


class CouncilDialog(SavingDialog):
    """`mode` ADD, EDIT (`council_id` given) or RENEW (a new composition from `data`)."""

    def __init__(
        self,
        services: AppServices,
        tasks: TaskRunner,
        data: CouncilInput,
        mode: str = ADD,
        council_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("council_dialog")
        self.setWindowTitle(_TITLES[mode])
        self._service = services.council
        self._council_id = council_id
        self.valid_from = DateField(data.valid_from, required=True)
        self.valid_from.setObjectName("valid_from")
        self.decision = QLineEdit(data.decision_text)
        self.decision.setObjectName("decision_text")
        self.decision.setPlaceholderText(f"Ví dụ: {DECISION_EXAMPLE}")
        self.decision.setMinimumWidth(em(self, 26))
        self.note = text_box(2, "Ghi chú (không bắt buộc)", "note")
        self.note.setPlainText(data.note)
        self.members = MembersEditor(services)
        self.members.set_members(data.members)

        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Có &hiệu lực từ:", e.wrap("valid_from", self.valid_from))
        form.addRow("&Quyết định:", e.wrap("decision_text", self.decision))
        form.addRow("&Ghi chú:", e.wrap("note", self.note))
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if mode == RENEW:
            layout.addWidget(muted(QLabel(RENEW_NOTE)))
        layout.addWidget(QLabel("Thành viên Hội đồng (theo thứ tự trong quyết định):"))
        layout.addWidget(e.wrap("members", self.members), 1)
        layout.addWidget(muted(QLabel(VOTING_NOTE)))
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        room = self.screen().availableGeometry().height() * 0.85
        self.resize(em(self, 62), int(min(em(self, 52), room)))
        (self.valid_from if data.valid_from is None else self.decision).setFocus()

    def form_input(self) -> CouncilInput:
        return CouncilInput(
            self.valid_from.date(),
            self.decision.text(),
            self.members.members(),
            self.note.toPlainText(),
        )

    def _save(self) -> None:
        data = self.form_input()
        if not self.checked(
            lambda: validate_council(data), {"valid_from": self.valid_from.error()}
        ):
            return
        service = self._service
        self.save_item(service.create, service.update, self._council_id, data)
