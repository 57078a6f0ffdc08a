"""The database survives the program being killed at any moment: while it saves, and while it
restores a backup.

A child process does the work and is killed with SIGKILL (TerminateProcess on Windows) at random
moments; the parent then opens the database the way the program does and checks it. A killed
process keeps whatever it handed to the OS, so these tests prove SQLite's commit and rollback
protocol as the program drives it (WAL, one transaction per save, one per restore); surviving a
power cut additionally rests on synchronous=FULL, which tests/unit/test_store_db.py checks.

The child writes its progress to a file, not a pipe: nothing can block on a full pipe, and no
pipe is left open after the kill.

The quick variants run in the normal suite; set EMULATION_DESKTOP_CRASH_TEST=1 for the full ones
(100+ kills while saving, 50 during restores; about a minute).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from emulation_desktop.backup import restore
from emulation_desktop.backup.restore import (
    RestoreError,
    is_newer_schema,
    restore_into,
    snapshot_revision,
)
from emulation_desktop.store import schema
from emulation_desktop.store.db import open_database

REPO = Path(__file__).resolve().parents[2]
FULL_TEST_ENV = "EMULATION_DESKTOP_CRASH_TEST"
full_only = pytest.mark.skipif(
    os.environ.get(FULL_TEST_ENV) != "1",
    reason=f"kills a child process 100+ times (about a minute); set {FULL_TEST_ENV}=1 to run",
)
START_TIMEOUT = 60.0


@dataclass
class Child:
    """A Python child process whose stdout goes to a file the parent polls."""

    proc: subprocess.Popen[bytes]
    out: Path
    err: Path

    @classmethod
    def start(cls, script: str, *args: object, folder: Path, name: str) -> Child:
        out, err = folder / f"{name}.out", folder / f"{name}.err"
        with out.open("wb") as fout, err.open("wb") as ferr:
            proc = subprocess.Popen(
                [sys.executable, "-c", script, *map(str, args)], stdout=fout, stderr=ferr, cwd=REPO
            )
        return cls(proc, out, err)

    def lines(self) -> list[str]:
        """Complete lines written so far (a line cut by the kill is not counted)."""
        text = self.out.read_text(encoding="utf-8")
        return text[: text.rfind("\n") + 1].splitlines()

    def wait_for(self, line: str, timeout: float = START_TIMEOUT) -> float:
        """Poll until `line` was written; returns the time it was seen."""
        deadline = time.monotonic() + timeout
        while line not in self.lines():
            if self.proc.poll() is not None and line not in self.lines():
                raise AssertionError(f"child ended ({self.proc.returncode}): {self.stderr()}")
            if time.monotonic() > deadline:
                self.kill()
                raise AssertionError(f"child never printed {line!r}: {self.stderr()}")
            time.sleep(0.002)
        return time.monotonic()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        self.proc.wait()

    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")


def integrity(conn: sqlite3.Connection) -> list[tuple[str]]:
    return conn.execute("PRAGMA integrity_check").fetchall()


# --- a. killed while saving --------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import random, sys
    from pathlib import Path
    from sqlalchemy import event
    from emulation_desktop.domain.enums import UnitKind
    from emulation_desktop.store.db import open_database
    from emulation_desktop.store.models import UnitRow

    db = open_database(Path(sys.argv[1]))
    # Checkpoint every 64 pages instead of 1000, so that kills also land inside checkpoints.
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda c, _r: c.execute("PRAGMA wal_autocheckpoint=64"))
    rng = random.Random(int(sys.argv[2]))
    print("ready", flush=True)
    while True:
        with db.session_scope() as s:
            units = [
                UnitRow(name=f"Thôn {rng.random()} " + "Đông" * rng.randint(0, 200),
                        kind=UnitKind.RESIDENTIAL)
                for _ in range(rng.randint(1, 20))
            ]
            s.add_all(units)
            s.flush()
            ids = [u.id for u in units]
        # Only now, after the commit returned, is a row "saved" as far as the user can tell.
        sys.stdout.write("".join(f"{i}\\n" for i in ids))
        sys.stdout.flush()
    """
)


