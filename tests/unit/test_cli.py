"""The headless commands, run as a user runs them: a separate process, exit code, one-line message.

Exit codes: 0 success, 1 failure with a Vietnamese message on stderr, 2 bad arguments.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import cli_runner
import pytest

from emulation_desktop import APP_NAME, __version__

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(*args: str | Path, cwd: Path = REPO) -> Run:
    proc = cli_runner.run_cli(*args, cwd=cwd)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def assert_failure(run: Run, *fragments: str) -> str:
    """Exit 1 with exactly one line on stderr: 'Lỗi: ...' naming the problem."""
    assert run.code == 1, run
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert lines[0].startswith("Lỗi: "), run.err
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


def assert_usage_error(run: Run, *fragments: str) -> None:
    assert run.code == 2, run
    assert "Lỗi tham số" in run.err
    assert "error:" not in run.err and "usage:" not in run.err
    for fragment in fragments:
        assert fragment in run.err


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("unit", "person", "household", "commune_profile", "audit_entry")
        }
    finally:
        conn.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- information -------------------------------------------------------------------------------


def test_version() -> None:
    run = run_cli("--version")
    assert run.code == 0
    assert run.out.strip() == f"{APP_NAME} {__version__}"
    assert run.out.strip() == "Thi đua – Khen thưởng 0.1.0"


def test_help_is_vietnamese() -> None:
    run = run_cli("--help")
    assert run.code == 0
    assert run.out.startswith("Cách dùng: emulation-desktop")
    for word in ("Các lệnh", "Tùy chọn", "demo", "self-test", "Hiện hướng dẫn này"):
        assert word in run.out
    for english in ("usage:", "options:", "show this help"):
        assert english not in run.out


def test_subcommand_help_is_vietnamese() -> None:
    run = run_cli("demo", "--help")
    assert run.code == 0
    assert "Cách dùng:" in run.out
    assert "--seed" in run.out
    assert "usage:" not in run.out


@pytest.mark.parametrize("args", [("demo", "--help"), ("document", "ke-hoach")])
def test_subcommand_usage_says_cach_dung_once(args: tuple[str, ...]) -> None:
    run = run_cli(*args)
    assert (run.out + run.err).count("Cách dùng:") == 1


# --- demo --------------------------------------------------------------------------------------


def test_demo_creates_the_demo_commune(tmp_path: Path) -> None:
    db = tmp_path / "mau.db"

    run = run_cli("demo", "--db", db)

    assert run.code == 0, run.err
    assert run.err.strip() == ""
    found = counts(db)
    assert 450 <= found["person"] <= 600
    assert found["commune_profile"] == 1
    # the message reports what was written
    assert f"{found['unit']} đơn vị" in run.out
    assert f"{found['person']} cá nhân" in run.out
    assert f"{found['household']} hộ gia đình" in run.out
    assert str(db) in run.out
    # closed cleanly: no -wal/-shm left behind
    assert not Path(f"{db}-wal").exists()
    assert not Path(f"{db}-shm").exists()


def test_demo_seed_is_accepted(tmp_path: Path) -> None:
    run = run_cli("demo", "--db", tmp_path / "a.db", "--seed", "7")
    assert run.code == 0, run.err


def test_demo_again_on_the_same_database_fails_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "mau.db"
    assert run_cli("demo", "--db", db).code == 0
    before = counts(db)

    run = run_cli("demo", "--db", db)

    assert_failure(run, "đã có dữ liệu")
    assert counts(db) == before


def test_demo_without_db_uses_the_user_data_folder(isolated_data_dir: Path) -> None:
    run = run_cli("demo")
    assert run.code == 0, run.err
    assert counts(isolated_data_dir / "thiduakhenthuong.db")["person"] > 0


def test_db_option_before_the_command_is_honoured(tmp_path: Path, isolated_data_dir: Path) -> None:
    db = tmp_path / "truoc.db"
    run = run_cli("--db", db, "demo")
    assert run.code == 0, run.err
    assert not (isolated_data_dir / "thiduakhenthuong.db").exists()
    assert db.exists()
    assert counts(db)["person"] > 0


# --- self-test ---------------------------------------------------------------------------------


def test_self_test_passes(tmp_path: Path) -> None:
    run = run_cli("self-test")
    assert run.code == 0, run.out + run.err
    assert "tất cả đều đạt" in run.out
    assert "[LỖI]" not in run.out


# --- bad arguments -----------------------------------------------------------------------------


def test_unknown_command() -> None:
    assert_usage_error(run_cli("xoa-het"), "lựa chọn không hợp lệ", "xoa-het")


def test_unknown_option() -> None:
    assert_usage_error(run_cli("demo", "--khong-co"), "tham số không hiểu được", "--khong-co")


def test_missing_required_arguments() -> None:
    assert_usage_error(run_cli("document", "ke-hoach"), "thiếu tham số bắt buộc", "--id", "--out")
    assert_usage_error(run_cli("import"), "thiếu tham số bắt buộc")


def test_unknown_document_kind() -> None:
    assert_usage_error(
        run_cli("document", "cong-van", "--id", "1", "--out", "a.docx"), "lựa chọn không hợp lệ"
    )


def test_not_a_number() -> None:
    assert_usage_error(run_cli("demo", "--seed", "abc"), "không phải số nguyên")


def test_option_without_its_value() -> None:
    assert_usage_error(run_cli("demo", "--db"), "cần một giá trị đi kèm")


# --- --db that cannot be used ------------------------------------------------------------------


def test_db_pointing_at_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("Danh sách khen thưởng năm 2025\n", encoding="utf-8")
    before = sha256(notes)

    run = run_cli("demo", "--db", notes)

    assert_failure(run, "không phải cơ sở dữ liệu")
    assert sha256(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi-chu.txt", "user-data"]


def test_db_in_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co"

    run = run_cli("demo", "--db", missing / "x.db")

    assert_failure(run, str(missing))
    assert not missing.exists()


def test_db_in_a_missing_folder_says_the_folder_does_not_exist(tmp_path: Path) -> None:
    run = run_cli("demo", "--db", tmp_path / "khong-co" / "x.db")
    line = assert_failure(run)
    assert "Không có thư mục" in line
    assert "không cho phép ghi" not in line
