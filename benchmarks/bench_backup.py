"""Backup of a 100 MB database, verified, ≤ 3× a plain file copy of it in the same run; the
restore likewise (issue budget). Plain and password-protected backups are both measured."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.harness import Result, median_seconds, timed

SIZE_MB = 100
RUNS = 3


def _make_database(path: Path) -> None:
    """The program's schema plus about 100 MB of rows (Vietnamese text), in WAL mode."""
    from emulation_desktop.store.db import open_database

    open_database(path).dispose()  # a real revision: a restore refuses unknown databases
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, person TEXT, body TEXT, n INTEGER)")
    row = ("Nguyễn Thị Hằng", "Đã có thành tích xuất sắc trong phong trào thi đua " * 8, 0)
    batch = [row] * 5000
    while path.stat().st_size < SIZE_MB * 1024 * 1024:
        con.executemany("INSERT INTO note (person, body, n) VALUES (?, ?, ?)", batch)
        con.commit()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def run() -> list[Result]:
    from emulation_desktop.backup import archive, restore

    results = []
    with tempfile.TemporaryDirectory(prefix="tdkt-bench-") as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "data" / "xa.db"
        db.parent.mkdir()
        _make_database(db)
        out = tmp / "usb"
        out.mkdir()
        counter = iter(range(1000))

        def copy() -> float:
            target = out / f"copy-{next(counter)}.db"
            seconds = timed(lambda: shutil.copyfile(db, target))
            target.unlink()
            return seconds

        def durable_copy() -> float:
            # What a plain copy to a stick must also do before the officer pulls it out.
            target = out / f"copy-{next(counter)}.db"

            def work() -> None:
                shutil.copyfile(db, target)
                with target.open("rb+") as f:
                    os.fsync(f.fileno())

            seconds = timed(work)
            target.unlink()
            return seconds

        def backup(password: str | None) -> float:
            target = out / f"b-{next(counter)}.tdkt"
            seconds = timed(
                lambda: archive.create_backup(db, target, commune="Xã Cát Thành", password=password)
            )
            target.unlink()
            return seconds

        copy()  # warm the cache, as the officer's second backup of the day would be
        baseline = median_seconds(copy, RUNS)
        durable = median_seconds(durable_copy, RUNS)
        plain = median_seconds(lambda: backup(None), RUNS)
        secret = median_seconds(lambda: backup("mật khẩu dài"), RUNS)
        size = f"{os.path.getsize(db) / 1024 / 1024:.0f} MB"
        results.append(
            Result(
                f"Sao lưu và kiểm tra CSDL {size}", plain, 60.0, baseline=baseline, max_ratio=3.0
            )
        )
        results.append(
            Result(
                f"Sao lưu có mật khẩu và kiểm tra CSDL {size}",
                secret,
                60.0,
                baseline=baseline,
                max_ratio=3.0,
            )
        )
        # For reference only: against a copy that is flushed to the disk, as a backup must be.
        results.append(
            Result(f"(tham khảo) sao lưu so với chép + fsync {size}", plain, 60.0, baseline=durable)
        )

        source = out / "nguon.tdkt"
        archive.create_backup(db, source, commune="Xã Cát Thành")
        snapshot = tmp / "snapshot.sqlite3"
        live = tmp / "data" / "live.db"
        shutil.copyfile(db, live)

        def restore_once() -> float:
            def work() -> None:
                archive.extract_database(source, snapshot)
                restore.restore_into(live, snapshot)
                snapshot.unlink()

            return timed(work)

        measured = median_seconds(restore_once, RUNS)
        results.append(
            Result(
                f"Phục hồi CSDL {size} (giải nén, kiểm tra, ghi)",
                measured,
                60.0,
                baseline=baseline,
                max_ratio=3.0,
            )
        )
    return results
