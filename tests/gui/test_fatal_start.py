"""A database the program must refuse gives the user one dialog and an exit code, never a crash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from emulation_desktop import app
from emulation_desktop.store.lock import InstanceLock

from emulation_desktop.gui import application

pytestmark = pytest.mark.gui


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(application, "show_fatal_error", seen.append)
    return seen


def test_a_text_file_as_database_is_refused_untouched(qapp, tmp_path: Path, shown_errors) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "danh-sach.db"
    bad.write_text("Họ và tên;Năm sinh\nNguyễn Văn An;1980\n", encoding="utf-8")
    before = hashlib.sha256(bad.read_bytes()).hexdigest()
    assert app.run_gui(bad) == 1
    assert len(shown_errors) == 1
    assert "không phải cơ sở dữ liệu" in shown_errors[0]
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == before


def test_a_database_open_elsewhere_is_refused(qapp, tmp_path: Path, shown_errors) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "xa.db"
    with InstanceLock(db):
        assert app.run_gui(db) == 1
    assert "đang được mở ở một cửa sổ khác" in shown_errors[0]
