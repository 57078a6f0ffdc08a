"""A backup is one file: a verified snapshot of the database, its manifest and the attachments.

The commune's only copy of years of work travels on USB sticks that get pulled out, fill up and
go bad, from an office PC whose power fails. So a backup is written to a temporary name, synced,
renamed, then read back and verified before anyone is told it exists; every byte of the file is
under a check; and reading one refuses anything this program did not write.

FORMAT (version 1)
------------------
Unencrypted (``.tdkt``): a ZIP file (see `container`), entries stored, in this order::

    manifest.json            the Manifest as UTF-8 JSON (format, versions, commune, date,
                             row counts per table, name/size/SHA-256 of every other entry)
    db.sqlite3               the snapshot: taken with the SQLite backup API, switched to
                             journal_mode=DELETE (no -wal/-shm ever appear beside it),
                             PRAGMA integrity_check == "ok"
    attachments/<path>       the attachments folder's files, if any (POSIX relative paths)

and the archive comment ``TDKT-SHA256:<hex>``: SHA-256 of every byte before the comment except
the data of db.sqlite3 and the attachments (the manifest's SHA-256s cover those). Renamed to
.zip, the file opens in any ZIP tool, so the data can be recovered even without this program.

Encrypted: a 64-byte header (magic ``TDKTENC1``, scrypt parameters and salt, key check, CRC-32),
then the same ZIP bytes sealed with AES-256-GCM in 1 MiB chunks (see `crypto`).

Newer versions keep two things so that this version can say "made by a newer program"
(BackupTooNewError) instead of "damaged": the encrypted header's magic, version, length and
final CRC-32; and manifest.json as the first, stored ZIP entry with its ``format_version``.

Reading checks, in order: what kind of file it is (NotABackupError if neither mark is there),
the encrypted header's CRC, the password (PasswordRequiredError, WrongPasswordError from the
key check), the manifest's CRC-32 and form, its format version and schema revision
(BackupTooNewError), the end records and central directory, which must list exactly the
manifest's parts at exactly the offsets that tile the file. `read_manifest` stops there.
`verify_backup` then reads everything once: each local header equals what the central
directory implies, each part's size and SHA-256, the comment's digest; the database part is
written to a temporary file and must pass PRAGMA integrity_check with the manifest's row counts
and revision. Any failure is BackupDamagedError; nothing is ever read beyond declared sizes and
no name outside the manifest (or with "..", a drive, a backslash) is ever accepted.

WRITING
-------
Before any work, the destination is refused (DestinationError) if its folder is missing, not
writable, is the folder holding the database itself or lies in the attachments folder (a
backup there would be swept into the next one), already holds a file of that name, or has less
room than the database (+ -wal) × 1.1 + 1 MB + the attachments. Subfolders of the data folder
are allowed: the automatic rotating backups live in one. Then: snapshot into a private temporary
folder (one read transaction, so writers go on and the copy is one state), integrity_check,
counts, SHA-256 and CRC-32 of every part, write ``.~<name>.tmp`` beside `dest`, fsync, rename,
fsync the folder, read back with `verify_backup`'s checks. Any failure or cancel removes the
temporary file and `dest`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hashlib
import logging
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from emulation_desktop import APP_SLUG, __version__
from emulation_desktop.backup import container, crypto
from emulation_desktop.backup.errors import (
    BackupCancelled,
    BackupDamagedError,
    BackupError,
    BackupTooNewError,
    Corruption,
    DestinationError,
    NotABackupError,
    PasswordRequiredError,
    WrongPasswordError,
)
from emulation_desktop.backup.manifest import (
    ATTACHMENTS_PREFIX,
    DB_PART,
    FORMAT_VERSION,
    MANIFEST_NAME,
    MAX_PARTS,
    Manifest,
    ManifestError,
    ManifestTooNewError,
    Part,
    check_part_name,
)
from emulation_desktop.domain.text import thousands
from emulation_desktop.store import schema

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".tdkt"
Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

_MB = 1 << 20
_BLOCK = container.BLOCK
# Progress of create_backup: snapshot, hashing, writing, reading back.
_STAGES = (0.0, 0.3, 0.4, 0.75, 1.0)
# Errors that mean "the drive is gone or failing" rather than "the drive says no".
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


class _Stop(Exception):
    """Internal: the officer cancelled."""


# --- names ------------------------------------------------------------------------------------


def backup_file_name(commune_slug: str, when: dt.datetime) -> str:
    """ "ThiDuaKhenThuong-Cat-Thanh-2026-11-24-1830.tdkt": ASCII (FAT32, any stick, any PC),
    sortable by date, no ":" (Windows refuses it). Making it unique is the caller's job."""
    decomposed = unicodedata.normalize("NFD", commune_slug.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    slug = re.sub(r"[^A-Za-z0-9]+", "-", bare).strip("-")[:60].rstrip("-")
    stem = "-".join(s for s in (APP_SLUG, slug, when.strftime("%Y-%m-%d-%H%M")) if s)
    return stem + BACKUP_SUFFIX


# --- progress and cancellation -----------------------------------------------------------------


class _Tracker:
    """Turns work done in a stage into one rising fraction, and asks about cancelling."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self._progress, self._cancelled = progress, cancelled
        self._low, self._high, self._total, self._done = 0.0, 1.0, 1, 0
        self._shown = -1.0

    def stage(self, low: float, high: float, total: int) -> None:
        self._low, self._high, self._total, self._done = low, high, max(total, 1), 0
        self._report(low)

    def restage(self, total: int) -> None:
        """The same share of the bar, now measured in `total` units."""
        self.stage(self._low, self._high, total)

    def set(self, done: int, total: int) -> None:
        self._total, self._done = max(total, 1), 0
        self.advance(done)

    def advance(self, n: int) -> None:
        self._done += n
        self.check()
        share = min(self._done / self._total, 1.0)
        self._report(self._low + (self._high - self._low) * share)

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise _Stop()

    def _report(self, value: float) -> None:
        # At most ~200 calls per backup: a GUI signal per MiB would flood a slow PC's event loop.
        value = min(value, 1.0)
        if self._progress is not None and (
            value >= self._shown + 0.005 or (value == 1.0 and self._shown < 1.0)
        ):
            self._shown = value
            self._progress(value)


_QUIET = _Tracker(None, None)


# --- writing -----------------------------------------------------------------------------------


def create_backup(
    db_path: Path,
    dest: Path,
    *,
    commune: str,
    attachments: Path | None = None,
    password: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    note: str = "",
) -> Manifest:
    """Write a verified backup of the live database `db_path` (and `attachments`) to `dest`.

    `dest` must not exist yet; its folder must exist, take files and have room. On any error
    or cancellation nothing that looks like a backup is left at `dest`, and the database is
    untouched (it is only read, through SQLite, while other connections may keep writing).
    """
    db_path, dest = Path(db_path), Path(dest)
    if password is not None and not password:
        raise BackupError(
            "Mật khẩu sao lưu đang để trống; hãy nhập mật khẩu hoặc bỏ chọn đặt mật khẩu."
        )
    if not db_path.is_file():
        raise BackupError(f"Không tìm thấy cơ sở dữ liệu «{db_path}» để sao lưu.")
    files = _attachment_files(attachments)
    _check_destination(dest, db_path, attachments, files)
    tracker = _Tracker(progress, cancelled)
    folder = dest.parent
    tmp = folder / f".~{dest.name}.tmp"
    try:
        # Claimed exclusively: a second backup started at the same moment (another window,
        # the command line) must stop here, not write into this one's file.
        with tmp.open("xb"):
            pass
    except FileExistsError:
        raise DestinationError(
            f"Đang có một bản sao lưu khác được ghi vào «{folder}»; hãy đợi xong rồi thử lại."
        ) from None
    except OSError as exc:
        raise _destination_error(exc, folder) from exc
    workdir = Path(tempfile.mkdtemp(prefix="tdkt-sao-luu-"))
    replaced = False
    try:
        snapshot = workdir / DB_PART
        row_counts, revision = _snapshot(db_path, snapshot, tracker)
        tracker.stage(_STAGES[1], _STAGES[2], snapshot.stat().st_size + sum(s for _, _, s in files))
        db_sum = _summarise(snapshot, DB_PART, tracker)
        sums = [db_sum] + [_summarise(path, name, tracker) for name, path, _ in files]
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            program_version=__version__,
            schema_revision=revision,
            commune=commune,
            created_at=dt.datetime.now().astimezone().replace(microsecond=0),
            row_counts=row_counts,
            parts=tuple(s.part for s in sums),
            encrypted=password is not None,
            note=note,
        )
        sealed = crypto.new_header(password) if password is not None else None
        sources = [snapshot] + [path for _, path, _ in files]
        tracker.stage(_STAGES[2], _STAGES[3], sum(s.part.size for s in sums))
        _write_file(tmp, manifest, list(zip(sums, sources, strict=True)), sealed, tracker)
        tracker.check()  # the last moment a cancel leaves nothing behind without deleting
        _destination_call(_replace, tmp, dest, folder=folder)
        replaced = True
        _sync_folder(folder)
        tracker.stage(_STAGES[3], _STAGES[4], sum(s.part.size for s in sums))
        known = (sealed[0].raw, sealed[1]) if sealed else None
        try:
            with dest.open("rb") as f:
                # Hashes only: the bytes read back equal the snapshot that already passed
                # integrity_check before it was written, so a second check proves nothing new
                # and would double the time of every backup.
                _read_open(
                    dest,
                    f,
                    password,
                    known=known,
                    verify=True,
                    tracker=tracker,
                    check_database=False,
                )
        except OSError as exc:
            raise _destination_error(exc, folder) from exc
        except (Corruption, BackupDamagedError) as exc:
            log.error("backup %s did not read back: %s", dest, exc)
            raise DestinationError(
                f"Bản sao lưu vừa ghi ra «{dest}» đọc lại không khớp (ổ đĩa có thể bị lỗi) nên "
                "đã bị xóa; hãy sao lưu lại hoặc dùng ổ USB khác."
            ) from exc
        tracker.stage(1.0, 1.0, 1)
        log.info("backup written and verified: %s", dest)
        return manifest
    except _Stop:
        _remove(tmp, dest if replaced else None)
        raise BackupCancelled.create() from None
    except BaseException:
        _remove(tmp, dest if replaced else None)
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _remove(tmp: Path, dest: Path | None) -> None:
    for path in (tmp, dest):
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _attachment_files(folder: Path | None) -> list[tuple[str, Path, int]]:
    """(part name, path, size) of every regular file below `folder`, sorted by name."""
    if folder is None or not Path(folder).exists():
        return []
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(f"«{folder}» không phải thư mục tệp đính kèm.")
    files = []
    try:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                path = Path(root) / name
                if path.is_symlink() or not path.is_file():
                    continue  # a link could point anywhere on the PC
                rel = path.relative_to(folder).as_posix()
                part = ATTACHMENTS_PREFIX + rel
                try:
                    check_part_name(part)
                except ManifestError:
                    raise BackupError(
                        f"Tệp đính kèm «{rel}» có tên không dùng được trên Windows; "
                        "hãy đổi tên tệp đó rồi sao lưu lại."
                    ) from None
                files.append((part, path, path.stat().st_size))
    except OSError as exc:
        log.warning("listing attachments in %s failed: %r", folder, exc)
        raise BackupError(
            f"Không đọc được thư mục tệp đính kèm «{folder}»; hãy kiểm tra thư mục đó rồi sao "
            "lưu lại."
        ) from exc
    if len(files) >= MAX_PARTS:
        raise BackupError(
            f"Thư mục tệp đính kèm có hơn {thousands(MAX_PARTS - 1)} tệp, quá nhiều cho một "
            "bản sao lưu; hãy chuyển bớt tệp cũ ra ngoài rồi sao lưu lại."
        )
    files.sort()
    folded = [unicodedata.normalize("NFC", name).casefold() for name, _, _ in files]
    if len(set(folded)) != len(folded):
        raise BackupError(
            "Thư mục tệp đính kèm có hai tệp trùng tên (chỉ khác chữ hoa, chữ thường); "
            "hãy đổi tên một tệp rồi sao lưu lại."
        )
    return files


def _check_destination(
    dest: Path, db_path: Path, attachments: Path | None, files: list[tuple[str, Path, int]]
) -> None:
    """Refuse before any work: the officer learns at once, and nothing half-written is left."""
    folder = dest.parent
    if not folder.is_dir():
        raise DestinationError(
            f"Không thấy thư mục «{folder}» (ổ USB chưa cắm hoặc đã bị rút ra); "
            "hãy cắm lại ổ USB hoặc chọn nơi lưu khác."
        )
    if dest.exists() or dest.is_symlink():
        raise DestinationError(
            f"Ở «{folder}» đã có tệp «{dest.name}»; hãy chọn tên khác để không ghi đè lên nó."
        )
    if _same_or_inside(folder, db_path.parent, strict=True) or (
        attachments is not None and _same_or_inside(folder, Path(attachments))
    ):
        raise DestinationError(
            f"Không sao lưu vào chính thư mục dữ liệu «{folder}» của chương trình; "
            "hãy chọn ổ USB hoặc một thư mục khác."
        )
    if not os.access(folder, os.W_OK):
        raise DestinationError(_read_only_message(folder))
    try:
        db_size = db_path.stat().st_size
        wal = Path(f"{db_path}-wal")
        db_size += wal.stat().st_size if wal.exists() else 0
        free = shutil.disk_usage(folder).free
        temp_free = shutil.disk_usage(tempfile.gettempdir()).free
    except OSError as exc:
        raise _destination_error(exc, folder) from exc
    need = int(db_size * 1.1) + _MB + sum(size for _, _, size in files)
    if free < need:
        raise DestinationError(
            f"Ổ chứa «{folder}» chỉ còn {free / _MB:.0f} MB trống, bản sao lưu cần khoảng "
            f"{need / _MB:.0f} MB; hãy xóa bớt tệp trên ổ hoặc dùng ổ khác."
        )
    if temp_free < int(db_size * 1.1) + _MB:
        raise BackupError(
            f"Ổ đĩa của máy không còn đủ chỗ trống để chuẩn bị bản sao lưu (cần khoảng "
            f"{(db_size * 1.1 + _MB) / _MB:.0f} MB); hãy giải phóng dung lượng ổ C rồi thử lại."
        )


def _same_or_inside(path: Path, root: Path, strict: bool = False) -> bool:
    """Is `path` `root` (or, unless strict, below it)? Case-insensitive where the OS is."""
    try:
        a = os.path.normcase(str(path.resolve()))
        b = os.path.normcase(str(root.resolve()))
    except OSError:
        return False
    if a == b:
        return True
    return not strict and a.startswith(b.rstrip(os.sep) + os.sep)


def _read_only_message(folder: Path) -> str:
    return (
        f"Không ghi được vào «{folder}»: ổ đĩa hoặc thư mục chỉ cho phép đọc; hãy gạt khóa ghi "
        "trên ổ USB hoặc chọn nơi lưu khác."
    )


def _destination_error(exc: OSError, folder: Path) -> DestinationError:
    """What a failed write to the destination means for the officer."""
    log.warning("writing the backup to %s failed: %r", folder, exc)
    if exc.errno in _FULL_ERRNOS:
        return DestinationError(
            f"Ổ chứa «{folder}» đã đầy nên chưa sao lưu được; hãy xóa bớt tệp trên ổ hoặc dùng "
            "ổ khác rồi sao lưu lại."
        )
    if exc.errno == errno.EFBIG:
        return DestinationError(
            f"Ổ chứa «{folder}» không nhận tệp lớn như bản sao lưu này (ổ định dạng FAT32 chỉ "
            "nhận tệp dưới 4 GB); hãy dùng ổ định dạng exFAT hoặc NTFS."
        )
    if exc.errno in _READ_ONLY_ERRNOS:
        return DestinationError(_read_only_message(folder))
    return DestinationError(
        f"Ổ USB đã bị rút ra hoặc không ghi được vào «{folder}»; hãy cắm lại ổ rồi sao lưu lại "
        "(bản dở dang không được giữ lại)."
    )


def _destination_call(fn: Callable[..., object], *args: object, folder: Path) -> object:
    try:
        return fn(*args)
    except OSError as exc:
        raise _destination_error(exc, folder) from exc


def _replace(src: Path, dst: Path) -> None:
    """os.replace, retried briefly on Windows, where an antivirus or the search indexer often
    holds a file it has just seen being written (PermissionError for a moment)."""
    for attempt in range(5):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 4:
                raise
            time.sleep(0.2)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handle to sync."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems (and FUSE drivers) refuse; the read-back decides
        log.info("could not sync folder %s: %r", folder, exc)
    finally:
        os.close(fd)


def _snapshot(db_path: Path, out: Path, tracker: _Tracker) -> tuple[dict[str, int], str]:
    """Copy the live database through SQLite into `out`; return (row counts, revision).

    The source connection holds one read transaction across all backup steps, so the copy is
    one consistent state even while other connections write (in WAL mode they are not
    blocked), and the backup never restarts from the beginning because of their writes.
    """
    tracker.stage(_STAGES[0], _STAGES[1], 1)

    def step(_status: int, remaining: int, total: int) -> None:
        tracker.set(total - remaining, total)

    src = dst = None
    try:
        uri = db_path.resolve().as_uri() + "?mode=rw"  # rw: never create a missing file
        src = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=10)
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dst = sqlite3.connect(out, isolation_level=None)
        dst.execute("PRAGMA synchronous=OFF")  # a temporary file: the final file gets the fsync
        src.backup(dst, pages=1024, progress=step)
        src.execute("COMMIT")
        src.close()
        src = None
        mode = dst.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        tracker.check()
        problems = [row[0] for row in dst.execute("PRAGMA integrity_check")]
        if mode != "delete" or problems != ["ok"]:
            log.error("snapshot of %s fails its check: %s %s", db_path, mode, problems[:10])
            raise BackupError(
                f"Cơ sở dữ liệu «{db_path.name}» đang có lỗi nên bản sao lưu sẽ không dùng được; "
                "hãy phục hồi từ một bản sao lưu cũ hoặc nhờ cán bộ kỹ thuật kiểm tra."
            )
        return _row_counts(dst), _revision(dst)
    except sqlite3.Error as exc:
        log.exception("snapshot of %s failed", db_path)
        text = str(exc).lower()
        if "full" in text:
            raise BackupError(
                "Ổ đĩa của máy đã đầy nên không chuẩn bị được bản sao lưu; hãy giải phóng dung "
                "lượng ổ C rồi thử lại."
            ) from exc
        if "locked" in text or "busy" in text:
            raise BackupError(
                "Cơ sở dữ liệu đang bận ghi nên chưa sao lưu được; hãy đợi một lát rồi thử lại."
            ) from exc
        raise BackupError(
            f"Không đọc được cơ sở dữ liệu «{db_path.name}» để sao lưu; hãy đóng các chương "
            "trình khác đang mở tệp đó rồi thử lại."
        ) from exc
    finally:
        for conn in (src, dst):
            if conn is not None:
                conn.close()


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
        )
    ]
    quoted = {name: '"' + name.replace('"', '""') + '"' for name in names}
    return {
        name: conn.execute(f"SELECT count(*) FROM {quoted[name]}").fetchone()[0] for name in names
    }


def _revision(conn: sqlite3.Connection) -> str:
    """The Alembic revision, or "" for a database without one (not made by this program)."""
    try:
        rows = conn.execute(f"SELECT version_num FROM {schema.VERSION_TABLE}").fetchall()
    except sqlite3.OperationalError:
        return ""
    return str(rows[0][0]) if len(rows) == 1 else ""


@dataclass(frozen=True)
class _Summary:
    part: Part
    crc: int


def _summarise(path: Path, name: str, tracker: _Tracker) -> _Summary:
    """Size, SHA-256 and CRC-32 of a file about to be stored (the manifest comes first)."""
    sha, crc, size = hashlib.sha256(), 0, 0
    for block in _read_source(path, name):
        sha.update(block)
        crc = zlib.crc32(block, crc)
        size += len(block)
        tracker.advance(len(block))
    return _Summary(Part(name, size, sha.hexdigest()), crc)


def _read_source(path: Path, name: str) -> Iterator[bytes]:
    try:
        with path.open("rb") as f:
            while block := f.read(_BLOCK):
                yield block
    except OSError as exc:
        log.warning("reading %s failed: %r", path, exc)
        what = name[len(ATTACHMENTS_PREFIX) :] if name != DB_PART else "bản chụp cơ sở dữ liệu"
        raise BackupError(
            f"Không đọc được «{what}»; hãy đóng chương trình đang mở tệp đó rồi sao lưu lại."
        ) from exc


def _checked_blocks(path: Path, summary: _Summary, tracker: _Tracker) -> Iterator[bytes]:
    """The file again, proving it did not change since it was summarised."""
    sha, size = hashlib.sha256(), 0
    for block in _read_source(path, summary.part.name):
        size += len(block)
        if size > summary.part.size:
            break
        sha.update(block)
        tracker.advance(len(block))
        yield block
    if size != summary.part.size or sha.hexdigest() != summary.part.sha256:
        name = summary.part.name[len(ATTACHMENTS_PREFIX) :]
        raise BackupError(
            f"Tệp đính kèm «{name}» vừa bị thay đổi trong lúc sao lưu; hãy sao lưu lại."
        )


class _DestinationFile:
    """The temporary file on the destination; every OSError becomes a DestinationError."""

    def __init__(self, path: Path) -> None:
        self._folder = path.parent
        try:
            self._f: BinaryIO = path.open("wb")
        except OSError as exc:
            raise _destination_error(exc, self._folder) from exc

    def write(self, data: bytes | memoryview) -> None:
        try:
            self._f.write(data)
        except OSError as exc:
            raise _destination_error(exc, self._folder) from exc

    def commit(self) -> None:
        """Flush, fsync (FlushFileBuffers on Windows) and close: the bytes are on the drive."""
        try:
            self._f.flush()
            os.fsync(self._f.fileno())
            self._f.close()
        except OSError as exc:
            raise _destination_error(exc, self._folder) from exc

    def abandon(self) -> None:
        with contextlib.suppress(OSError):
            self._f.close()


def _write_file(
    tmp: Path,
    manifest: Manifest,
    parts: list[tuple[_Summary, Path]],
    sealed: tuple[crypto.Header, AESGCM] | None,
    tracker: _Tracker,
) -> None:
    out = _DestinationFile(tmp)
    try:
        sink: container.Sink = out
        encrypting = None
        if sealed is not None:
            encrypting = crypto.EncryptingWriter(out, *sealed)
            sink = encrypting
        writer = container.ContainerWriter(sink, manifest.created_at)
        writer.add_bytes(MANIFEST_NAME, manifest.to_json().encode("utf-8"))
        for summary, path in parts:
            if summary.part.name == DB_PART:
                blocks: Iterator[bytes] = _counted(_read_source(path, DB_PART), tracker)
            else:
                blocks = _checked_blocks(path, summary, tracker)
            writer.add(summary.part.name, summary.part.size, summary.crc, blocks)
        writer.finish()
        if encrypting is not None:
            encrypting.close()
        out.commit()
    except BaseException:
        out.abandon()
        raise


def _counted(blocks: Iterator[bytes], tracker: _Tracker) -> Iterator[bytes]:
    for block in blocks:
        tracker.advance(len(block))
        yield block


# --- reading -----------------------------------------------------------------------------------


def read_manifest(path: Path, password: str | None = None) -> Manifest:
    """The manifest, without reading the data: for a preview or a list of backups.

    Checks the file's kind, the password, the manifest's CRC-32 and that the end of the file
    and its directory are there and agree with the manifest (a cut file is refused here too).
    """
    return _read(Path(path), password, verify=False, tracker=_QUIET)


def verify_backup(
    path: Path,
    password: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Manifest:
    """Read the whole file and prove it restores: every check of the format (see above)."""
    return _read(Path(path), password, verify=True, tracker=_Tracker(progress, cancelled))


def extract_database(
    path: Path,
    out: Path,
    password: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Manifest:
    """Verify the whole backup and write its database snapshot to `out` (for a restore).

    `out` is replaced atomically, only with a snapshot that passed every check. It must not be
    a database in use: a -wal or -journal file beside it would be paired with the wrong
    database (sqlite.org/howtocorrupt.html §1), so that is refused.
    """
    path, out = Path(path), Path(out)
    for side in ("-wal", "-journal"):
        if Path(f"{out}{side}").exists():
            raise BackupError(
                f"Không ghi đè «{out.name}»: tệp đó đang là một cơ sở dữ liệu được mở; "
                "hãy chọn tệp đích khác."
            )
    tmp = out.parent / f".~{out.name}.tmp"
    try:
        manifest = _read(
            path, password, verify=True, tracker=_Tracker(progress, cancelled), db_out=tmp
        )
        _output_call(_replace, tmp, out, folder=out.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    return manifest


def extract_attachments(
    path: Path,
    out_dir: Path,
    password: str | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the backup's attachments into `out_dir` (missing or empty); return how many.

    All or nothing: they go to a hidden folder beside `out_dir`, every one checked against its
    size and SHA-256 (and the whole file against its digest), which is then renamed.
    """
    path, out_dir = Path(path), Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise BackupError(
            f"Thư mục «{out_dir}» đã có tệp; tệp đính kèm chỉ được chép vào thư mục trống."
        )
    staging = out_dir.parent / f".~{out_dir.name}.tmp"
    try:
        shutil.rmtree(staging, ignore_errors=True)
        _output_call(lambda: staging.mkdir(parents=True), folder=out_dir.parent)
        manifest = _read(
            path,
            password,
            verify=True,
            tracker=_Tracker(progress, cancelled),
            attachments_out=staging,
        )
        if out_dir.exists():
            out_dir.rmdir()
        _output_call(_replace, staging, out_dir, folder=out_dir.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return len(manifest.attachments)


@dataclass
class _Opened:
    src: container.Source
    manifest: Manifest
    layout: container.Layout


def _read(path: Path, password: str | None, **kwargs: Any) -> Manifest:
    """Open, check and (when `verify`) read all of `path`; the one place errors are mapped."""
    try:
        f = path.open("rb")
    except FileNotFoundError as exc:
        raise BackupError(f"Không tìm thấy tệp sao lưu «{path}».") from exc
    except OSError as exc:
        log.warning("opening backup %s failed: %r", path, exc)
        raise BackupError(
            f"Không mở được tệp «{path}»; hãy kiểm tra lại tệp (hoặc ổ USB chứa nó) rồi thử lại."
        ) from exc
    try:
        with f:
            return _read_open(path, f, password, **kwargs)
    except Corruption as exc:
        log.warning("backup %s is damaged: %s", path, exc)
        raise BackupDamagedError.for_file(path) from exc
    except OSError as exc:
        log.warning("reading backup %s failed: %r", path, exc)
        raise BackupError(
            f"Không đọc hết được tệp «{path.name}»: ổ USB có thể đã bị rút ra hoặc bị lỗi; hãy "
            "cắm lại rồi thử lại."
        ) from exc
    except _Stop:
        raise BackupCancelled("Đã hủy; bản sao lưu chưa được kiểm tra hết.") from None


def _read_open(
    path: Path,
    f: BinaryIO,
    password: str | None,
    *,
    verify: bool,
    tracker: _Tracker,
    known: tuple[bytes, AESGCM] | None = None,
    db_out: Path | None = None,
    attachments_out: Path | None = None,
    check_database: bool = True,
) -> Manifest:
    """`_read` on an open file, leaving Corruption, OSError and _Stop to the caller."""
    opened = _open(path, f, password, known)
    if verify:
        _scan(opened, tracker, db_out, attachments_out, check_database)
    return opened.manifest


def _open(
    path: Path, f: BinaryIO, password: str | None, known: tuple[bytes, AESGCM] | None
) -> _Opened:
    size = os.fstat(f.fileno()).st_size
    head = f.read(64)
    f.seek(max(0, size - 128))
    tail = f.read()
    if size == 0:
        if path.suffix.lower() == BACKUP_SUFFIX:
            raise BackupDamagedError.empty(path)
        raise NotABackupError.for_file(path)
    src: container.Source
    if crypto.looks_encrypted(head):
        try:
            header = crypto.read_header(f)
        except crypto.HeaderTooNew:
            raise BackupTooNewError.for_file(path) from None
        if not password:
            raise PasswordRequiredError.for_file(path)
        if known is not None and known[0] == header.raw:
            aead = known[1]
        else:
            try:
                aead = header.derive(password)
            except crypto.BadPassword:
                raise WrongPasswordError.for_file(path) from None
        src = crypto.DecryptingSource(f, size, header, aead)
        encrypted = True
    elif container.looks_plain(head, tail):
        src = container.PlainSource(f, size)
        encrypted = False
    else:
        raise NotABackupError.for_file(path)
    try:
        manifest = Manifest.from_json(container.read_first_entry(src))
    except ManifestTooNewError as exc:
        raise BackupTooNewError.for_file(path, exc.program_version) from exc
    if manifest.encrypted != encrypted:
        raise Corruption("manifest and container disagree about encryption")
    revision = manifest.schema_revision
    newer = revision.isdigit() and int(revision) > int(schema.HEAD)
    if revision not in schema.REVISIONS and newer:
        raise BackupTooNewError.for_file(path, manifest.program_version, manifest)
    layout = container.read_layout(src)
    names = [e.name for e in layout.entries]
    if names != [MANIFEST_NAME, *(p.name for p in manifest.parts)]:
        raise Corruption(f"entries {names[:5]!r:.300} are not the manifest's parts")
    for entry, part in zip(layout.entries[1:], manifest.parts, strict=True):
        if entry.usize != part.size:
            raise Corruption(f"{part.name!r:.100}: {entry.usize} bytes, manifest says {part.size}")
    first = layout.entries[0].local_header()
    if src.read_at(0, len(first)) != first:
        raise Corruption("manifest's local header disagrees with the central directory")
    return _Opened(src, manifest, layout)


def _scan(
    opened: _Opened,
    tracker: _Tracker,
    db_out: Path | None,
    attachments_out: Path | None,
    check_database: bool = True,
) -> None:
    """Read every byte once: headers, parts (hashed, optionally written out), the digest."""
    src, manifest, layout = opened.src, opened.manifest, opened.layout
    tracker.restage(sum(p.size for p in manifest.parts))
    digest = hashlib.sha256()
    durable = db_out is not None or attachments_out is not None
    with contextlib.ExitStack() as stack:
        if not durable and check_database:
            db_out = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tdkt-kt-")))
            db_out = db_out / DB_PART
        check_db = db_out is not None
        for entry, part in zip(layout.entries, (None, *manifest.parts), strict=True):
            header = entry.local_header()
            if src.read_at(entry.offset, len(header)) != header:
                raise Corruption(f"{entry.name!r:.100}: local header disagrees")
            digest.update(header)
            data_at = entry.offset + len(header)
            if part is None:
                digest.update(src.read_at(data_at, entry.csize))
                continue
            target = None
            if part.name == DB_PART:
                target = db_out
            elif attachments_out is not None:
                target = attachments_out.joinpath(*part.name[len(ATTACHMENTS_PREFIX) :].split("/"))
                if not _same_or_inside(target.parent, attachments_out):
                    raise Corruption(f"{part.name!r:.100} escapes the output folder")
            _copy_part(src, entry, part, data_at, target, tracker, durable)
        tail = layout.trailer_offset - layout.central_offset
        digest.update(src.read_at(layout.central_offset, tail))
        if digest.hexdigest() != layout.digest:
            raise Corruption("digest of the headers and directory does not match")
        if check_db and db_out is not None:
            _check_database(db_out, manifest)


def _copy_part(
    src: container.Source,
    entry: container.Entry,
    part: Part,
    data_at: int,
    target: Path | None,
    tracker: _Tracker,
    durable: bool,
) -> None:
    """Stream one part: never more than its declared size, SHA-256 compared at the end."""
    sha, produced = hashlib.sha256(), 0
    inflater = zlib.decompressobj(-15) if entry.method == container.DEFLATED else None
    with contextlib.ExitStack() as stack:
        out = None
        if target is not None:
            out = stack.enter_context(_output(target))
        for block in src.blocks(data_at, entry.csize):
            pieces = [block] if inflater is None else _inflate(inflater, block)
            for piece in pieces:
                produced += len(piece)
                if produced > part.size:
                    raise Corruption(f"{part.name!r:.100} grows beyond {part.size} bytes")
                sha.update(piece)
                if out is not None:
                    out.write(piece)
            tracker.advance(len(block))
        if inflater is not None and not inflater.eof:
            raise Corruption(f"{part.name!r:.100}: compressed data cut short")
        if produced != part.size or sha.hexdigest() != part.sha256:
            raise Corruption(f"{part.name!r:.100}: size or SHA-256 differs from the manifest")
        if out is not None and durable:
            out.sync()


class _Output:
    """A file taken out of a backup; a failure to write it is the target's, not the backup's."""

    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._f = path.open("wb")

    def write(self, data: bytes | memoryview) -> None:
        self._f.write(data)

    def sync(self) -> None:
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        self._f.close()


@contextlib.contextmanager
def _output(path: Path) -> Iterator[_Output]:
    try:
        out = _Output(path)
        try:
            yield out
        finally:
            out.close()
    except OSError as exc:
        raise _output_error(exc, path.parent) from exc


def _output_call(fn: Callable[..., object], *args: object, folder: Path) -> None:
    try:
        fn(*args)
    except OSError as exc:
        raise _output_error(exc, folder) from exc


def _output_error(exc: OSError, folder: Path) -> BackupError:
    log.warning("writing what was taken out of a backup into %s failed: %r", folder, exc)
    return BackupError(
        f"Không ghi được dữ liệu lấy ra từ bản sao lưu vào «{folder}» (ổ đĩa đầy hoặc không "
        "cho phép ghi); hãy giải phóng dung lượng rồi thử lại."
    )


def _inflate(inflater: zlib._Decompress, block: bytes | memoryview) -> Iterator[bytes]:
    """At most one block of output per call, so a bomb is caught before it is big."""
    data: bytes | memoryview = block
    try:
        while data:
            if inflater.eof:
                raise Corruption("bytes after the end of the compressed data")
            yield inflater.decompress(data, _BLOCK)
            data = inflater.unconsumed_tail
    except zlib.error as exc:
        raise Corruption(f"compressed data is invalid: {exc}") from exc


def _check_database(path: Path, manifest: Manifest) -> None:
    """The snapshot opens, passes integrity_check, and holds what the manifest says."""
    with path.open("rb") as f:
        header = f.read(100)
    if header[:16] != schema.SQLITE_MAGIC or header[18:20] != b"\x01\x01":
        raise Corruption("database part is not an SQLite file out of WAL mode")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            counts, revision = _row_counts(conn), _revision(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise Corruption(f"database part does not open: {exc}") from exc
    if problems != ["ok"]:
        raise Corruption(f"database part fails integrity_check: {problems[:5]}")
    if counts != manifest.row_counts or revision != manifest.schema_revision:
        raise Corruption("database part's rows or revision differ from the manifest")


__all__ = [
    "BACKUP_SUFFIX",
    "backup_file_name",
    "create_backup",
    "extract_attachments",
    "extract_database",
    "read_manifest",
    "verify_backup",
]
