"""Advanced models (điển hình tiên tiến) and how they were publicised."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class AdvancedModelService:
    def __init__(self, db: Database) -> None:
        self._db = db
