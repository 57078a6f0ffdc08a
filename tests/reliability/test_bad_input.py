"""Bad surroundings never crash the program and never half-write: one clear Vietnamese line, exit
code 1, and every file as it was.

Tests run as root in CI, where chmod does not stop writes; the program checks mode bits for
read-only files, and an unwritable folder is made by putting it under a regular file.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import other_process, run_cli

from emulation_desktop.app import open_context
from emulation_desktop.store.db import open_database

REPO = Path(__file__).resolve().parents[2]


def failure_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Lỗi: ")
    return lines[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    """A database file holding the demo commune, as if copied in from elsewhere (no lock file)."""
    path = tmp_path / "co-du-lieu.db"
    with open_context(path) as ctx:
        ctx.services.demo.load()
    Path(f"{path}.lock").unlink()
    return path


# --- the user-data folder cannot be written ----------------------------------------------------


@pytest.mark.parametrize("below", [("du-lieu",), ()], ids=["folder-under-a-file", "a-file"])
def test_unwritable_data_folder(tmp_path: Path, below: tuple[str, ...]) -> None:
    blocker = tmp_path / "la-tep"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    data_dir = blocker.joinpath(*below)

    proc = run_cli("demo", data_dir=data_dir)

    line = failure_line(proc)
    assert "Không ghi được vào thư mục" in line
    assert str(data_dir) in line
    assert blocker.read_text(encoding="utf-8") == "không phải thư mục"


# --- the database file cannot be written -------------------------------------------------------


@pytest.fixture
def read_only_db(demo_db: Path) -> Iterator[Path]:
    demo_db.chmod(0o444)
    yield demo_db
    demo_db.chmod(0o644)


def test_read_only_database_is_refused_untouched(read_only_db: Path) -> None:
    before = sha256(read_only_db)

    line = failure_line(run_cli("demo", "--db", read_only_db))

    assert "chỉ đọc" in line
    assert sha256(read_only_db) == before
    assert not Path(f"{read_only_db}.lock").exists()


def test_read_only_database_is_refused_even_for_a_migration(tmp_path: Path) -> None:
    # A newer program must not take a safety copy and then fail on the original.
    path = tmp_path / "cu.db"
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
        conn.execute("DROP TABLE audit_entry")
        conn.execute("DROP TABLE app_state")
    conn.close()
    path.chmod(0o444)
    try:
        before = sha256(path)
        line = failure_line(run_cli("demo", "--db", path))
        assert "chỉ đọc" in line
        assert sha256(path) == before
        assert not [p for p in tmp_path.iterdir() if "truoc-nang-cap" in p.name]
    finally:
        path.chmod(0o644)


# --- files from elsewhere ----------------------------------------------------------------------


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "moi-hon.db"
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.close()
    before = sha256(path)

    line = failure_line(run_cli("demo", "--db", path))

    assert "phiên bản mới hơn" in line
    assert sha256(path) == before
    assert not Path(f"{path}.lock").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04" + bytes(200),  # an .xlsx picked by mistake
        "Họ và tên,Năm sinh\n".encode(),
        b"SQLite format 3\x00" + b"\xff" * 3000,  # damaged
    ],
    ids=["zip", "csv", "damaged-sqlite"],
)
def test_wrong_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "nham.db"
    path.write_bytes(content)

    line = failure_line(run_cli("demo", "--db", path))

    assert "không phải cơ sở dữ liệu" in line
    assert path.read_bytes() == content


def test_a_folder_given_as_database(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc"
    folder.mkdir()
    line = failure_line(run_cli("demo", "--db", folder))
    assert "thư mục" in line
    assert list(folder.iterdir()) == []


# --- the database is in use --------------------------------------------------------------------


def test_database_open_in_another_window_is_refused_untouched(demo_db: Path) -> None:
    script = textwrap.dedent(
        """
        import sys, time
        from emulation_desktop.app import open_context
        with open_context(sys.argv[1]):
            print("ready", flush=True)
            time.sleep(60)
        """
    )
    with other_process(script, demo_db):
        before = people(demo_db)

        line = failure_line(run_cli("demo", "--db", demo_db))

        assert "đang được mở" in line
        assert people(demo_db) == before