@pytest.mark.parametrize(
    "kills",
    [
        pytest.param(15, id="quick"),
        pytest.param(120, id="full", marks=[pytest.mark.slow, full_only]),
    ],
)
def test_killed_while_saving_loses_no_saved_row(tmp_path: Path, kills: int) -> None:
    db_path = tmp_path / "xa.db"
    open_database(db_path).dispose()  # created and migrated once, as on the first start
    rng = random.Random()
    committed: set[int] = set()
    for round_ in range(kills):
        child = Child.start(WRITER, db_path, round_, folder=tmp_path, name=f"writer-{round_}")
        try:
            child.wait_for("ready")
            time.sleep(rng.uniform(0.0, 0.08))
        finally:
            child.kill()
        saved = {int(line) for line in child.lines() if line != "ready"}
        committed |= saved

        db = open_database(db_path)  # the program's own way in: inspect, check, open
        try:
            with db.engine.connect() as conn:
                raw = conn.connection.driver_connection
                assert isinstance(raw, sqlite3.Connection)
                assert integrity(raw) == [("ok",)], f"round {round_}"
                present = {row[0] for row in raw.execute("SELECT id FROM unit")}
        finally:
            db.dispose()
        missing = committed - present
        assert not missing, f"round {round_}: {len(missing)} saved rows lost, e.g. {min(missing)}"
    # The kills did land while rows were being saved, not only before the first one.
    assert len(committed) > kills


# --- b. killed while restoring -----------------------------------------------------------------

RESTORER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from emulation_desktop.backup.restore import restore_into

    def progress(fraction):
        sys.stdout.write(f"{fraction:.4f}\\n")
        sys.stdout.flush()
        time.sleep(0.002)  # widen the window in which the restore is half done

    print("start", flush=True)
    restore_into(Path(sys.argv[1]), Path(sys.argv[2]), progress=progress, pages=8)
    print("done", flush=True)
    """
)


def make_database(path: Path, rows: int, tag: str) -> str:
    """A database of this program (schema at HEAD) plus `rows` rows of `tag`, closed and in
    rollback-journal mode like a snapshot taken out of a backup; returns its content checksum."""
    open_database(path).dispose()
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, tag TEXT, body TEXT)")
        conn.execute("CREATE INDEX ix_probe_body ON probe (body)")  # a second b-tree to mix up
        rng = random.Random(tag)
        with conn:
            conn.executemany(
                "INSERT INTO probe (tag, body) VALUES (?, ?)",
                ((tag, f"{tag} {rng.random()} " * rng.randint(1, 8)) for _ in range(rows)),
            )
        conn.execute("PRAGMA journal_mode=DELETE")
        return content(conn)
    finally:
        conn.close()


def content(conn: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for row in conn.execute("SELECT id, tag, body FROM probe ORDER BY id"):
        digest.update(repr(row).encode())
    for row in conn.execute("SELECT version_num FROM alembic_version"):
        digest.update(repr(row).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Pair:
    live: Path
    snapshot: Path
    old: str
    new: str


@pytest.fixture(scope="module")
def pairs(tmp_path_factory: pytest.TempPathFactory) -> list[Pair]:
    """A smaller and a bigger database; restoring one over the other grows or shrinks the file."""
    folder = tmp_path_factory.mktemp("restore-sources")
    small, big = folder / "small.db", folder / "big.db"
    small_sum = make_database(small, 6_000, "cũ")
    big_sum = make_database(big, 14_000, "mới")
    assert small.stat().st_size > 1_000_000 and big.stat().st_size > 3_000_000
    return [Pair(small, big, small_sum, big_sum), Pair(big, small, big_sum, small_sum)]


def fresh_live(source: Path, live: Path) -> sqlite3.Connection:
    """`live` as the program keeps it (WAL, open), with the content of `source`.

    Returns a connection that stays open during the restore, like the program's own.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, live)
    conn = sqlite3.connect(live, timeout=5)
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


