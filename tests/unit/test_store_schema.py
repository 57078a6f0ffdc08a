"""Schema versions: migrations match the models, older files are upgraded after a copy, and newer,
foreign or damaged files are refused without a single byte changed."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, text

from emulation_desktop.app import open_context
from emulation_desktop.store import schema
from emulation_desktop.store.db import open_database
from emulation_desktop.store.errors import (
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    NotOurDatabaseError,
)
from emulation_desktop.store.models import Base


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    return cfg


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_beside(path: Path) -> list[str]:
    """Every file next to `path` whose name starts with its name (-wal, -shm, .lock, copies)."""
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))


def sqlite_query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def make_database_at(path: Path, revision: str) -> None:
    """A file as an older program version left it: WAL, migrated up to `revision` only."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def make_newer_database(path: Path, revision: str = "0099") -> None:
    """One of our databases, as a later program version (schema `revision`) left it."""
    db = open_database(path)
    db.dispose()
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    finally:
        conn.close()


# --- migrations and models ---------------------------------------------------------------------


def test_revision_list_matches_the_migration_scripts() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    in_order = tuple(reversed([s.revision for s in scripts.walk_revisions()]))
    assert in_order == schema.REVISIONS
    assert scripts.get_heads() == [schema.HEAD]
    assert schema.REVISIONS[-1] == schema.HEAD


def test_migrations_from_empty_give_exactly_the_models(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"render_as_batch": True})
            assert compare_metadata(ctx, Base.metadata) == []

            # The comparison does see a difference when there is one.
            extra = MetaData()
            for table in Base.metadata.tables.values():
                table.to_metadata(extra)
            Table("bang_thua", extra, Column("id", Integer, primary_key=True))
            assert compare_metadata(ctx, extra) != []
    finally:
        db.dispose()


