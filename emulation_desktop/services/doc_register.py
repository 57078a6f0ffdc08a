"""The document register (sổ văn bản): numbers per series and year, without gaps or repeats."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class DocRegisterService:
    def __init__(self, db: Database) -> None:
        self._db = db
