"""Typed user settings (window state, preferences), declared once, stored by a pluggable backend.

The GUI stores them through QSettings in INI format (gui/settings_backend.py); domain data lives in
the database, never here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")


class SettingsBackend(Protocol):
    def value(self, key: str) -> object | None: ...
    def set_value(self, key: str, value: object) -> None: ...
    def sync(self) -> None: ...


class MemoryBackend:
    """A dict; for tests and headless commands."""

    def __init__(self, data: dict[str, object] | None = None) -> None:
        self.data: dict[str, object] = dict(data or {})

    def value(self, key: str) -> object | None:
        return self.data.get(key)

    def set_value(self, key: str, value: object) -> None:
        self.data[key] = value

    def sync(self) -> None:
        pass


def _to_int(raw: object) -> int:
    return int(str(raw).strip())


def _to_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise ValueError(text)


def _to_bytes(raw: object) -> bytes:
    if isinstance(raw, bytes | bytearray | memoryview):
        return bytes(raw)
    raise ValueError(type(raw))


_COERCE: dict[type, Callable[[object], Any]] = {
    int: _to_int,
    bool: _to_bool,
    str: str,
    bytes: _to_bytes,
}


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One key: its type, default, allowed range and the label shown in Cài đặt."""

    key: str
    kind: type
    default: T | Callable[[], T]
    label: str
    minimum: int | None = None
    maximum: int | None = None

    def default_value(self) -> T:
        return self.default() if callable(self.default) else self.default  # type: ignore[return-value]

    def coerce(self, raw: object) -> T:
        """A stored value as T; anything unreadable or out of range falls back to the default."""
        if raw is None:
            return self.default_value()
        try:
            value = _COERCE[self.kind](raw)
        except (ValueError, TypeError):
            return self.default_value()
        is_number = isinstance(value, int) and not isinstance(value, bool)
        too_small = self.minimum is not None and is_number and value < self.minimum
        too_big = self.maximum is not None and is_number and value > self.maximum
        if too_small or too_big:
            return self.default_value()
        return value  # type: ignore[no-any-return]


def _this_year() -> int:
    return dt.date.today().year


WINDOW_GEOMETRY: Setting[bytes] = Setting(
    "cua_so/vi_tri", bytes, b"", "Vị trí và kích thước cửa sổ"
)
WINDOW_STATE: Setting[bytes] = Setting(
    "cua_so/trang_thai", bytes, b"", "Thanh công cụ và các khung"
)
LAST_SECTION: Setting[str] = Setting("cua_so/muc_cuoi", str, "overview", "Mục mở lần trước")
WORK_YEAR: Setting[int] = Setting(
    "lam_viec/nam", int, _this_year, "Năm làm việc", minimum=2000, maximum=2100
)
FONT_SCALE: Setting[int] = Setting(
    "giao_dien/co_chu", int, 100, "Cỡ chữ giao diện (%)", minimum=80, maximum=200
)
USB_REMINDER_DAYS: Setting[int] = Setting(
    "sao_luu/nhac_sau_ngay", int, 7, "Nhắc sao lưu USB sau (ngày)", minimum=1, maximum=365
)
DOCUMENTS_FOLDER: Setting[str] = Setting(
    "van_ban/thu_muc", str, "", "Thư mục lưu văn bản"
)


class Settings:
    """Typed access to the backend: `settings.get(WORK_YEAR)` is an int, always."""

    def __init__(self, backend: SettingsBackend) -> None:
        self._backend = backend

    def get(self, setting: Setting[T]) -> T:
        return setting.coerce(self._backend.value(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        checked = setting.coerce(value)
        if type(value) is not setting.kind or checked != value:
            raise ValueError(f"{setting.key}: {value!r} is not a valid {setting.kind.__name__}")
        self._backend.set_value(setting.key, value)

    def sync(self) -> None:
        self._backend.sync()