Kill = tuple[str, float]  # (moment, seconds after it): when to kill the restoring child


def moments(child: Child, seen: dict[str, float]) -> None:
    """Note when the child first reached each moment: "copying" (a step done, more to come),
    "committed" (the last step, which commits, done) and "done" (restore_into returned)."""
    now = time.monotonic()
    for line in child.lines():
        if line == "done":
            moment = "done"
        elif line == "start":
            continue
        else:
            fraction = float(line)
            moment = "committed" if fraction >= 0.99 else "copying" if fraction > 0 else ""
        if moment:
            seen.setdefault(moment, now)


def restore_in_child(
    pair: Pair, folder: Path, name: str, kill: Kill | None
) -> tuple[Child, dict[str, float]]:
    """Run the restore in a child; kill it at `kill` (None: let it end).

    Meanwhile an open connection reads the live database over and over: every read must see
    the old or the new content. Returns the child and when it reached each moment.
    """
    live = folder / "live.db"
    reader = fresh_live(pair.live, live)
    try:
        child = Child.start(RESTORER, live, pair.snapshot, folder=folder, name=name)
        try:
            seen = {"start": child.wait_for("start")}
            while child.proc.poll() is None:
                moments(child, seen)
                if kill and kill[0] in seen and time.monotonic() >= seen[kill[0]] + kill[1]:
                    break
                assert content(reader) in (pair.old, pair.new), f"{name}: a reader saw a mix"
            moments(child, seen)
        finally:
            child.kill()
    finally:
        reader.close()
    return child, seen


def check_live(pair: Pair, live: Path) -> str:
    """Open the live database as the program does; returns "old" or "new"."""
    db = open_database(live)
    try:
        with db.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            assert integrity(raw) == [("ok",)]
            seen = content(raw)
    finally:
        db.dispose()
    assert seen in (pair.old, pair.new), "the live database is a mix of old and new"
    return "old" if seen == pair.old else "new"


@pytest.mark.parametrize(
    "kills",
    [
        pytest.param(10, id="quick"),
        pytest.param(50, id="full", marks=[pytest.mark.slow, full_only]),
    ],
)
def test_killed_while_restoring_leaves_old_or_new(
    tmp_path: Path, pairs: list[Pair], kills: int
) -> None:
    # Uninterrupted, in a child like the others: the restore completes. Its timeline tells when
    # to kill: anywhere from the start, or (two rounds in three) while pages are being copied.
    whole: list[tuple[float, float]] = []
    for index, pair in enumerate(pairs):
        child, seen = restore_in_child(pair, tmp_path, f"whole-{index}", kill=None)
        assert child.lines()[-1] == "done", child.stderr()
        assert check_live(pair, tmp_path / "live.db") == "new"
        copying = seen.get("committed", seen["done"]) - seen.get("copying", seen["start"])
        whole.append((seen["done"] - seen["start"], copying))

    rng = random.Random()
    outcomes: list[tuple[str, str]] = []
    for round_ in range(kills):
        index = round_ % len(pairs)
        pair, (total, copying) = pairs[index], whole[index]
        kill = ("start", rng.uniform(0, total * 1.1))
        if round_ % 3:
            kill = ("copying", rng.uniform(0, copying))
        child, _seen = restore_in_child(pair, tmp_path, f"killed-{round_}", kill)
        lines = child.lines()
        steps = [float(line) for line in lines if line not in ("start", "done")]
        last = max(steps, default=0.0)
        phase = "half-way" if 0 < last < 0.99 else "before" if last == 0 else "committed"
        outcome = check_live(pair, tmp_path / "live.db")
        outcomes.append((phase, outcome))
        if phase == "committed":
            assert outcome == "new", f"round {round_}: committed, yet the old content is back"
        if phase == "before":
            assert outcome == "old", f"round {round_}: killed before copying, yet changed"

    # Enough kills landed half-way through the copy, and rolled back, for this to mean something.
    assert outcomes.count(("half-way", "old")) >= kills // 3, outcomes


