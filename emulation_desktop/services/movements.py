"""Movements, their phases and milestones, participating units; the yearly plan."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class MovementService:
    def __init__(self, db: Database) -> None:
        self._db = db
