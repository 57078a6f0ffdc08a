"""Giới thiệu: version, where the data and the technical log are."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QDialog, QWidget

from emulation_desktop import APP_NAME, __version__
from emulation_desktop.paths import AppPaths

from emulation_desktop.gui.forms.ui_about_dialog import Ui_AboutDialog
from emulation_desktop.gui.icons import icon


class AboutDialog(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self._paths = paths
        self.setWindowTitle(f"Giới thiệu – {APP_NAME}")
        self.ui.icon_label.setPixmap(icon("app").pixmap(64, 64))
        font = QFont(self.ui.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.title_label.setFont(font)
        self.ui.title_label.setText(APP_NAME)
        self.ui.version_label.setText(f"Phiên bản {__version__}")
        self.ui.db_path_label.setText(str(paths.db_path))
        self.ui.log_path_label.setText(str(paths.log_file))
        self.ui.open_logs_button.clicked.connect(self._open_logs)

    def _open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.log_dir)))
