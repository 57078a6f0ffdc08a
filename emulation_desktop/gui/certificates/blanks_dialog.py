"""Nhập phôi: a box of pre-printed blanks received from the province or a printer, counted so the
officer knows before the ceremony whether there are enough."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from emulation_desktop.domain.certificates import BlankKind
from emulation_desktop.domain.text import nfc

from emulation_desktop.gui.registry.form import dialog_buttons, em
from emulation_desktop.gui.tasks import TaskRunner
from emulation_desktop.gui.widgets.controls import combo, muted
from emulation_desktop.gui.widgets.date_field import DateField
from emulation_desktop.gui.widgets.saving_dialog import SavingDialog


def stock_text(stock: Any) -> str:
    """ "Phôi giấy khen: đã nhận 200 · đã dùng 45 · hỏng 2 · còn 153"."""
    return (
        f"{stock.blank.label}: đã nhận {stock.received} · đã dùng {stock.used} · "
        f"hỏng {stock.spoiled} · còn {stock.left}"
    )


class BlanksDialog(SavingDialog):
    """`service` is the CertificateService (receive_blanks, stock)."""

    def __init__(
        self,
        service: Any,
        tasks: TaskRunner,
        blank: BlankKind = BlankKind.GIAY_KHEN,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tasks, parent)
        self.setObjectName("blanks_dialog")
        self.setWindowTitle("Nhập phôi giấy khen")
        self._service = service
        self.blank = combo("blank", [(b.label, b) for b in BlankKind])
        self.blank.setCurrentIndex(self.blank.findData(blank))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantity")
        self.quantity.setRange(0, 100_000)
        self.quantity.setSuffix(" tờ")
        self.day = DateField(dt.date.today(), required=True)
        self.day.setObjectName("day")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText("Ví dụ: nhận từ Ban Thi đua – Khen thưởng tỉnh")
        self.stock_label = muted(QLabel())
        self.stock_label.setObjectName("stock_label")
        e = self.errors
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Loại phôi:", self.blank)
        form.addRow("&Số lượng:", e.wrap("quantity", self.quantity))
        form.addRow("&Ngày nhận:", e.wrap("day", self.day))
        form.addRow("&Ghi chú:", e.wrap("note", self.note))
        buttons, self.save_button = dialog_buttons(self, "Lưu", self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stock_label)
        layout.addLayout(form)
        layout.addWidget(e.general)
        layout.addWidget(buttons)
        self.resize(em(self, 40), self.sizeHint().height())
        tasks.submit(service.stock, self._show_stock, parent=self)

    def _show_stock(self, stock: list[Any]) -> None:
        self.stock_label.setText("\n".join(stock_text(s) for s in stock))

    def _save(self) -> None:
        if message := self.day.error():
            self.errors.show({"day": message})
            return
        blank = BlankKind(self.blank.currentData())
        quantity, day = self.quantity.value(), self.day.date()
        note = nfc(self.note.text()).strip()
        assert day is not None
        self.run(lambda: self._service.receive_blanks(blank, quantity, day, note),
                 lambda _r: setattr(self, "saved_id", quantity))  # fmt: skip
