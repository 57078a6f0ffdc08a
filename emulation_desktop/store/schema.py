"""Schema version of a database file: inspection before opening, migration, refusal of newer files.

The revision list is kept here so that a normal start (database already at HEAD) never imports
Alembic; a test keeps it equal to the migration scripts.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from emulation_desktop.store.errors import (
    DatabaseError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    NotOurDatabaseError,
    translate_sqlite_error,
)

log = logging.getLogger(__name__)

REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
)  # fmt: skip
HEAD = REVISIONS[-1]
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True, slots=True)
class FileState:
    """What a database file holds before we touch it."""

    exists: bool
    is_empty: bool  # missing, zero bytes, or an SQLite file without tables
    revision: str | None  # None for an empty file


def inspect_file(path: Path) -> FileState:
    """Read-only look at `path`; raises NotOurDatabaseError for anything that is not ours."""
    if path.is_dir():
        raise NotOurDatabaseError(f"«{path}» là một thư mục, không phải tệp cơ sở dữ liệu.")
    if not path.exists():
        return FileState(exists=False, is_empty=True, revision=None)
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"Không đọc được tệp «{path}»: {exc.strerror or exc}.") from exc
    if not header:
        return FileState(exists=True, is_empty=True, revision=None)
    if header != SQLITE_MAGIC:
        raise _not_ours(path)
    try:
        conn = _read_only(path)
        try:
            tables = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                )
            }
            if not tables:
                return FileState(exists=True, is_empty=True, revision=None)
            if VERSION_TABLE not in tables:
                raise _not_ours(path)
            rows = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise translate_sqlite_error(exc, path) from exc
    if len(rows) != 1:
        raise _not_ours(path)
    return FileState(exists=True, is_empty=False, revision=str(rows[0][0]))


def _read_only(path: Path) -> sqlite3.Connection:
    # "immutable" opens a WAL-mode file without creating -wal/-shm beside it; only when a -wal
    # already exists (a crashed session) must SQLite read it, so the plain read-only mode is used.
    has_wal = Path(f"{path}-wal").exists()
    query = "?mode=ro" if has_wal else "?mode=ro&immutable=1"
    return sqlite3.connect(path.as_uri() + query, uri=True)


def _not_ours(path: Path) -> NotOurDatabaseError:
    return NotOurDatabaseError(
        f"Tệp «{path}» không phải cơ sở dữ liệu của chương trình Thi đua – Khen thưởng "
        "hoặc đã bị hỏng. Tệp được giữ nguyên; hãy chọn đúng tệp hoặc phục hồi từ bản sao lưu."
    )


def check_openable(path: Path, state: FileState) -> None:
    """Refuse newer or unknown schemas and files we could not write; never modifies the file."""
    if state.revision is not None and state.revision not in REVISIONS:
        if state.revision.isdigit() and int(state.revision) > int(HEAD):
            raise DatabaseTooNewError(
                f"Cơ sở dữ liệu «{path.name}» do phiên bản mới hơn của chương trình tạo ra "
                f"(cấu trúc số {int(state.revision)}, phiên bản này chỉ hiểu đến số {int(HEAD)}). "
                "Hãy cài phiên bản mới nhất của chương trình rồi mở lại; tệp được giữ nguyên."
            )
        raise _not_ours(path)
    folder = path.parent
    if not folder.is_dir():
        raise DatabaseError(f"Không có thư mục «{folder}» để tạo cơ sở dữ liệu.")
    if state.exists and not _writable_file(path):
        raise DatabaseReadOnlyError(
            f"Tệp cơ sở dữ liệu «{path}» đang ở chế độ chỉ đọc nên chương trình không thể lưu. "
            "Hãy bỏ thuộc tính chỉ đọc của tệp (hoặc chép tệp từ đĩa CD/USB khóa ghi vào máy) "
            "rồi mở lại."
        )
    if not os.access(folder, os.W_OK):
        raise DatabaseReadOnlyError(
            f"Thư mục «{folder}» không cho phép ghi nên không mở được cơ sở dữ liệu ở đó. "
            "Hãy chép tệp sang thư mục khác rồi mở lại."
        )


def _writable_file(path: Path) -> bool:
    # Mode bits too: os.access says yes to an administrator even on a read-only file.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def copy_before_migration(path: Path, revision: str) -> Path:
    """A full copy through the SQLite backup API, next to the database, before it is changed."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.truoc-nang-cap-{revision}-{stamp}{path.suffix or '.db'}")
    try:
        src = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
            src.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise DatabaseError(
            f"Chưa nâng cấp cơ sở dữ liệu vì không tạo được bản sao an toàn «{target.name}» "
            "(ổ đĩa đầy hoặc không cho phép ghi). Tệp cũ được giữ nguyên."
        ) from exc
    if ok != "ok":
        target.unlink(missing_ok=True)
        raise NotOurDatabaseError(
            f"Cơ sở dữ liệu «{path}» bị hỏng ({ok}); chưa nâng cấp. Hãy phục hồi từ bản sao lưu."
        )
    log.info("copied %s to %s before migrating from %s", path, target, revision)
    return target


def upgrade(engine: Engine) -> None:
    """Apply every pending Alembic migration in one connection."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def verify_head(engine: Engine) -> None:
    found = current_revision(engine)
    if found != HEAD:
        raise DatabaseError(
            f"Cơ sở dữ liệu chưa được nâng cấp đầy đủ (đang ở số {found}, cần {HEAD}). "
            "Hãy phục hồi bản sao tự động tạo trước khi nâng cấp."
        )


def remove_new_file(path: Path) -> None:
    """Remove a database this run created and could not finish (never an existing one)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
