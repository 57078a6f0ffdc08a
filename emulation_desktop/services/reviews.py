"""Reviews (sơ kết, tổng kết) of movements and phases with results per registered subject."""

from __future__ import annotations

from emulation_desktop.store.db import Database


class ReviewService:
    def __init__(self, db: Database) -> None:
        self._db = db