# --- restore_into with the program holding the database, in-process ---------------------------


def test_restore_in_steps_is_seen_all_at_once_by_another_connection(
    tmp_path: Path, pairs: list[Pair]
) -> None:
    pair = pairs[0]
    live = tmp_path / "live.db"
    reader = fresh_live(pair.live, live)
    seen: list[str] = []

    def progress(_fraction: float) -> None:
        seen.append(content(reader))

    try:
        restore_into(live, pair.snapshot, progress=progress, pages=64)
        after = content(reader)
    finally:
        reader.close()
    assert len(seen) > 10
    assert set(seen[:-2]) == {pair.old}  # while copying: the old database, all of it
    assert seen[-2:] == [pair.new, pair.new]  # committed by the last step
    assert after == pair.new
    assert check_live(pair, live) == "new"


# --- a restore that fails or is cancelled leaves the live database as it was --------------------


@pytest.fixture
def live(tmp_path: Path, pairs: list[Pair]) -> Path:
    """The small database, live (WAL) and closed, for restores that must not happen."""
    path = tmp_path / "live.db"
    fresh_live(pairs[0].live, path).close()
    return path


def assert_untouched(live: Path, pair: Pair) -> None:
    assert check_live(pair, live) == "old"


def copy_with_revision(source: Path, target: Path, revision: str | None) -> Path:
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    try:
        with conn:
            if revision is None:
                conn.execute(f"DROP TABLE {schema.VERSION_TABLE}")
            else:
                conn.execute(f"UPDATE {schema.VERSION_TABLE} SET version_num = ?", (revision,))
    finally:
        conn.close()
    return target


def test_snapshot_revision(tmp_path: Path, pairs: list[Pair]) -> None:
    garbage = tmp_path / "rac.db"
    garbage.write_bytes(b"PK\x03\x04" + bytes(5000))
    assert snapshot_revision(pairs[1].snapshot) == schema.HEAD
    assert snapshot_revision(garbage) is None
    assert snapshot_revision(tmp_path / "khong-co.db") is None
    assert snapshot_revision(copy_with_revision(pairs[0].live, tmp_path / "x.db", None)) is None
    # Looking at a snapshot on a stick leaves nothing beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rac.db", "x.db"]


def test_is_newer_schema() -> None:
    newer = f"{int(schema.HEAD) + 1:04d}"
    assert is_newer_schema(newer)
    assert not is_newer_schema(schema.HEAD)
    assert not is_newer_schema(schema.REVISIONS[0])
    assert not is_newer_schema(None)
    assert not is_newer_schema("abc123")  # foreign, not newer


@pytest.mark.parametrize(
    ("revision", "message"),
    [("9999", "phiên bản mới hơn"), ("abc123", "không phải bản sao lưu"), (None, "không phải")],
)
def test_restore_refuses_a_snapshot_this_program_cannot_open(
    tmp_path: Path, pairs: list[Pair], live: Path, revision: str | None, message: str
) -> None:
    snapshot = copy_with_revision(pairs[1].snapshot, tmp_path / "la.db", revision)
    with pytest.raises(RestoreError) as info:
        restore_into(live, snapshot)
    assert message in info.value.message
    assert_untouched(live, pairs[0])


@pytest.mark.parametrize("kind", ["garbage", "damaged", "missing"])
def test_restore_refuses_a_damaged_snapshot(
    tmp_path: Path, pairs: list[Pair], live: Path, kind: str
) -> None:
    snapshot = tmp_path / "hong.db"
    if kind == "garbage":
        snapshot.write_bytes(bytes(range(256)) * 100)
    elif kind == "damaged":
        data = bytearray(pairs[1].snapshot.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 8192] = bytes(8192)  # two pages zeroed
        snapshot.write_bytes(bytes(data))
    with pytest.raises(RestoreError) as info:
        restore_into(live, snapshot)
    assert "hong.db" in info.value.message
    assert "dữ liệu hiện tại được giữ nguyên" in info.value.message or kind == "missing"
    assert_untouched(live, pairs[0])


