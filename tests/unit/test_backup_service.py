"""Backups as the officer uses them: to a folder, with a password, history, restore, rotation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from emulation_desktop.backup.errors import BackupError, WrongPasswordError
from emulation_desktop.backup.rotation import to_keep
from emulation_desktop.domain.enums import Gender, PersonKind
from emulation_desktop.domain.registry import PersonInput
from emulation_desktop.domain.registry_views import PersonQuery
from tests.cli_runner import run_cli


def test_backup_to_a_folder_is_verified_and_remembered(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backup = demo_context.services.backup
    usb = tmp_path / "USB – Sao lưu"
    usb.mkdir()
    path, manifest = backup.backup_to(usb)
    assert path.parent == usb and path.suffix == ".tdkt" and path.stat().st_size > 0
    assert manifest.commune == "Xã Cát Thành" and manifest.row_counts["person"] == 505
    assert backup.verify(path).row_counts == manifest.row_counts
    assert [r.path for r in backup.history()] == [path]
    again, _m = backup.backup_to(usb)  # the same minute: a second file, not an overwrite
    assert again != path and again.exists() and path.exists()


def _usb(tmp_path: Path) -> Path:
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    return usb


def test_the_data_folder_itself_is_refused(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BackupError, match="thư mục dữ liệu"):
        demo_context.services.backup.backup_to(tmp_path)  # where xa.db lives
    assert not list(tmp_path.glob("*.tdkt"))


def test_password_protects_the_file(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backup = demo_context.services.backup
    path, manifest = backup.backup_to(_usb(tmp_path), password="mật khẩu bí mật")
    assert manifest.encrypted and backup.needs_password(path)
    assert b"Nguy" not in path.read_bytes()  # no name readable on a lost stick
    with pytest.raises(WrongPasswordError):
        backup.verify(path, "sai mật khẩu")
    assert backup.verify(path, "mật khẩu bí mật").row_counts["person"] == 505


def test_restore_replaces_the_data_after_a_safety_backup(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = demo_context.services
    path, _m = services.backup.backup_to(_usb(tmp_path))
    unit = services.registry.units()[0].id
    services.registry.create_person(
        PersonInput("Người Thêm Sau", Gender.MALE, PersonKind.NHAN_DAN, unit)
    )
    assert services.registry.count_people(PersonQuery()) == 506
    preview = services.backup.preview_restore(path)
    assert ("Cá nhân", 506, 505) in preview.lines()
    safety, manifest = services.backup.restore(path)
    assert services.registry.count_people(PersonQuery()) == 505
    assert safety is not None and safety.exists()
    assert services.backup.verify(safety).row_counts["person"] == 506
    assert any(r.kind == "safety" for r in services.backup.history())
    assert manifest.row_counts["person"] == 505


def test_a_file_that_is_not_a_backup_changes_nothing(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = demo_context.services
    bad = tmp_path / "sao lưu.tdkt"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BackupError):
        services.backup.restore(bad)
    assert services.registry.count_people(PersonQuery()) == 505


def test_automatic_backups_rotate(demo_context) -> None:  # type: ignore[no-untyped-def]
    backup = demo_context.services.backup
    assert backup.daily_backup_due()
    path = backup.auto_backup("daily")
    assert path is not None and path.parent == backup.auto_folder
    assert not backup.daily_backup_due()


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    times = [dt.datetime(2025, 1, 1, 17) + dt.timedelta(days=i) for i in range(500)]
    kept = to_keep(times)
    newest = max(times)
    assert newest in kept
    assert {t.date() for t in kept} >= {(newest - dt.timedelta(days=i)).date() for i in range(7)}
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12
    assert len(kept) <= 7 + 4 + 12


def test_handover_writes_the_backup_and_a_printed_summary(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    path, pdf = demo_context.services.backup.handover(_usb(tmp_path))
    assert path.exists() and pdf.exists() and pdf.suffix == ".pdf"
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "DỮ LIỆU BÀN GIAO" in text and "Cá nhân: 505" in text and path.name in text


def test_cli_backup_verify_restore(tmp_path: Path) -> None:
    db = tmp_path / "xa.db"
    assert run_cli("demo", "--db", db).returncode == 0
    secret = tmp_path / "matkhau.txt"
    secret.write_text("mật khẩu đủ dài\n", encoding="utf-8")
    out = tmp_path / "USB"
    out.mkdir()
    run = run_cli("backup", out, "--db", db, "--password-file", secret)
    assert run.returncode == 0, run.stderr
    (file,) = out.glob("*.tdkt")
    ok = run_cli("verify-backup", file, "--password-file", secret)
    assert ok.returncode == 0 and "hợp lệ" in ok.stdout and "Xã Cát Thành" in ok.stdout
    wrong = run_cli("verify-backup", file)
    assert wrong.returncode == 1 and "mật khẩu" in wrong.stderr.lower()
    preview = run_cli("restore", file, "--db", db, "--password-file", secret)
    assert preview.returncode == 0 and "--yes" in preview.stdout and "Cá nhân" in preview.stdout
    done = run_cli("restore", file, "--db", db, "--password-file", secret, "--yes")
    assert done.returncode == 0 and "Đã phục hồi xong" in done.stdout, done.stderr


def test_two_backups_started_at_once_never_mix(demo_context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    backup = demo_context.services.backup
    usb = _usb(tmp_path)
    outcomes: list[object] = []

    def one() -> None:
        try:
            outcomes.append(backup.backup_to(usb)[0])
        except BackupError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    written = [o for o in outcomes if isinstance(o, Path)]
    refused = [o for o in outcomes if isinstance(o, BackupError)]
    assert written and len(written) + len(refused) == 2
    assert all("đang có một bản sao lưu khác" in e.message.lower() for e in refused)
    for path in written:
        assert backup.verify(path).row_counts["person"] == 505
    assert not list(usb.glob(".~*"))  # no temporary file left behind
