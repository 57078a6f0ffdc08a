"""Message boxes with Vietnamese buttons (Qt ships no Vietnamese translation)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from emulation_desktop import APP_NAME


def show_error(parent: QWidget | None, message: str, title: str = "Không thực hiện được") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, f"{title} – {APP_NAME}", message, parent=parent)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, message: str, title: str = "Thông báo") -> None:
    box = QMessageBox(QMessageBox.Icon.Information, f"{title} – {APP_NAME}", message, parent=parent)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(parent: QWidget | None, question: str, yes: str, no: str = "Hủy") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, question, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes_button