def test_restore_cancelled_from_progress_rolls_back(pairs: list[Pair], live: Path) -> None:
    class Cancelled(Exception):
        pass

    calls: list[float] = []

    def progress(fraction: float) -> None:
        calls.append(fraction)
        if len(calls) == 5:
            raise Cancelled

    with pytest.raises(Cancelled):
        restore_into(live, pairs[0].snapshot, progress=progress, pages=16)
    assert 0 < calls[-1] < 0.99
    assert_untouched(live, pairs[0])


def test_restore_puts_the_old_database_back_when_the_check_after_fails(
    pairs: list[Pair], live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str | None] = []
    real = restore._integrity

    def integrity_failing_after_restore(conn: sqlite3.Connection) -> str | None:
        result = real(conn) if not checks else "*** in database main *** Page 7: bad"
        checks.append(result)
        return result

    monkeypatch.setattr(restore, "_integrity", integrity_failing_after_restore)
    with pytest.raises(RestoreError) as info:
        restore_into(live, pairs[0].snapshot)
    assert "kiểm tra lại" in info.value.message
    assert checks == [None, "*** in database main *** Page 7: bad"]  # snapshot, then live
    assert_untouched(live, pairs[0])


def test_restore_gives_up_when_another_connection_keeps_writing(
    pairs: list[Pair], live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import emulation_desktop.store.db as store_db

    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(restore, "STALL_SECONDS", 0.5)
    writer = sqlite3.connect(live, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # a save that never ends
        with pytest.raises(RestoreError) as info:
            restore_into(live, pairs[0].snapshot)
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert "đang bận" in info.value.message
    assert_untouched(live, pairs[0])


def test_restore_of_a_snapshot_with_other_page_size(
    tmp_path: Path, pairs: list[Pair], live: Path
) -> None:
    snapshot = tmp_path / "trang-8k.db"
    shutil.copyfile(pairs[0].snapshot, snapshot)
    conn = sqlite3.connect(snapshot)
    try:
        conn.execute("PRAGMA page_size=8192")
        conn.execute("VACUUM")
        assert conn.execute("PRAGMA page_size").fetchone() == (8192,)
    finally:
        conn.close()

    restore_into(live, snapshot)  # a WAL database cannot change page size: re-paged copy

    assert check_live(pairs[0], live) == "new"
    conn = sqlite3.connect(live)
    try:
        assert conn.execute("PRAGMA page_size").fetchone() == (4096,)
    finally:
        conn.close()


def test_restore_keeps_the_old_data_beside_when_it_cannot_put_it_back(
    pairs: list[Pair], live: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect
    undo_opened: list[str] = []

    class BrokenUndo:
        def backup(self, *_args: object, **_kwargs: object) -> None:
            raise sqlite3.OperationalError("disk I/O error")

        def close(self) -> None:
            pass

    def connect(database: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(str(database)).name == "truoc-phuc-hoi.db":
            undo_opened.append(str(database))
            if len(undo_opened) == 2:  # the first is the copy aside, the second puts it back
                return BrokenUndo()
        return real_connect(database, *args, **kwargs)

    answers = iter([None, "Page 7: bad"])  # the snapshot is fine, the live file after it not
    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(restore, "_integrity", lambda _conn: next(answers))
    with pytest.raises(RestoreError) as info:
        restore_into(live, pairs[0].snapshot)
    monkeypatch.undo()

    kept = [p for p in live.parent.iterdir() if ".truoc-phuc-hoi-" in p.name]
    assert len(kept) == 1
    assert kept[0].name in info.value.message
    assert "không đưa lại được dữ liệu cũ" in info.value.message
    assert check_live(pairs[0], kept[0]) == "old"
