"""Sao lưu – Phục hồi as the officer uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulation_desktop.domain.registry_views import PersonQuery

from emulation_desktop.gui import tasks
from emulation_desktop.gui.pages import backup_page
from emulation_desktop.gui.pages.backup_page import BackupPage

pytestmark = pytest.mark.gui


@pytest.fixture
def page(window, tmp_path: Path, monkeypatch) -> BackupPage:  # type: ignore[no-untyped-def]
    window.go_to("backup")
    p = window.current_page()
    assert isinstance(p, BackupPage)
    usb = tmp_path / "usb"
    usb.mkdir()
    p.ask_folder = lambda: usb
    p.infos = []
    monkeypatch.setattr(backup_page, "show_info", lambda _w, m, *a: p.infos.append(m))
    return p


def test_backup_to_a_chosen_folder_shows_in_the_history(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.target.setCurrentIndex(page.target.findData("__other__"))
    page.backup_button.click()
    files = list((tmp_path / "usb").glob("*.tdkt"))
    assert len(files) == 1
    assert "Đã sao lưu và kiểm tra lại" in page.infos[0]
    assert page.history.rowCount() == 1 and page.history.item(0, 2).text() == str(files[0])


def test_password_must_be_typed_twice_alike(page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(backup_page, "show_error", lambda _w, m, *a: errors.append(m))
    page.target.setCurrentIndex(page.target.findData("__other__"))
    page.use_password.setChecked(True)
    page.password.setText("matkhau123")
    page.password_again.setText("matkhau124")
    page.backup_button.click()
    assert errors and "không giống nhau" in errors[0]
    assert not list((tmp_path / "usb").glob("*.tdkt"))


def test_restore_from_an_encrypted_file(page, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page.target.setCurrentIndex(page.target.findData("__other__"))
    page.use_password.setChecked(True)
    page.password.setText("matkhau-dai")
    page.password_again.setText("matkhau-dai")
    page.backup_button.click()
    (file,) = (tmp_path / "usb").glob("*.tdkt")
    registry = window._services.registry
    registry.set_people_active([registry.people_page(PersonQuery(), 0, 1)[0].id], False)
    assert registry.count_people(PersonQuery()) == 504
    questions: list[str] = []
    monkeypatch.setattr(backup_page, "confirm", lambda _w, q, *a: questions.append(q) or True)
    page.ask_file = lambda: file
    page.ask_password = lambda _name: "matkhau-dai"
    page.restore_button.click()
    assert questions and "Cá nhân" in questions[0]
    assert registry.count_people(PersonQuery()) == 505
    assert any("Đã phục hồi xong" in m for m in page.infos)


def test_a_wrong_password_is_said_plainly(page, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(tasks, "show_error", lambda _w, m, *a: errors.append(m))
    page.target.setCurrentIndex(page.target.findData("__other__"))
    page.use_password.setChecked(True)
    page.password.setText("matkhau-dung")
    page.password_again.setText("matkhau-dung")
    page.backup_button.click()
    (file,) = (tmp_path / "usb").glob("*.tdkt")
    page.ask_file = lambda: file
    page.ask_password = lambda _name: "matkhau-sai"
    page.verify_button.click()
    assert errors and "mật khẩu" in errors[0].lower()
