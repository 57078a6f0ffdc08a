"""Alembic environment: runs on the connection handed over by store.schema.upgrade()."""

from __future__ import annotations

from alembic import context

from emulation_desktop.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the program always passes its own connection
    raise RuntimeError("migrations run only through emulation_desktop.store.schema.upgrade()")

# Batch mode rebuilds tables, which is how SQLite alters columns and constraints.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
