"""Restore a verified snapshot into the live database, atomically, while the program holds it open.

Why this is atomic (tech-notes §5, sqlite.org/backup.html, sqlite.org/howtocorrupt.html §1):

- The file is never replaced. `os.replace()` of the .db under an open connection, or beside a
  stale -wal, mixes pages of two databases. Instead the SQLite backup API copies the snapshot's
  pages *through SQLite* into a connection on the live file.
- The first `sqlite3_backup_step()` opens a write transaction on the destination and keeps it
  until the last step commits; all steps, however many, belong to ONE transaction. Pages that
  overflow the cache before the commit are written to the WAL as frames without a commit record
  (in rollback-journal mode: only after the old page is saved in the journal).
- Other connections (the program's own pool, another reader) see the last committed database
  until the commit, then the whole new one: the old or the new, never a mix.
- If the process dies or the power fails before the commit, the next opener ignores WAL frames
  after the last commit record (or plays back the hot journal): the live file is the old
  database. After the commit (synchronous=FULL syncs the WAL) it is the new one.
- An error or an exception from `progress` aborts the operation: `sqlite3_backup_finish()`
  rolls the destination transaction back. So `progress` may raise to cancel.

The caller (the service) refuses newer schemas with a friendly preview, takes the safety backup,
and after the restore disposes its engine and re-opens the database, which migrates a snapshot
from an older version. This module still refuses a snapshot the program could not open, because
once restored it would lock the user out of their own data.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from emulation_desktop.domain.errors import UserError
from emulation_desktop.store import schema
from emulation_desktop.store.db import create_sqlite_engine

log = logging.getLogger(__name__)

STEP_PAGES = 1024  # 4 MiB per step at the default page size: ~25 progress calls for 100 MB
STALL_SECONDS = 15.0  # give up when another connection keeps the live database locked this long


class RestoreError(UserError):
    """The snapshot was not restored; the live database is as it was before."""


class _Stalled(Exception):
    pass


def is_newer_schema(revision: str | None) -> bool:
    """True when `revision` comes from a newer version of the program than this one.

    Revisions are numbered "0001", "0002", ...; an unknown non-numeric revision is not "newer",
    it is foreign, and `restore_into` refuses it with its own message.
    """
    if revision is None or revision in schema.REVISIONS:
        return False
    return revision.isdigit() and int(revision) > int(schema.HEAD)


def snapshot_revision(snapshot: Path) -> str | None:
    """The Alembic revision stored in `snapshot`, or None when it holds none or cannot be read.

    Opened read-only and immutable: looking at a file on a USB stick creates no -wal/-shm next to
    it and takes no lock. None is enough for a preview; `restore_into` says precisely what is
    wrong with such a file.
    """
    try:
        conn = _open_read_only(Path(snapshot))
    except (sqlite3.Error, OSError):
        return None
    try:
        return _revision(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def restore_into(
    live_db: Path,
    snapshot: Path,
    *,
    progress: Callable[[float], None] | None = None,
    pages: int = STEP_PAGES,
) -> None:
    """Replace the content of `live_db` by that of `snapshot`, in one transaction (see module).

    The snapshot is checked first (integrity, a revision this program knows); the live database
    is copied aside, restored, checked with PRAGMA integrity_check and put back from the copy if
    the check fails. `progress` receives 0.0 … 1.0 and may raise to cancel; `pages` is the step
    size (smaller steps: a smoother progress bar).

    Raises:
        RestoreError: `live_db` holds what it held before (the one exception, the old data not
            going back after a failed check, says so and names the copy it kept).
    """
    live_db, snapshot = Path(live_db), Path(snapshot)
    _check_snapshot(snapshot)
    report = progress or (lambda _fraction: None)
    report(0.0)
    engine = create_sqlite_engine(live_db)  # the program's pragmas: WAL, FULL, busy_timeout
    try:
        raw = _connect(engine, live_db)
        try:
            live: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
            with tempfile.TemporaryDirectory(
                prefix="thiduakt-phuc-hoi-",
                ignore_cleanup_errors=True,  # antivirus on Windows
            ) as folder:
                undo = Path(folder) / "truoc-phuc-hoi.db"
                source = _with_page_size_of(live, snapshot, Path(folder))
                _copy_aside(live, undo)
                _restore_pages(live, source, live_db, report, pages)
                problem = _integrity(live)
                if problem is not None:
                    log.error(
                        "restored %s is damaged (%s); putting the old one back", live_db, problem
                    )
                    _put_back(live, undo, live_db)
                    raise RestoreError(
                        f"Bản sao lưu «{snapshot.name}» chép vào máy bị lỗi khi kiểm tra lại nên "
                        "chưa phục hồi; dữ liệu hiện tại được giữ nguyên. Hãy kiểm tra ổ đĩa của "
                        "máy rồi thử lại."
                    )
            # Move the new pages from the WAL into the .db while nobody else writes; PASSIVE never
            # waits for readers (the next close finishes what it could not).
            with contextlib.suppress(sqlite3.Error):
                live.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            raw.close()
    finally:
        engine.dispose()
    report(1.0)
    log.info("restored %s from %s", live_db, snapshot)


# --- the steps ---------------------------------------------------------------------------------


def _check_snapshot(snapshot: Path) -> None:
    name = snapshot.name
    if not snapshot.is_file():
        raise RestoreError(f"Không tìm thấy tệp «{snapshot}» (ổ USB có bị rút ra không?).")
    try:
        conn = _open_read_only(snapshot)
        try:
            problem = _integrity(conn)
            revision = _revision(conn) if problem is None else None
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        log.warning("snapshot %s unreadable: %s", snapshot, exc)
        problem, revision = str(exc), None
    if problem is not None:
        raise RestoreError(
            f"Tệp «{name}» không phải bản sao cơ sở dữ liệu hoặc đã bị hỏng nên không phục hồi "
            "được; dữ liệu hiện tại được giữ nguyên. Hãy chọn một bản sao lưu khác."
        )
    if is_newer_schema(revision):
        raise RestoreError(
            f"Bản sao lưu «{name}» do phiên bản mới hơn của chương trình tạo ra (cấu trúc số "
            f"{int(revision or 0)}, phiên bản này chỉ hiểu đến số {int(schema.HEAD)}). Hãy cài "
            "phiên bản mới nhất của chương trình rồi phục hồi; dữ liệu hiện tại được giữ nguyên."
        )
    if revision not in schema.REVISIONS:
        raise RestoreError(
            f"Tệp «{name}» không phải bản sao lưu của chương trình Thi đua – Khen thưởng nên không "
            "phục hồi được; dữ liệu hiện tại được giữ nguyên."
        )


def _with_page_size_of(live: sqlite3.Connection, snapshot: Path, folder: Path) -> Path:
    """`snapshot`, or a copy of it in `folder` re-paged to the live database's page size.

    The backup API cannot change the page size of a WAL database (it fails with "attempt to
    write a readonly database"). Every file this program writes has the default 4 KiB pages, so
    the copy is only made for a snapshot that some other tool rewrote.
    """
    try:
        wanted = int(live.execute("PRAGMA page_size").fetchone()[0])
        source = _open_read_only(snapshot)
        try:
            if int(source.execute("PRAGMA page_size").fetchone()[0]) == wanted:
                return snapshot
            copy = folder / "ban-sao-doi-co-trang.db"
            target = sqlite3.connect(copy)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # VACUUM cannot re-page in WAL
                target.execute(f"PRAGMA page_size={wanted}")
                target.execute("VACUUM")
            finally:
                target.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise _failure(exc, "Chưa phục hồi vì không chuẩn bị được bản sao lưu") from exc
    log.info("snapshot %s re-paged to %d bytes", snapshot, wanted)
    return copy


def _copy_aside(live: sqlite3.Connection, undo: Path) -> None:
    try:
        target = sqlite3.connect(undo)
        try:
            live.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # one plain file, should it be kept
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise _failure(exc, "Chưa phục hồi vì không chép tạm được dữ liệu hiện tại") from exc


def _restore_pages(
    live: sqlite3.Connection,
    snapshot: Path,
    live_db: Path,
    report: Callable[[float], None],
    pages: int,
) -> None:
    waiting_since: float | None = None

    def step(status: int, remaining: int, total: int) -> None:
        nonlocal waiting_since
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            # Python's backup loop retries a locked destination for ever; a database held by a
            # long write elsewhere must end in a message, not a frozen progress bar.
            now = time.monotonic()
            waiting_since = waiting_since or now
            if now - waiting_since > STALL_SECONDS:
                raise _Stalled
            return
        waiting_since = None
        if total:
            report(min((total - remaining) / total, 1.0) * 0.99)

    try:
        source = _open_read_only(snapshot)
        try:
            source.backup(live, pages=max(1, pages), progress=step)
        finally:
            source.close()
    except _Stalled as exc:
        raise RestoreError(
            f"Cơ sở dữ liệu «{live_db.name}» đang bận ghi ở nơi khác nên chưa phục hồi được; "
            "dữ liệu hiện tại được giữ nguyên. Hãy đóng các cửa sổ khác của chương trình rồi thử "
            "lại."
        ) from exc
    except (sqlite3.Error, OSError) as exc:
        raise _failure(exc, f"Không phục hồi được vào «{live_db.name}»") from exc


def _put_back(live: sqlite3.Connection, undo: Path, live_db: Path) -> None:
    try:
        source = sqlite3.connect(undo)
        try:
            source.backup(live)
        finally:
            source.close()
    except sqlite3.Error as exc:
        # The temporary folder goes away with this exception: keep the old data beside the
        # database, where the officer (or whoever helps them) can find it.
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = live_db.with_name(f"{live_db.stem}.truoc-phuc-hoi-{stamp}{live_db.suffix or '.db'}")
        try:
            shutil.copyfile(undo, kept)
        except OSError:
            log.critical("could not put %s back, nor keep %s", live_db, undo, exc_info=True)
            kept_text = "bản sao an toàn tạo trước khi phục hồi (mục Sao lưu)"
        else:
            log.critical("could not put %s back; old data kept in %s", live_db, kept)
            kept_text = f"tệp «{kept.name}» cạnh cơ sở dữ liệu"
        raise RestoreError(
            f"Phục hồi vào «{live_db.name}» bị lỗi và không đưa lại được dữ liệu cũ. Dữ liệu cũ "
            f"còn trong {kept_text}; hãy phục hồi từ đó."
        ) from exc


# --- helpers -----------------------------------------------------------------------------------


def _connect(engine: Any, live_db: Path) -> Any:
    """A pooled DB-API connection on the live file, with SQLite's failure said in Vietnamese."""
    try:
        return engine.raw_connection()
    except Exception as exc:  # bare, or wrapped by SQLAlchemy (which backup/ does not import)
        cause = exc if isinstance(exc, sqlite3.Error) else getattr(exc, "orig", None)
        if isinstance(cause, sqlite3.Error):
            raise _failure(cause, f"Không mở được «{live_db.name}» để phục hồi") from exc
        raise


def _open_read_only(path: Path) -> sqlite3.Connection:
    # Immutable: no lock and no -wal/-shm created beside a file on a stick. A -wal already there
    # holds committed pages that immutable mode would skip, so then plain read-only is used.
    has_wal = Path(f"{path}-wal").exists()
    query = "?mode=ro" if has_wal else "?mode=ro&immutable=1"
    return sqlite3.connect(path.resolve().as_uri() + query, uri=True)


def _revision(conn: sqlite3.Connection) -> str | None:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (schema.VERSION_TABLE,)
    ).fetchone()
    if found is None:
        return None
    rows = conn.execute(f"SELECT version_num FROM {schema.VERSION_TABLE}").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def _integrity(conn: sqlite3.Connection) -> str | None:
    """None when PRAGMA integrity_check says "ok", else its first complaint."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    first = str(rows[0][0]) if rows else "no answer"
    return None if first == "ok" and len(rows) == 1 else first


def _failure(exc: BaseException, what: str) -> RestoreError:
    """`what` happened because of `exc`, said so that the officer knows what to fix."""
    text = str(exc).lower()
    log.warning("%s: %s", what, exc)
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        reason = "ổ đĩa đã đầy, hãy giải phóng dung lượng"
    elif "locked" in text or "busy" in text:
        reason = "cơ sở dữ liệu đang bị chương trình khác giữ, hãy đóng chương trình đó"
    elif "readonly" in text or "read-only" in text:
        reason = "tệp chỉ cho phép đọc, hãy bỏ thuộc tính chỉ đọc"
    else:
        reason = "lỗi đọc hoặc ghi đĩa, chi tiết đã ghi vào tệp nhật ký"
    return RestoreError(f"{what} ({reason}); dữ liệu hiện tại được giữ nguyên. Hãy thử lại.")