def test_new_database_is_at_head(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert schema.current_revision(db.engine) == schema.HEAD
    finally:
        db.dispose()
    assert schema.inspect_file(db_path) == schema.FileState(True, False, schema.HEAD)


def test_missing_file_is_created(db_path: Path) -> None:
    assert schema.inspect_file(db_path) == schema.FileState(False, True, None)
    open_database(db_path).dispose()
    assert db_path.stat().st_size > 0


def test_zero_byte_file_is_accepted_as_new(db_path: Path) -> None:
    db_path.write_bytes(b"")
    assert schema.inspect_file(db_path) == schema.FileState(True, True, None)

    db = open_database(db_path)
    try:
        assert schema.current_revision(db.engine) == schema.HEAD
    finally:
        db.dispose()
    # A new file needs no safety copy.
    assert files_beside(db_path) == [db_path.name]


def test_sqlite_file_without_tables_is_accepted_as_new(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    assert db_path.stat().st_size > 0

    open_database(db_path).dispose()
    assert sqlite_query(db_path, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]


# --- upgrading an older database ---------------------------------------------------------------


def test_upgrade_from_0001_copies_first_and_keeps_the_data(db_path: Path) -> None:
    make_database_at(db_path, "0001")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO unit (id, name, name_fold, kind) "
            "VALUES (1, 'Thôn Đông', 'thon dong', 'residential')"
        )
        conn.execute(
            "INSERT INTO person (full_name, name_fold, gender, unit_id, kind) "
            "VALUES ('Nguyễn Thị Hằng', 'nguyen thi hang', 'female', 1, 'nhan_dan')"
        )
    conn.close()
    assert schema.inspect_file(db_path).revision == "0001"

    db = open_database(db_path)
    try:
        assert schema.current_revision(db.engine) == schema.HEAD
        with db.engine.connect() as c:
            assert c.execute(text("SELECT full_name FROM person")).scalars().all() == [
                "Nguyễn Thị Hằng"
            ]
            # the later revisions' tables exist
            assert c.execute(text("SELECT count(*) FROM audit_entry")).scalar() == 0
    finally:
        db.dispose()

    copies = [p for p in db_path.parent.iterdir() if "truoc-nang-cap-0001" in p.name]
    assert len(copies) == 1
    copy = copies[0]
    assert copy.name.startswith(db_path.stem) and copy.suffix == db_path.suffix
    # The copy is a complete, standalone database at the old revision, fit to leave the PC.
    assert sqlite_query(copy, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert sqlite_query(copy, "SELECT full_name, unit_id FROM person") == [("Nguyễn Thị Hằng", 1)]
    assert sqlite_query(copy, "PRAGMA journal_mode") == [("delete",)]
    assert sqlite_query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert not Path(f"{copy}-wal").exists()


def test_upgrade_to_0003_fills_the_stored_name_order_and_search_forms(db_path: Path) -> None:
    make_database_at(db_path, "0002")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO unit (id, name, name_fold, kind) VALUES (1, 'Thôn Đông', 'thon dong', "
            "'residential')"
        )
        for pid, name in ((1, "Trần Văn Bình"), (2, "Lê Thị An"), (3, "Hoàng Phủ Ngọc Tường")):
            conn.execute(
                "INSERT INTO person (id, full_name, name_fold, gender, unit_id, kind, position) "
                "VALUES (?, ?, '', 'male', 1, 'nhan_dan', 'Trưởng thôn')",
                (pid, name),
            )
        conn.execute(
            "INSERT INTO household (head_id, address, unit_id) VALUES (1, 'Xóm 2, Thôn Đông', 1)"
        )
    conn.close()
    open_database(db_path).dispose()
    assert sqlite_query(db_path, "SELECT full_name FROM person ORDER BY sort_key") == [
        ("Lê Thị An",),
        ("Trần Văn Bình",),
        ("Hoàng Phủ Ngọc Tường",),
    ]
    assert sqlite_query(db_path, "SELECT count(*) FROM person WHERE position_key = ''") == [(0,)]
    assert sqlite_query(db_path, "SELECT address_fold FROM household") == [("xom 2, thon dong",)]


def test_upgrade_to_0007_keeps_people_and_leaves_their_work_start_empty(db_path: Path) -> None:
    make_database_at(db_path, "0006")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO unit (id, name, name_fold, kind) VALUES (1, 'Trường Tiểu học', "
            "'truong tieu hoc', 'school')"
        )
        for pid, name in ((1, "Trần Văn Bình"), (2, "Lê Thị An")):
            conn.execute(
                "INSERT INTO person (id, full_name, name_fold, gender, unit_id, kind, birth_year) "
                "VALUES (?, ?, '', 'female', 1, 'vien_chuc', 1990)",
                (pid, name),
            )
        conn.execute("INSERT INTO household (head_id, address, unit_id) VALUES (1, 'Xóm 2', 1)")
        conn.execute(
            "INSERT INTO evaluation (person_id, year, grade, in_unit_id) VALUES (2, 2025, 'htt', 1)"
        )
    conn.close()
    open_database(db_path).dispose()
    assert sqlite_query(db_path, "SELECT version_num FROM alembic_version") == [(schema.HEAD,)]
    assert sqlite_query(
        db_path, "SELECT id, full_name, kind, birth_year, work_start FROM person ORDER BY id"
    ) == [(1, "Trần Văn Bình", "vien_chuc", 1990, None), (2, "Lê Thị An", "vien_chuc", 1990, None)]
    assert sqlite_query(db_path, "SELECT head_id FROM household") == [(1,)]
    assert sqlite_query(db_path, "SELECT person_id, grade FROM evaluation") == [(2, "htt")]
    assert sqlite_query(db_path, "PRAGMA foreign_key_check") == []
    assert [p.name for p in db_path.parent.iterdir() if "truoc-nang-cap-0006" in p.name]


def test_database_at_head_is_opened_without_a_copy(db_path: Path) -> None:
    open_database(db_path).dispose()
    open_database(db_path).dispose()
    assert files_beside(db_path) == [db_path.name]


# --- refusals: nothing written -----------------------------------------------------------------


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    make_newer_database(db_path, "0099")
    before = sha256(db_path)

    with pytest.raises(DatabaseTooNewError) as info:
        open_database(db_path)

    message = info.value.message
    assert "phiên bản mới hơn" in message
    assert "99" in message
    assert "giữ nguyên" in message
    assert sha256(db_path) == before


def test_newer_database_is_refused_by_open_context_without_a_lock_file(db_path: Path) -> None:
    make_newer_database(db_path, "0099")
    before = sha256(db_path)

    with pytest.raises(DatabaseTooNewError), open_context(db_path):
        pass

    assert sha256(db_path) == before
    assert not Path(f"{db_path}.lock").exists()


def _newer(path: Path) -> None:
    make_newer_database(path, "0099")


def _read_only(path: Path) -> None:
    open_database(path).dispose()
    path.chmod(0o444)


def _foreign_wal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ten TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make", [_newer, _read_only, _foreign_wal], ids=["newer", "read-only", "foreign-wal"]
)
def test_refused_database_gets_no_files_beside_it(
    db_path: Path, make: Callable[[Path], None]
) -> None:
    make(db_path)
    assert files_beside(db_path) == [db_path.name]

    refusals = (DatabaseTooNewError, DatabaseReadOnlyError, NotOurDatabaseError)
    with pytest.raises(refusals), open_context(db_path):
        pass

    assert files_beside(db_path) == [db_path.name]


def xlsx_like(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")


def text_file(path: Path) -> None:
    path.write_text("Họ và tên;Năm sinh\nNguyễn Văn An;1980\n", encoding="utf-8")


def foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE khach_hang (id INTEGER PRIMARY KEY, ten TEXT)")
    conn.execute("INSERT INTO khach_hang (ten) VALUES ('Công ty A')")
    conn.commit()
    conn.close()


def damaged_sqlite(path: Path) -> None:
    path.write_bytes(schema.SQLITE_MAGIC + bytes(range(256)) * 20)


def unknown_revision(path: Path) -> None:
    make_newer_database(path, "abc123")


def two_revisions(path: Path) -> None:
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.close()


@pytest.mark.parametrize(
    "make",
    [xlsx_like, text_file, foreign_sqlite, damaged_sqlite, unknown_revision, two_revisions],
)
def test_files_that_are_not_ours_are_refused_untouched(
    db_path: Path, make: Callable[[Path], None]
) -> None:
    make(db_path)
    before = sha256(db_path)

    with pytest.raises(NotOurDatabaseError) as info:
        open_database(db_path)
    with pytest.raises(NotOurDatabaseError), open_context(db_path):
        pass

    assert "không phải cơ sở dữ liệu" in info.value.message
    assert sha256(db_path) == before
    assert not Path(f"{db_path}.lock").exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "thu-muc.db"
    folder.mkdir()
    with pytest.raises(NotOurDatabaseError, match="thư mục"):
        open_database(folder)
    assert list(folder.iterdir()) == []


def test_read_only_file_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).dispose()
    db_path.chmod(0o444)
    before = sha256(db_path)

    with pytest.raises(DatabaseReadOnlyError, match="chỉ đọc"):
        open_database(db_path)

    assert sha256(db_path) == before


def test_upgrade_to_0008_keeps_awards_and_leaves_their_new_columns_empty(db_path: Path) -> None:
    make_database_at(db_path, "0007")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO unit (id, name, name_fold, kind) VALUES (1, 'Tổ dân phố số 3', "
            "'to dan pho so 3', 'residential')"
        )
        conn.execute(
            "INSERT INTO award (subject_kind, unit_id, award_code, award_name, award_kind, year, "
            "decision_number, issuer, register_number, note) VALUES ('unit', 1, 'TTLDTT', "
            "'Tập thể lao động tiên tiến', 'title', 2024, '12/QĐ-UBND', 'Chủ tịch UBND xã', "
            "'45', '')"
        )
    conn.close()
    open_database(db_path).dispose()
    assert sqlite_query(
        db_path,
        "SELECT award_name, decision_number, register_number, decision_id, amount, "
        "register_seq, revoked_by_id, achievement FROM award",
    ) == [("Tập thể lao động tiên tiến", "12/QĐ-UBND", "45", None, None, None, None, "")]
    assert sqlite_query(db_path, "SELECT count(*) FROM nomination_round") == [(0,)]
