"""Discipline, maternity and other leave periods of people."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class PeriodService:
    def __init__(self, db: Database) -> None:
        self._db = db
