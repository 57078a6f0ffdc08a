"""Register of complaints, petitions, inspections and supervision on TĐKT."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class ComplaintService:
    def __init__(self, db: Database) -> None:
        self._db = db
