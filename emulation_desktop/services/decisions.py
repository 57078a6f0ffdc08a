"""Decisions, the award register (số sổ), proposals upward and higher levels' decisions."""

from __future__ import annotations

from emulation_desktop.services.rules import RulesService
from emulation_desktop.store.db import Database


class DecisionService:
    def __init__(self, db: Database, rules: RulesService) -> None:
        self._db = db
        self._rules = rules
