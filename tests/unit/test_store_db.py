"""The engine and the session scope: durable pragmas, all-or-nothing writes, foreign keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import IntegrityError

from emulation_desktop.domain.enums import Gender, PersonKind, UnitKind
from emulation_desktop.domain.errors import UserError
from emulation_desktop.services.demo import DemoService
from emulation_desktop.services.overview import OverviewService
from emulation_desktop.store.db import (
    BUSY_TIMEOUT_MS,
    Database,
    create_sqlite_engine,
    open_database,
)
from emulation_desktop.store.errors import DatabaseError, DiskFullError
from emulation_desktop.store.models import CommuneProfileRow, HouseholdRow, PersonRow, UnitRow

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.dispose()


def pragmas(conn) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED_PRAGMAS}


def count(db: Database, row_type: type) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(row_type)).scalar_one()


def add_unit(db: Database, name: str = "Thôn Đông") -> int:
    with db.session_scope() as s:
        unit = UnitRow(name=name, kind=UnitKind.RESIDENTIAL)
        s.add(unit)
        s.flush()
        return unit.id


def person(unit_id: int, name: str = "Nguyễn Văn An") -> PersonRow:
    return PersonRow(full_name=name, gender=Gender.MALE, kind=PersonKind.NHAN_DAN, unit_id=unit_id)


# --- pragmas -----------------------------------------------------------------------------------


def test_busy_timeout_is_five_seconds() -> None:
    assert BUSY_TIMEOUT_MS == 5000


def test_pragmas_apply_to_every_connection(db: Database) -> None:
    # Two connections open at once are two DBAPI connections: each must get the pragmas.
    with db.engine.connect() as first, db.engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        assert pragmas(first) == EXPECTED_PRAGMAS
        assert pragmas(second) == EXPECTED_PRAGMAS


def test_pragmas_apply_again_after_the_pool_is_emptied(db: Database) -> None:
    db.engine.dispose()
    with db.engine.connect() as conn:
        assert pragmas(conn) == EXPECTED_PRAGMAS


def test_pragmas_apply_inside_sessions(db: Database) -> None:
    with db.session_scope() as s:
        values = {name: s.execute(text(f"PRAGMA {name}")).scalar() for name in EXPECTED_PRAGMAS}
    assert values == EXPECTED_PRAGMAS


def test_a_bare_engine_on_a_new_file_gets_the_pragmas(tmp_path: Path) -> None:
    engine = create_sqlite_engine(tmp_path / "moi.db")
    try:
        with engine.connect() as conn:
            assert pragmas(conn) == EXPECTED_PRAGMAS
    finally:
        engine.dispose()


def test_wal_mode_is_stored_in_the_file(db: Database, db_path: Path) -> None:
    db.dispose()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_dispose_leaves_only_the_database_file(db: Database, db_path: Path) -> None:
    add_unit(db)
    db.dispose()
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [
        db_path.name
    ]


# --- session scope -----------------------------------------------------------------------------


def test_session_scope_commits_on_success(db: Database) -> None:
    unit_id = add_unit(db)
    with db.session_scope() as s:
        s.add(person(unit_id))
    assert count(db, PersonRow) == 1


def test_session_scope_rolls_back_on_error(db: Database) -> None:
    unit_id = add_unit(db)

    with pytest.raises(RuntimeError, match="boom"), db.session_scope() as s:
        s.add(person(unit_id, "Trần Thị Bình"))
        s.flush()  # the row reached the database inside the transaction
        s.get(UnitRow, unit_id).name = "Thôn Tây"
        raise RuntimeError("boom")

    assert count(db, PersonRow) == 0
    with db.session_scope() as s:
        assert s.get(UnitRow, unit_id).name == "Thôn Đông"


def test_sqlite_failure_leaves_as_a_vietnamese_error_and_rolls_back(db: Database) -> None:
    unit_id = add_unit(db)

    with pytest.raises(DatabaseError) as info, db.session_scope() as s:
        s.add(person(unit_id))
        s.flush()
        s.execute(text("SELECT * FROM bang_khong_co"))

    assert isinstance(info.value, UserError)
    assert "Lỗi cơ sở dữ liệu" in info.value.message
    assert count(db, PersonRow) == 0


# --- foreign keys ------------------------------------------------------------------------------


def test_person_with_a_missing_unit_is_refused_and_nothing_is_written(db: Database) -> None:
    unit_id = add_unit(db)

    with pytest.raises(IntegrityError, match="FOREIGN KEY"), db.session_scope() as s:
        s.add(person(unit_id, "Lê Văn Cường"))  # valid, in the same transaction
        s.flush()
        s.add(person(unit_id + 999, "Phạm Thị Dung"))

    assert count(db, PersonRow) == 0


def test_unit_in_use_cannot_be_deleted(db: Database) -> None:
    unit_id = add_unit(db)
    with db.session_scope() as s:
        s.add(person(unit_id))

    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM unit WHERE id = :id"), {"id": unit_id})

    assert count(db, UnitRow) == 1


# --- a full disk -------------------------------------------------------------------------------


def test_full_disk_during_demo_load_writes_nothing(db: Database) -> None:
    with db.engine.connect() as conn:
        pages_now = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    def small_disk(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Room for a few pages more than the empty schema: the demo needs hundreds.
        dbapi_conn.execute(f"PRAGMA max_page_count={pages_now + 8}")

    event.listen(db.engine, "connect", small_disk)
    db.engine.dispose()  # the pooled connections were made before the listener

    with pytest.raises(DiskFullError) as info:
        DemoService(db).load()

    assert "đầy" in info.value.message
    assert "Ổ đĩa" in info.value.message
    assert count(db, PersonRow) == 0
    assert count(db, UnitRow) == 0
    assert count(db, HouseholdRow) == 0
    assert count(db, CommuneProfileRow) == 0

    # With room again the same database takes the demo: the failure left it usable.
    event.remove(db.engine, "connect", small_disk)
    db.engine.dispose()
    counts = DemoService(db).load()
    assert OverviewService(db).summary().people == counts.people > 0


def test_demo_twice_is_refused_and_changes_nothing(db: Database) -> None:
    first = DemoService(db).load()

    with pytest.raises(UserError, match="đã có dữ liệu"):
        DemoService(db).load()

    assert count(db, PersonRow) == first.people
    assert count(db, UnitRow) == first.units
    assert count(db, HouseholdRow) == first.households
