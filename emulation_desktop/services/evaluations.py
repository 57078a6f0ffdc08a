"""Yearly task-completion grades of people and collectives, entered unit by unit."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class EvaluationService:
    def __init__(self, db: Database) -> None:
        self._db = db
