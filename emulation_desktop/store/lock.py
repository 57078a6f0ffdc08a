"""One writer per database: an OS file lock beside it, released by the OS when the process dies."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import sys
from pathlib import Path
from typing import IO

from emulation_desktop.store.errors import DatabaseError, DatabaseInUseError

# Windows byte-range locks are mandatory: lock a byte far from the owner text so that the
# second instance can still read who holds the database.
_LOCK_OFFSET = 4096


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    """Exclusive, non-blocking lock on `<database>.lock`.

    Attributes:
        path: the lock file.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(Path(db_path))
        self._file: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        try:
            f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        except OSError as exc:
            raise DatabaseError(
                f"Không tạo được tệp khóa «{self.path}» cạnh cơ sở dữ liệu "
                "(thư mục không cho phép ghi). Hãy chép cơ sở dữ liệu sang thư mục khác."
            ) from exc
        if not _try_lock(f):
            owner = _read_owner(self.path)
            f.close()
            raise DatabaseInUseError(
                "Cơ sở dữ liệu này đang được mở ở một cửa sổ khác của chương trình"
                f"{owner}. Hãy dùng cửa sổ đang mở, hoặc đóng nó rồi mở lại."
            )
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n{socket.gethostname()}\n{dt.datetime.now():%d/%m/%Y %H:%M}\n")
        f.flush()
        self._file = f
        return self

    def release(self) -> None:
        if self._file is not None:
            _unlock(self._file)
            self._file.close()
            self._file = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _read_owner(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    if len(lines) >= 3:
        return f" (máy {lines[1]}, mở lúc {lines[2]})"
    return ""


if sys.platform == "win32":
    import msvcrt

    def _try_lock(f: IO[str]) -> bool:
        f.seek(_LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(f: IO[str]) -> None:
        f.seek(_LOCK_OFFSET)
        with contextlib.suppress(OSError):  # already unlocked: nothing to do
            msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(f: IO[str]) -> bool:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
