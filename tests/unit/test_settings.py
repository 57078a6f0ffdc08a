"""Typed settings: what the INI file holds comes back typed, bad values fall back to defaults."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation_desktop.settings import (
    FONT_SCALE,
    LAST_SECTION,
    USB_REMINDER_DAYS,
    WINDOW_GEOMETRY,
    WORK_YEAR,
    MemoryBackend,
    Setting,
    Settings,
)

FLAG: Setting[bool] = Setting("thu/co", bool, False, "Cờ thử")


def settings_with(**stored: object) -> tuple[Settings, MemoryBackend]:
    backend = MemoryBackend({key.replace("__", "/"): value for key, value in stored.items()})
    return Settings(backend), backend


def test_defaults_when_nothing_is_stored() -> None:
    settings, _ = settings_with()
    assert settings.get(FONT_SCALE) == 100
    assert settings.get(USB_REMINDER_DAYS) == 7
    assert settings.get(LAST_SECTION) == "overview"
    assert settings.get(WINDOW_GEOMETRY) == b""
    assert settings.get(FLAG) is False


def test_callable_default_is_evaluated_on_read() -> None:
    settings, _ = settings_with()
    assert settings.get(WORK_YEAR) == dt.date.today().year


def test_set_then_get_round_trips_each_type() -> None:
    settings, backend = settings_with()
    settings.set(FONT_SCALE, 150)
    settings.set(LAST_SECTION, "people")
    settings.set(WINDOW_GEOMETRY, b"\x01\x02geometry")
    settings.set(FLAG, True)

    assert settings.get(FONT_SCALE) == 150
    assert settings.get(LAST_SECTION) == "people"
    assert settings.get(WINDOW_GEOMETRY) == b"\x01\x02geometry"
    assert settings.get(FLAG) is True
    assert backend.data[FONT_SCALE.key] == 150


def test_ini_strings_are_coerced_to_the_declared_type() -> None:
    # QSettings in INI format hands back strings.
    settings, _ = settings_with(
        giao_dien__co_chu="120",
        lam_viec__nam=" 2025 ",
        sao_luu__nhac_sau_ngay="30",
        thu__co="true",
    )
    assert settings.get(FONT_SCALE) == 120
    assert isinstance(settings.get(FONT_SCALE), int)
    assert settings.get(WORK_YEAR) == 2025
    assert settings.get(USB_REMINDER_DAYS) == 30
    assert settings.get(FLAG) is True


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("false", False), ("0", False), ("1", True), ("True", True), ("no", False), ("yes", True)],
)
def test_boolean_words_from_ini(raw: str, expected: bool) -> None:
    settings, _ = settings_with(thu__co=raw)
    assert settings.get(FLAG) is expected


@pytest.mark.parametrize("raw", ["79", "201", "-5", "100000"])
def test_out_of_range_values_fall_back_to_the_default(raw: str) -> None:
    settings, _ = settings_with(giao_dien__co_chu=raw)
    assert settings.get(FONT_SCALE) == 100


def test_range_limits_themselves_are_allowed() -> None:
    settings, _ = settings_with(giao_dien__co_chu="80")
    assert settings.get(FONT_SCALE) == 80
    settings, _ = settings_with(giao_dien__co_chu="200")
    assert settings.get(FONT_SCALE) == 200


def test_out_of_range_year_falls_back_to_this_year() -> None:
    settings, _ = settings_with(lam_viec__nam="1999")
    assert settings.get(WORK_YEAR) == dt.date.today().year


@pytest.mark.parametrize("raw", ["abc", "", "12.5", "1e3", [1, 2]])
def test_unreadable_values_fall_back_to_the_default(raw: object) -> None:
    settings, _ = settings_with(giao_dien__co_chu=raw)
    assert settings.get(FONT_SCALE) == 100


def test_unreadable_boolean_and_bytes_fall_back_to_the_default() -> None:
    settings, _ = settings_with(thu__co="perhaps", cua_so__vi_tri="not bytes")
    assert settings.get(FLAG) is False
    assert settings.get(WINDOW_GEOMETRY) == b""


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (FONT_SCALE, "120"),  # a string where an int belongs
        (FONT_SCALE, 300),  # out of range
        (FONT_SCALE, 79),
        (WORK_YEAR, 1999),
        (LAST_SECTION, 5),
        (WINDOW_GEOMETRY, "geometry"),
        (FLAG, "true"),
    ],
)
def test_set_refuses_a_bad_value_and_stores_nothing(
    setting: Setting[object], value: object
) -> None:
    settings, backend = settings_with()
    with pytest.raises(ValueError):
        settings.set(setting, value)
    assert backend.data == {}


@pytest.mark.parametrize(("setting", "value"), [(FONT_SCALE, 100.0), (FLAG, 0)])
def test_set_refuses_a_wrong_type_that_equals_the_default(
    setting: Setting[object], value: object
) -> None:
    settings, backend = settings_with()
    with pytest.raises(ValueError):
        settings.set(setting, value)
    assert backend.data == {}


def test_sync_reaches_the_backend() -> None:
    calls: list[str] = []

    class Backend(MemoryBackend):
        def sync(self) -> None:
            calls.append("sync")

    Settings(Backend()).sync()
    assert calls == ["sync"]
