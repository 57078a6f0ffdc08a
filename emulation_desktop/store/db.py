"""Engine factory with durable pragmas, the session scope, and the guarded way to open a file."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import SQLAlchemyError as _SAError
from sqlalchemy.orm import Session, sessionmaker

from emulation_desktop.domain.errors import UserError
from emulation_desktop.store import schema
from emulation_desktop.store.errors import translate_sqlite_error

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _apply_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    try:
        # WAL is stored in the file; FULL makes every commit survive a power cut, which the
        # commune's office PC sees often; foreign keys are off by default in SQLite.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cur.close()


def create_sqlite_engine(path: Path) -> Engine:
    """The one way the program gets an engine on a database file."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _apply_pragmas)
    return engine


@dataclass(eq=False)
class Database:
    """An open, migrated database: the engine and its session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextlib.contextmanager
    def session_scope(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error, always close.

        SQLite failures leave as a Vietnamese UserError; the data is as it was before.
        """
        session = self.sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            log.exception("database operation failed")
            raise translate_sqlite_error(exc, self.path) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        """Close every connection so only the .db file is left (no -wal/-shm)."""
        self.engine.dispose()


def open_database(path: Path) -> Database:
    """Open `path`, creating it if missing; refuse foreign, damaged or newer files; migrate.

    Before an existing database is migrated a copy is taken beside it. Nothing is written to a
    file that is refused.
    """
    path = Path(path)
    state = schema.inspect_file(path)
    schema.check_openable(path, state)
    created = not path.exists() or state.is_empty
    engine = create_sqlite_engine(path)
    try:
        if state.revision != schema.HEAD:
            if state.revision is not None:
                schema.copy_before_migration(path, state.revision)
            schema.upgrade(engine)
        schema.verify_head(engine)
    except UserError:
        engine.dispose()
        raise
    except (_SAError, OSError) as exc:
        engine.dispose()
        if created:
            schema.remove_new_file(path)
        log.exception("could not prepare database %s", path)
        raise translate_sqlite_error(exc, path) from exc
    return Database(path=path, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
