"""Bottom bar: commune name, year in work, and how old the last USB backup is (clickable)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from emulation_desktop.gui.widgets.backup_age import COLOURS, backup_age_text


class AppStatusBar(QStatusBar):
    """Signals:
    backup_clicked: the backup reminder was clicked (go to Sao lưu – Phục hồi).
    """

    backup_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.commune_label = QLabel()
        self.commune_label.setObjectName("status_commune")
        self.year_label = QLabel()
        self.year_label.setObjectName("status_year")
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("status_backup")
        self.backup_button.setFlat(True)
        self.backup_button.setToolTip("Mở mục Sao lưu – Phục hồi")
        self.backup_button.clicked.connect(self.backup_clicked)
        self.addWidget(self.commune_label)
        self.addWidget(self.year_label)
        self.addPermanentWidget(self.backup_button)

    def show_commune(self, name: str) -> None:
        self.commune_label.setText(name)

    def show_year(self, year: int) -> None:
        self.year_label.setText(f"Năm làm việc: {year}")

    def show_backup(self, last: dt.datetime | None, amber_after_days: int) -> None:
        text, level = backup_age_text(last, dt.datetime.now(), amber_after_days)
        self.backup_button.setText(text)
        self.backup_button.setStyleSheet(f"color: {COLOURS[level]}; text-align: right;")
        self.backup_button.setProperty("level", level.value)
