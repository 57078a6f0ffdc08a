"""Initiatives (sáng kiến) and scientific works with their authors."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class InitiativeService:
    def __init__(self, db: Database) -> None:
        self._db = db
