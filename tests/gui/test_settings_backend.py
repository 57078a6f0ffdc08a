"""Typed settings survive a restart through the INI file."""

from __future__ import annotations

from pathlib import Path

from emulation_desktop.settings import FONT_SCALE, WINDOW_GEOMETRY, WORK_YEAR, Settings

from emulation_desktop.gui.settings_backend import IniBackend


def test_values_round_trip_through_the_ini_file(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "settings.ini"
    first = Settings(IniBackend(ini))
    first.set(WORK_YEAR, 2025)
    first.set(FONT_SCALE, 125)
    first.set(WINDOW_GEOMETRY, b"\x01\x02\xff")
    first.sync()
    assert ini.exists()

    second = Settings(IniBackend(ini))
    assert second.get(WORK_YEAR) == 2025
    assert second.get(FONT_SCALE) == 125
    assert second.get(WINDOW_GEOMETRY) == b"\x01\x02\xff"


def test_a_hand_edited_bad_value_falls_back_to_the_default(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    ini = tmp_path / "settings.ini"
    ini.write_text("[giao_dien]\nco_chu=rất to\n[lam_viec]\nnam=1800\n", encoding="utf-8")
    settings = Settings(IniBackend(ini))
    assert settings.get(FONT_SCALE) == 100
    assert settings.get(WORK_YEAR) == WORK_YEAR.default_value()
