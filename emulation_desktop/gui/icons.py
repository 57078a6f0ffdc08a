"""Icons are plain SVG files in resources/icons, reached as "icons:<name>.svg"."""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

from emulation_desktop.paths import resource_path


def register_icon_path() -> None:
    QDir.addSearchPath("icons", str(resource_path("icons")))


def icon(name: str) -> QIcon:
    return QIcon(f"icons:{name}.svg")
