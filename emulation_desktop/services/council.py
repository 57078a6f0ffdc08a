"""The council (Hội đồng Thi đua – Khen thưởng): composition, meetings, attendance, tally."""

from __future__ import annotations

from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.db import Database


class CouncilService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules
