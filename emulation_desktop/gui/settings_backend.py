"""QSettings (INI format) behind the typed settings of emulation_desktop.settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class IniBackend:
    """Reads and writes one INI file; QByteArray values come back as bytes."""

    def __init__(self, path: Path) -> None:
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def value(self, key: str) -> object | None:
        raw = self._qs.value(key)
        if isinstance(raw, QByteArray):
            return raw.data()
        return raw

    def set_value(self, key: str, value: object) -> None:
        self._qs.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def sync(self) -> None:
        self._qs.sync()
