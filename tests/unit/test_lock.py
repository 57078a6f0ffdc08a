"""One running instance per database: the second is refused clearly; a crash frees the lock."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import other_process

from emulation_desktop.app import open_context
from emulation_desktop.store.errors import DatabaseInUseError
from emulation_desktop.store.lock import InstanceLock, lock_path_for

REPO = Path(__file__).resolve().parents[2]
HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from emulation_desktop.store.lock import InstanceLock

    lock = InstanceLock(Path(sys.argv[1])).acquire()
    print("ready", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock on `db_path`, until the test kills it."""
    with other_process(HOLD_LOCK, db_path) as proc:
        yield proc


def test_lock_file_sits_beside_the_database(db_path: Path) -> None:
    assert lock_path_for(db_path) == db_path.with_name("xa.db.lock")
    with InstanceLock(db_path) as lock:
        assert lock.path == db_path.with_name("xa.db.lock")
        assert lock.path.exists()


def test_second_lock_in_the_same_process_is_refused(db_path: Path) -> None:
    first = InstanceLock(db_path).acquire()
    try:
        with pytest.raises(DatabaseInUseError) as info:
            InstanceLock(db_path).acquire()
        assert "đang được mở" in info.value.message
    finally:
        first.release()


def test_release_then_acquire_works(db_path: Path) -> None:
    lock = InstanceLock(db_path)
    lock.acquire()
    lock.release()
    other = InstanceLock(db_path).acquire()
    other.release()
    # the same object can take it again too, and release twice is harmless
    lock.acquire()
    lock.release()
    lock.release()


def test_context_manager_releases_on_error(db_path: Path) -> None:
    with pytest.raises(RuntimeError), InstanceLock(db_path):
        raise RuntimeError("boom")
    InstanceLock(db_path).acquire().release()


def test_locks_on_different_databases_are_independent(tmp_path: Path) -> None:
    with InstanceLock(tmp_path / "a.db"), InstanceLock(tmp_path / "b.db"):
        pass


def test_another_process_holding_the_lock_refuses_us(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseInUseError) as info:
        InstanceLock(db_path).acquire()

    message = info.value.message
    assert "đang được mở" in message
    # who holds it, read from the lock file the holder wrote
    assert socket.gethostname() in message


def test_lock_is_freed_when_the_holder_is_killed(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseInUseError):
        InstanceLock(db_path).acquire()

    holder.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
    holder.wait(timeout=10)

    lock = InstanceLock(db_path).acquire()
    try:
        assert lock.path.read_text(encoding="utf-8").splitlines()[0] == str(os.getpid())
    finally:
        lock.release()


def test_open_context_twice_on_one_database_is_refused(db_path: Path) -> None:
    with open_context(db_path) as ctx:
        with pytest.raises(DatabaseInUseError, match="đang được mở"), open_context(db_path):
            pass
        # the first one still works
        assert ctx.services.overview.summary().people == 0


def test_open_context_is_refused_while_another_process_holds_the_database(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(DatabaseInUseError), open_context(db_path):
        pass
    assert not db_path.exists()  # nothing was created under someone else's lock
