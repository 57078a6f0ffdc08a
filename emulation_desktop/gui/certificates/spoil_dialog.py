"""Đánh dấu hỏng: why a printed sheet was thrown away (the blank is counted as spoiled), and
whether to print it again at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from emulation_desktop.domain.text import nfc

from emulation_desktop.gui.registry.form import dialog_buttons, em, red_label

REASONS = ("Kẹt giấy", "In lệch vị trí", "Sai chính tả", "Mực nhòe", "Giấy bị bẩn, rách")


class SpoilDialog(QDialog):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spoil_dialog")
        self.setWindowTitle("Đánh dấu tờ hỏng")
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("reason")
        self.reason_box.setEditable(True)
        self.reason_box.addItems(REASONS)
        self.reason_box.setCurrentText("")
        self.reason_box.lineEdit().setPlaceholderText("Chọn hoặc gõ lý do")
        self.reprint = QCheckBox("In lại ngay sau khi đánh dấu")
        self.reprint.setObjectName("reprint")
        self.reprint.setChecked(True)
        self.error = red_label()
        sheets = "Tờ" if who.startswith("«") else "Các tờ"  # one recipient, or "3 người nhận"
        intro = QLabel(f"{sheets} đã in của {who} bị hỏng. Tờ in trên phôi thì phôi đó được tính "
                       "là phôi hỏng; tờ in trên giấy trắng không trừ phôi.")
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Lý do:", self.reason_box)
        buttons, self.save_button = dialog_buttons(self, "Đánh dấu hỏng", self._accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.reprint)
        layout.addWidget(buttons)
        self.resize(em(self, 34), self.sizeHint().height())

    @property
    def reason(self) -> str:
        return " ".join(nfc(self.reason_box.currentText()).split())

    def _accept(self) -> None:
        if not self.reason:
            self.error.setText("Hãy ghi lý do tờ bị hỏng (ví dụ: kẹt giấy, in lệch).")
            self.error.show()
            return
        self.accept()
